namespace Kam.Core.Tiering;

/// <summary>
/// A tiering engine: takes a portfolio (accounts and the measures its policy needs) and a policy, and returns each
/// account's tier, score and explanation, with a summary per tier.
/// </summary>
/// <remarks>Implementations are immutable and safe to use from many threads; they never change their inputs.</remarks>
/// <typeparam name="TPolicy">The engine's policy type.</typeparam>
public interface ITieringEngine<in TPolicy>
    where TPolicy : class
{
    /// <summary>Tiers every account of a portfolio.</summary>
    /// <param name="portfolio">The accounts and their measures.</param>
    /// <param name="policy">The validated policy.</param>
    /// <returns>One tier per account, and the summary.</returns>
    /// <exception cref="KamValidationException">The portfolio lacks a measure the policy needs, or is empty where data is needed.</exception>
    TieringResult Assign(AccountMeasures portfolio, TPolicy policy);
}
