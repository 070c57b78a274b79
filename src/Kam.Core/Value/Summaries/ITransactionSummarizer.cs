using NodaTime;

namespace Kam.Core.Value.Summaries;

/// <summary>Turns a transaction log into the per-customer frequency / recency / age / value table of the customer-base models.</summary>
/// <remarks>Implementations are immutable and thread-safe; they never mutate the log they are given.</remarks>
public interface ITransactionSummarizer
{
    /// <summary>Summarizes the log up to and including <paramref name="calibrationEnd"/>.</summary>
    /// <param name="log">The transactions, in any order.</param>
    /// <param name="calibrationEnd">The last day of the calibration period (inclusive).</param>
    /// <param name="unit">The time unit of recency and age.</param>
    /// <returns>One summary row per customer who bought on or before <paramref name="calibrationEnd"/>.</returns>
    /// <exception cref="KamValidationException">A row has a blank customer or a negative amount, the unit is undefined, or no customer bought by the calibration end.</exception>
    TransactionSummary Summarize(IEnumerable<Transaction> log, LocalDate calibrationEnd, SummaryTimeUnit unit);

    /// <summary>Splits the log into a calibration summary and the holdout purchases that follow it.</summary>
    /// <param name="log">The transactions, in any order.</param>
    /// <param name="calibrationEnd">The last day of the calibration period (inclusive).</param>
    /// <param name="holdoutEnd">The last day of the holdout period (inclusive); after <paramref name="calibrationEnd"/>.</param>
    /// <param name="unit">The time unit of recency, age and holdout length.</param>
    /// <returns>The calibration summaries with each customer's holdout purchases.</returns>
    /// <exception cref="KamValidationException">As <see cref="Summarize"/>, or <paramref name="holdoutEnd"/> is not after <paramref name="calibrationEnd"/>.</exception>
    CalibrationHoldoutSplit Split(IEnumerable<Transaction> log, LocalDate calibrationEnd, LocalDate holdoutEnd, SummaryTimeUnit unit);
}
