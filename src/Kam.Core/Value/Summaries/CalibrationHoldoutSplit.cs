using NodaTime;

namespace Kam.Core.Value.Summaries;

/// <summary>
/// A transaction log split for model checking: each customer's calibration summary (fit the model on it) and the
/// customer's actual purchases in the holdout period that follows (compare the model's predictions with them).
/// </summary>
/// <remarks>
/// The calibration period ends on <see cref="CalibrationEnd"/> (inclusive); the holdout period runs from the next
/// day to <see cref="HoldoutEnd"/> (inclusive) and is <see cref="HoldoutLength"/> units long. Customers whose first
/// purchase is in the holdout period are not part of the calibration cohort: they get no row and are counted in
/// <see cref="CustomersFirstSeenInHoldout"/>. Rows after <see cref="HoldoutEnd"/> are counted in
/// <see cref="TransactionsAfterHoldoutEnd"/>. Immutable and safe to share between threads.
/// </remarks>
public sealed class CalibrationHoldoutSplit
{
    internal CalibrationHoldoutSplit(
        LocalDate calibrationEnd,
        LocalDate holdoutEnd,
        SummaryTimeUnit unit,
        IReadOnlyList<CalibrationHoldoutRow> customers,
        int customersFirstSeenInHoldout,
        int transactionsAfterHoldoutEnd)
    {
        CalibrationEnd = calibrationEnd;
        HoldoutEnd = holdoutEnd;
        Unit = unit;
        Customers = customers;
        CustomersFirstSeenInHoldout = customersFirstSeenInHoldout;
        TransactionsAfterHoldoutEnd = transactionsAfterHoldoutEnd;
    }

    /// <summary>Gets the last day of the calibration period (inclusive).</summary>
    public LocalDate CalibrationEnd { get; }

    /// <summary>Gets the last day of the holdout period (inclusive).</summary>
    public LocalDate HoldoutEnd { get; }

    /// <summary>Gets the time unit of the summaries and of <see cref="HoldoutLength"/>.</summary>
    public SummaryTimeUnit Unit { get; }

    /// <summary>Gets the length of the holdout period in <see cref="Unit"/>s (the window to predict for).</summary>
    public double HoldoutLength => Unit.FromDays(Period.DaysBetween(CalibrationEnd, HoldoutEnd));

    /// <summary>Gets one row per calibration customer, in order of first appearance in the log.</summary>
    public IReadOnlyList<CalibrationHoldoutRow> Customers { get; }

    /// <summary>Gets the number of customers whose first purchase falls in the holdout period (no row).</summary>
    public int CustomersFirstSeenInHoldout { get; }

    /// <summary>Gets the number of log rows dated after <see cref="HoldoutEnd"/> (ignored).</summary>
    public int TransactionsAfterHoldoutEnd { get; }
}
