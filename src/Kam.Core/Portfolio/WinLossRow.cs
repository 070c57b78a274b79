namespace Kam.Core.Portfolio;

/// <summary>One row of a win/loss breakdown: a key (a reason, a competitor, a stage, an owner, a band, an industry) and the figures of the opportunities under it.</summary>
/// <typeparam name="TKey">The breakdown's key; null keys collect the opportunities without one (no reason code recorded, no competitor named, no industry known).</typeparam>
/// <remarks>Immutable.</remarks>
public sealed class WinLossRow<TKey>
{
    internal WinLossRow(TKey key, WinLossFigures figures)
    {
        Key = key;
        Figures = figures;
    }

    /// <summary>Gets the key.</summary>
    public TKey Key { get; }

    /// <summary>Gets the figures of the opportunities under the key.</summary>
    public WinLossFigures Figures { get; }

    /// <summary>Renders the row as <c>key: closed, won, win rate</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => $"{(Key is null ? "(none)" : Key.ToString())}: {Figures.Closed} closed, {Figures.Won} won, win rate {(Figures.WinRate is { } r ? r.ToString() : "n/a")}";
}
