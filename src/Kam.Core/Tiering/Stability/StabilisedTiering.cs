namespace Kam.Core.Tiering;

/// <summary>The outcome of applying tier stability to a run: the tiers accounts actually hold, and the history to pass to the next run.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Result">The stabilised tiering; each explanation adds a "hysteresis" threshold check when the tier was held.</param>
/// <param name="History">The state of every account of the run, for the next call.</param>
public sealed record StabilisedTiering(TieringResult Result, IReadOnlyDictionary<AccountId, TierHistory> History);
