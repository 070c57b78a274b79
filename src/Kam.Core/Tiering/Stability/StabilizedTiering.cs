namespace Kam.Core.Tiering.Stability;

/// <summary>The outcome of applying tier stability to a run: the tiers accounts actually hold, and the history to pass to the next run.</summary>
/// <remarks>Immutable.</remarks>
public sealed class StabilizedTiering
{
    /// <summary>Creates the stabilized tiering.</summary>
    /// <param name="result">The stabilized tiering; each explanation adds a "hysteresis" threshold check when the tier was held.</param>
    /// <param name="history">The state of every account of the run, for the next call.</param>
    internal StabilizedTiering(TieringResult result, IReadOnlyDictionary<AccountId, TierHistory> history)
    {
        Result = result;
        History = history;
    }

    /// <summary>Gets the stabilized tiering; each explanation adds a "hysteresis" threshold check when the tier was held.</summary>
    public TieringResult Result { get; }

    /// <summary>Gets the state of every account of the run, for the next call.</summary>
    public IReadOnlyDictionary<AccountId, TierHistory> History { get; }
}
