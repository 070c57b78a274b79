using NodaTime;

namespace Kam.Core.Tiering.Rfm;

/// <summary>RFM tiering with its policy fixed at construction (see <see cref="RfmEngine"/>).</summary>
public interface IRfmEngine : ITieringEngine
{
    /// <summary>Gets the engine's policy.</summary>
    RfmPolicy Policy { get; }

    /// <summary>Scores one partition of a larger portfolio with cut points computed for the whole (see <see cref="RfmCutPoints.FromSketches"/>).</summary>
    /// <param name="portfolio">The partition's accounts.</param>
    /// <param name="cutPoints">The cut points of the whole portfolio.</param>
    /// <returns>The partition's tiers.</returns>
    /// <exception cref="KamValidationException">A measure is absent or incomplete, or the cut points do not fit the policy.</exception>
    TieringResult Assign(AccountMeasures portfolio, RfmCutPoints cutPoints);

    /// <summary>Turns a transaction log into per-account RFM measures as of a date, under the names the policy uses.</summary>
    /// <param name="transactions">The log, in any order.</param>
    /// <param name="asOf">The date recency is counted to; no transaction may be later.</param>
    /// <returns>The portfolio of every account in the log, ordered by identifier.</returns>
    /// <exception cref="KamValidationException">The log is empty, mixes currencies, or has a transaction after <paramref name="asOf"/>.</exception>
    AccountMeasures Aggregate(IEnumerable<CustomerTransaction> transactions, LocalDate asOf);
}
