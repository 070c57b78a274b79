namespace Kam.Core.Tiering.Pareto;

/// <summary>Pareto/ABC tiering with its policy fixed at construction (see <see cref="ParetoEngine"/>).</summary>
public interface IParetoEngine : ITieringEngine
{
    /// <summary>Gets the engine's policy.</summary>
    ParetoPolicy Policy { get; }

    /// <summary>
    /// Tiers every account and also returns each account's rank, share and cumulative share of the value measure, as
    /// a report of the ranking shows them.
    /// </summary>
    /// <param name="portfolio">The accounts and their measures.</param>
    /// <returns>The tiers and the ranking.</returns>
    /// <exception cref="KamValidationException">The measure is absent or has missing values, or the portfolio is empty.</exception>
    ParetoRanking Rank(AccountMeasures portfolio);

    /// <summary>
    /// Tiers one partition of a larger portfolio against value cut points computed elsewhere (from merged
    /// <see cref="ValueSketch"/>es): an account with value at or above cut point <c>k</c> is in tier <c>k</c> or better.
    /// </summary>
    /// <param name="portfolio">The partition's accounts.</param>
    /// <param name="cutPoints">The value thresholds, from <see cref="ValueSketch.ParetoCutPoints"/>.</param>
    /// <returns>The partition's tiers.</returns>
    /// <exception cref="KamValidationException">The cut points do not match the policy, or the measure is absent or incomplete.</exception>
    TieringResult AssignWithCutPoints(AccountMeasures portfolio, IReadOnlyList<double> cutPoints);

    /// <summary>Tiers one partition with the exact boundaries of the two-pass path (<see cref="ValueHistogram"/>, <see cref="ParetoCutPlan"/>).</summary>
    /// <param name="portfolio">The partition's accounts.</param>
    /// <param name="boundaries">The resolved boundaries, one per cut.</param>
    /// <returns>The partition's tiers.</returns>
    /// <exception cref="KamValidationException">The boundaries do not match the policy, or the measure is absent or incomplete.</exception>
    TieringResult AssignWithBoundaries(AccountMeasures portfolio, IReadOnlyList<ParetoBoundary> boundaries);
}
