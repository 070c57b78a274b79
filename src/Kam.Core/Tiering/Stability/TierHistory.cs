namespace Kam.Core.Tiering;

/// <summary>
/// What tier stability remembers about one account between runs: the tier it holds, and the tier proposed instead
/// with the number of consecutive runs it has been proposed.
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Tier">The tier the account holds.</param>
/// <param name="PendingTier">The different tier proposed in the latest runs, or <see langword="null"/>.</param>
/// <param name="PendingPeriods">How many consecutive runs <paramref name="PendingTier"/> has been proposed.</param>
public sealed record TierHistory(string Tier, string? PendingTier = null, int PendingPeriods = 0);
