namespace Kam.Core.Tiering.Stability;

/// <summary>
/// What tier stability remembers about one account between runs: the tier it holds, and the tier proposed instead
/// with the number of consecutive runs it has been proposed.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class TierHistory
{
    /// <summary>Creates the tier history.</summary>
    /// <param name="tier">The tier the account holds.</param>
    /// <param name="pendingTier">The different tier proposed in the latest runs, or <see langword="null"/>.</param>
    /// <param name="pendingPeriods">How many consecutive runs <see cref="PendingTier"/> has been proposed.</param>
    public TierHistory(string tier, string? pendingTier = null, int pendingPeriods = 0)
    {
        Tier = tier;
        PendingTier = pendingTier;
        PendingPeriods = pendingPeriods;
    }

    /// <summary>Gets the tier the account holds.</summary>
    public string Tier { get; }

    /// <summary>Gets the different tier proposed in the latest runs, or <see langword="null"/>.</summary>
    public string? PendingTier { get; }

    /// <summary>Gets how many consecutive runs <see cref="PendingTier"/> has been proposed.</summary>
    public int PendingPeriods { get; }
}
