using NodaTime;

namespace Kam.Core.Value.Summaries;

/// <summary>
/// A transaction log summarized for the customer-base models: one <see cref="CustomerSummary"/> per customer whose
/// first purchase falls on or before the calibration end.
/// </summary>
/// <remarks>
/// Rows are in the order in which each customer first appears in the log. Transactions after
/// <see cref="CalibrationEnd"/> are not part of the summary; <see cref="TransactionsAfterCalibrationEnd"/> says how
/// many there were, and <see cref="CustomersFirstSeenAfterCalibrationEnd"/> how many customers appear only after it,
/// so nothing is dropped silently (use <see cref="ITransactionSummarizer.Split"/> to keep them as holdout data).
/// Immutable and safe to share between threads.
/// </remarks>
public sealed class TransactionSummary
{
    internal TransactionSummary(
        LocalDate calibrationEnd,
        SummaryTimeUnit unit,
        IReadOnlyList<CustomerSummary> customers,
        int transactionsAfterCalibrationEnd,
        int customersFirstSeenAfterCalibrationEnd)
    {
        CalibrationEnd = calibrationEnd;
        Unit = unit;
        Customers = customers;
        TransactionsAfterCalibrationEnd = transactionsAfterCalibrationEnd;
        CustomersFirstSeenAfterCalibrationEnd = customersFirstSeenAfterCalibrationEnd;
    }

    /// <summary>Gets the last day of the calibration period (inclusive).</summary>
    public LocalDate CalibrationEnd { get; }

    /// <summary>Gets the unit of <see cref="CustomerSummary.Recency"/> and <see cref="CustomerSummary.Age"/>.</summary>
    public SummaryTimeUnit Unit { get; }

    /// <summary>Gets one row per customer, in order of first appearance in the log.</summary>
    public IReadOnlyList<CustomerSummary> Customers { get; }

    /// <summary>Gets the number of log rows dated after <see cref="CalibrationEnd"/> (not summarized).</summary>
    public int TransactionsAfterCalibrationEnd { get; }

    /// <summary>Gets the number of customers whose first purchase is after <see cref="CalibrationEnd"/> (no row).</summary>
    public int CustomersFirstSeenAfterCalibrationEnd { get; }
}
