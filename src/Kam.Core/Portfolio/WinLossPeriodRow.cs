namespace Kam.Core.Portfolio;

/// <summary>One period of the win/loss trend: the figures of the opportunities closed in it and the change from the period before.</summary>
/// <remarks>Immutable. A change is absent (null) when the rate it compares is absent in either period.</remarks>
public sealed class WinLossPeriodRow
{
    internal WinLossPeriodRow(FiscalPeriod period, WinLossFigures figures, WinLossFigures previous)
    {
        Period = period;
        Figures = figures;
        ClosedChange = figures.Closed - previous.Closed;
        WonValueChange = new Money(Overflow.Subtract(figures.WonValue.Amount, previous.WonValue.Amount, "won value change"), figures.WonValue.Currency);
        if (figures.WinRate is { } rate && previous.WinRate is { } before)
        {
            WinRateChange = rate.Fraction - before.Fraction;
        }

        if (figures.WinRateByValue is { } valueRate && previous.WinRateByValue is { } valueBefore)
        {
            WinRateByValueChange = valueRate.Fraction - valueBefore.Fraction;
        }
    }

    /// <summary>Gets the period (the period the opportunities closed in).</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the figures of the opportunities closed in the period.</summary>
    public WinLossFigures Figures { get; }

    /// <summary>Gets the change in the number closed from the period before.</summary>
    public long ClosedChange { get; }

    /// <summary>Gets the change in the value won from the period before.</summary>
    public Money WonValueChange { get; }

    /// <summary>Gets the change in the win rate by count from the period before, as a fraction (0.05 = 5 percentage points up); null when either rate is absent.</summary>
    public decimal? WinRateChange { get; }

    /// <summary>Gets the change in the win rate by value from the period before, as a fraction; null when either rate is absent.</summary>
    public decimal? WinRateByValueChange { get; }
}
