namespace Kam.Core.Stages.Forecasting;

/// <summary>The scores of the forecasts at one horizon over the measured periods.</summary>
/// <remarks>Made by <see cref="ForecastTrackRecord.Score"/> and <see cref="ForecastTrackRecord.UnitScore"/>. Immutable.</remarks>
public sealed class AccuracyScore
{
    internal AccuracyScore(int horizonDays, IReadOnlyList<AccuracyRow> rows, Currency currency)
    {
        HorizonDays = horizonDays;
        Periods = rows.Count;
        decimal error = 0m, absolute = 0m;
        double ape = 0d;
        var withBookings = 0;
        foreach (var row in rows)
        {
            error += row.Error.Amount;
            absolute += Math.Abs(row.Error.Amount);
            if (row.AbsolutePercentageError is { } e)
            {
                ape += e;
                withBookings++;
            }
        }

        Bias = new Money(rows.Count == 0 ? 0m : error / rows.Count, currency);
        MeanAbsoluteError = new Money(rows.Count == 0 ? 0m : absolute / rows.Count, currency);
        PeriodsWithBookings = withBookings;
        Mape = withBookings == 0 ? null : ape / withBookings;
    }

    /// <summary>Gets the horizon in days.</summary>
    public int HorizonDays { get; }

    /// <summary>Gets the number of measured periods.</summary>
    public int Periods { get; }

    /// <summary>Gets the number of periods with bookings (those in the MAPE).</summary>
    public int PeriodsWithBookings { get; }

    /// <summary>Gets the bias: the mean error (forecast − booked) per period; positive means optimistic.</summary>
    public Money Bias { get; }

    /// <summary>Gets the mean absolute error per period.</summary>
    public Money MeanAbsoluteError { get; }

    /// <summary>Gets the mean absolute percentage error over the periods with bookings, or null when none had any.</summary>
    public double? Mape { get; }
}
