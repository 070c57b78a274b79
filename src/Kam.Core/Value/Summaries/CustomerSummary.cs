namespace Kam.Core.Value.Summaries;

/// <summary>
/// One customer's purchase history in the calibration period, summarized as the customer-base models need it:
/// frequency (repeat purchase occasions), recency, age and mean repeat value — the x, t_x, T and zbar of Fader,
/// Hardie and Lee.
/// </summary>
/// <remarks>
/// <para>
/// Times are in the summarizer's time unit (days, weeks or months) and measured from the customer's first purchase:
/// <see cref="Recency"/> is the time of the last repeat purchase (0 when there is none) and <see cref="Age"/> the time
/// from the first purchase to the end of the calibration period, so 0 &lt;= Recency &lt;= Age. Purchases on the same
/// day are one purchase occasion, as in the papers.
/// </para>
/// <para>
/// The type holds the values it is given; the summarizer produces valid rows, and the models validate the rows they
/// receive (non-negative whole <see cref="Frequency"/>, Recency &lt;= Age, finite values). Equality is member-wise
/// (ordinal on <see cref="CustomerId"/>). An immutable value, safe to share between threads.
/// </para>
/// </remarks>
/// <param name="CustomerId">The customer's identifier as it appears in the transaction log (for CDNOW a numeric string).</param>
/// <param name="Frequency">The number of repeat purchase occasions in the calibration period (x); a whole number held as a double.</param>
/// <param name="Recency">The time from the first purchase to the last repeat purchase (t_x); 0 when <see cref="Frequency"/> is 0.</param>
/// <param name="Age">The time from the first purchase to the end of the calibration period (T).</param>
/// <param name="MonetaryValue">The mean value of the repeat purchase occasions (zbar); 0 when <see cref="Frequency"/> is 0.</param>
/// <param name="TransactionCount">
/// The number of transactions (log rows) in the calibration period, including the first purchase and rows on the same
/// day; informational. A row built from an already summarized table, where the raw count is unknown, uses
/// <c>Frequency + 1</c>.
/// </param>
public readonly record struct CustomerSummary(
    string CustomerId,
    double Frequency,
    double Recency,
    double Age,
    double MonetaryValue,
    int TransactionCount);
