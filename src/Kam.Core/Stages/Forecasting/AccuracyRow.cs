namespace Kam.Core.Stages.Forecasting;

/// <summary>One period's forecast at one horizon against what was booked.</summary>
/// <remarks>Made by <see cref="ForecastTrackRecord.Rows"/> and <see cref="ForecastTrackRecord.UnitRows"/>. Immutable.</remarks>
public sealed class AccuracyRow
{
    internal AccuracyRow(FiscalPeriod period, int horizonDays, Money forecast, Money booked)
    {
        Period = period;
        HorizonDays = horizonDays;
        Forecast = forecast;
        Booked = booked;
        Error = forecast - booked;
        AbsolutePercentageError = booked.Amount > 0m ? (double)(Math.Abs(Error.Amount) / booked.Amount) : null;
    }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the horizon in days before the period's end.</summary>
    public int HorizonDays { get; }

    /// <summary>Gets the forecast made at the horizon: Σ value × probability of the open opportunities expected to close in the period.</summary>
    public Money Forecast { get; }

    /// <summary>Gets the value won in the period.</summary>
    public Money Booked { get; }

    /// <summary>Gets forecast − booked (positive: the forecast was too high).</summary>
    public Money Error { get; }

    /// <summary>Gets |error| / booked, or null when nothing was booked.</summary>
    public double? AbsolutePercentageError { get; }
}
