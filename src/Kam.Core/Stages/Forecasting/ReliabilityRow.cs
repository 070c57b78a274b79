namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// One row of the reliability table: the closed opportunities whose probability at close lay in a band, the mean of
/// those probabilities and the share that was won. Calibrated probabilities put the observed rate near the mean.
/// </summary>
/// <remarks>Made by <see cref="WinHistory.Reliability"/>. Immutable.</remarks>
public sealed class ReliabilityRow
{
    internal ReliabilityRow(Percentage from, Percentage to, long count, long won, double? meanPredicted)
    {
        From = from;
        To = to;
        Count = count;
        Won = won;
        MeanPredicted = meanPredicted;
        ObservedRate = count == 0 ? null : won / (double)count;
        (Low, High) = WilsonInterval.Of(won, count);
    }

    /// <summary>Gets the band's lower end (included).</summary>
    public Percentage From { get; }

    /// <summary>Gets the band's upper end (excluded, except 100% in the last band).</summary>
    public Percentage To { get; }

    /// <summary>Gets the number of closed opportunities in the band.</summary>
    public long Count { get; }

    /// <summary>Gets how many of them were won.</summary>
    public long Won { get; }

    /// <summary>Gets the mean probability they held, or null for an empty band.</summary>
    public double? MeanPredicted { get; }

    /// <summary>Gets the observed win rate, or null for an empty band.</summary>
    public double? ObservedRate { get; }

    /// <summary>Gets the lower end of the observed rate's 95% Wilson interval.</summary>
    public double Low { get; }

    /// <summary>Gets the upper end of the observed rate's 95% Wilson interval.</summary>
    public double High { get; }
}
