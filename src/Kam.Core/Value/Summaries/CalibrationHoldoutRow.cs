namespace Kam.Core.Value.Summaries;

/// <summary>One customer's calibration summary together with what the customer did in the holdout period.</summary>
/// <remarks>
/// Holdout purchases are all repeat purchases; purchases on the same day count as one occasion, as in calibration.
/// Immutable.
/// </remarks>
public sealed class CalibrationHoldoutRow
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="calibration">The calibration-period summary.</param>
    /// <param name="holdoutFrequency">The number of purchase occasions (distinct days) in the holdout period.</param>
    /// <param name="holdoutValue">The total value of the holdout purchases.</param>
    /// <param name="holdoutTransactionCount">The number of log rows in the holdout period.</param>
    internal CalibrationHoldoutRow(CustomerSummary calibration, double holdoutFrequency, decimal holdoutValue, int holdoutTransactionCount)
    {
        Calibration = calibration;
        HoldoutFrequency = holdoutFrequency;
        HoldoutValue = holdoutValue;
        HoldoutTransactionCount = holdoutTransactionCount;
    }

    /// <summary>Gets the calibration-period summary.</summary>
    public CustomerSummary Calibration { get; }

    /// <summary>Gets the number of purchase occasions (distinct days) in the holdout period.</summary>
    public double HoldoutFrequency { get; }

    /// <summary>Gets the total value of the holdout purchases.</summary>
    public decimal HoldoutValue { get; }

    /// <summary>Gets the number of log rows in the holdout period.</summary>
    public int HoldoutTransactionCount { get; }

    /// <summary>Gets the mean value of a holdout purchase occasion, or 0 when there was none.</summary>
    public decimal HoldoutMonetaryValue => HoldoutFrequency > 0 ? HoldoutValue / (decimal)HoldoutFrequency : 0m;
}
