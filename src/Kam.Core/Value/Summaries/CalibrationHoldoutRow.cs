namespace Kam.Core.Value.Summaries;

/// <summary>One customer's calibration summary together with what the customer did in the holdout period.</summary>
/// <remarks>
/// Holdout purchases are all repeat purchases; purchases on the same day count as one occasion, as in calibration.
/// An immutable value; equality is member-wise.
/// </remarks>
/// <param name="Calibration">The calibration-period summary.</param>
/// <param name="HoldoutFrequency">The number of purchase occasions (distinct days) in the holdout period.</param>
/// <param name="HoldoutValue">The total value of the holdout purchases.</param>
/// <param name="HoldoutTransactionCount">The number of log rows in the holdout period.</param>
public readonly record struct CalibrationHoldoutRow(
    CustomerSummary Calibration,
    double HoldoutFrequency,
    decimal HoldoutValue,
    int HoldoutTransactionCount)
{
    /// <summary>Gets the mean value of a holdout purchase occasion, or 0 when there was none.</summary>
    public decimal HoldoutMonetaryValue => HoldoutFrequency > 0 ? HoldoutValue / (decimal)HoldoutFrequency : 0m;
}
