namespace Kam.Core.Portfolio;

/// <summary>
/// The figures of a set of closed opportunities: how many were won, lost and abandoned and what they were worth, the
/// win rate by count and by value, and the cycle time from opening to closing (docs/portfolio.md gives the definitions).
/// </summary>
/// <remarks>A rate or a cycle time over no opportunities (or over no value) is absent (null), never 0/0. Immutable.</remarks>
public sealed class WinLossFigures
{
    internal WinLossFigures(WinLossTally tally, Currency currency)
    {
        Won = tally.Counts[0];
        Lost = tally.Counts[1];
        Abandoned = tally.Counts[2];
        WonValue = new Money(tally.Values[0], currency);
        LostValue = new Money(tally.Values[1], currency);
        AbandonedValue = new Money(tally.Values[2], currency);
        var closedValue = Overflow.Add(Overflow.Add(tally.Values[0], tally.Values[1], "closed value"), tally.Values[2], "closed value");
        ClosedValue = new Money(closedValue, currency);
        if (Closed > 0)
        {
            WinRate = Ratio.FromFraction((decimal)Won / Closed);
            MeanCycleDays = (double)tally.DaysSum / Closed;
            MedianCycleDays = Median(tally.Days, Closed);
        }

        if (closedValue > 0m)
        {
            WinRateByValue = Ratio.FromFraction(tally.Values[0] / closedValue);
        }
    }

    /// <summary>Gets the number of closed opportunities (won + lost + abandoned).</summary>
    public long Closed => Won + Lost + Abandoned;

    /// <summary>Gets the number won.</summary>
    public long Won { get; }

    /// <summary>Gets the number lost.</summary>
    public long Lost { get; }

    /// <summary>Gets the number abandoned.</summary>
    public long Abandoned { get; }

    /// <summary>Gets the value of the closed opportunities (won + lost + abandoned value).</summary>
    public Money ClosedValue { get; }

    /// <summary>Gets the value won.</summary>
    public Money WonValue { get; }

    /// <summary>Gets the value lost.</summary>
    public Money LostValue { get; }

    /// <summary>Gets the value abandoned.</summary>
    public Money AbandonedValue { get; }

    /// <summary>Gets the win rate by count: won / closed; null when nothing closed.</summary>
    public Ratio? WinRate { get; }

    /// <summary>Gets the win rate by value: won value / closed value; null when the closed value is zero.</summary>
    public Ratio? WinRateByValue { get; }

    /// <summary>Gets the median cycle time in days (whole days from opening to closing; the mean of the two middle ones for an even count); null when nothing closed.</summary>
    public double? MedianCycleDays { get; }

    /// <summary>Gets the mean cycle time in days; null when nothing closed.</summary>
    public double? MeanCycleDays { get; }

    private static double Median(SortedDictionary<int, long> days, long count)
    {
        // The middle element(s), 0-based: (count - 1) / 2 and count / 2.
        long low = (count - 1) / 2, high = count / 2, seen = 0;
        int? lowDays = null;
        foreach (var (d, n) in days)
        {
            if (lowDays is null && low < seen + n)
            {
                lowDays = d;
            }

            if (high < seen + n)
            {
                return (lowDays!.Value + (double)d) / 2;
            }

            seen += n;
        }

        throw new InvalidOperationException("The histogram holds fewer values than counted.");
    }
}
