using System.Globalization;
using NodaTime;

namespace Kam.Core.Value.Summaries;

/// <summary>
/// The standard <see cref="ITransactionSummarizer"/>: repeat purchase occasions are distinct purchase days after the
/// first, as in Fader, Hardie and Lee (2005) and the CDNOW summary file.
/// </summary>
/// <remarks>
/// <para>
/// For each customer: the first purchase day starts the customer's clock; every later distinct day up to the
/// calibration end is a repeat occasion (rows on the same day are summed into one occasion); frequency x is the
/// number of repeat occasions, recency t_x the time from the first day to the last repeat day (0 when x = 0), age T
/// the time from the first day to the calibration end, and the monetary value the mean value of the repeat
/// occasions (the first purchase is excluded, as the Gamma-Gamma model requires; 0 when x = 0).
/// </para>
/// <para>
/// Cost: O(n log n) in the number of log rows. Stateless, so one instance serves every thread.
/// </para>
/// </remarks>
public sealed class TransactionSummarizer : ITransactionSummarizer
{
    /// <inheritdoc />
    public TransactionSummary Summarize(IEnumerable<Transaction> log, LocalDate calibrationEnd, SummaryTimeUnit unit)
    {
        var (order, histories) = Read(log, unit, calibrationEnd, null);
        var rows = new List<CustomerSummary>(order.Count);
        var after = 0;
        var lateCustomers = 0;
        foreach (var id in order)
        {
            var days = histories[id];
            after += RowsAfter(days, calibrationEnd);
            if (days[0].Date > calibrationEnd)
            {
                lateCustomers++;
                continue;
            }

            rows.Add(Summarize(id, days, calibrationEnd, unit));
        }

        RequireCustomers(rows.Count, calibrationEnd);
        return new TransactionSummary(calibrationEnd, unit, rows.AsReadOnly(), after, lateCustomers);
    }

    /// <inheritdoc />
    public CalibrationHoldoutSplit Split(IEnumerable<Transaction> log, LocalDate calibrationEnd, LocalDate holdoutEnd, SummaryTimeUnit unit)
    {
        var (order, histories) = Read(log, unit, calibrationEnd, holdoutEnd);
        var rows = new List<CalibrationHoldoutRow>(order.Count);
        var afterHoldout = 0;
        var holdoutCustomers = 0;
        foreach (var id in order)
        {
            var days = histories[id];
            afterHoldout += RowsAfter(days, holdoutEnd);
            if (days[0].Date > calibrationEnd)
            {
                holdoutCustomers += days[0].Date <= holdoutEnd ? 1 : 0;
                continue;
            }

            var (occasions, value, holdoutRows) = (0, 0m, 0);
            foreach (var day in days)
            {
                if (day.Date > calibrationEnd && day.Date <= holdoutEnd)
                {
                    occasions++;
                    value = Overflow.Add(value, day.Amount, SpendPath(id));
                    holdoutRows += day.Rows;
                }
            }

            rows.Add(new CalibrationHoldoutRow(Summarize(id, days, calibrationEnd, unit), occasions, value, holdoutRows));
        }

        RequireCustomers(rows.Count, calibrationEnd);
        return new CalibrationHoldoutSplit(calibrationEnd, holdoutEnd, unit, rows.AsReadOnly(), holdoutCustomers, afterHoldout);
    }

    private static CustomerSummary Summarize(string id, List<PurchaseDay> days, LocalDate calibrationEnd, SummaryTimeUnit unit)
    {
        var first = days[0];
        var repeats = 0;
        var repeatValue = 0m;
        var rows = first.Rows;
        var last = first.Date;
        for (var i = 1; i < days.Count && days[i].Date <= calibrationEnd; i++)
        {
            repeats++;
            repeatValue = Overflow.Add(repeatValue, days[i].Amount, SpendPath(id));
            rows += days[i].Rows;
            last = days[i].Date;
        }

        return new CustomerSummary(
            id,
            repeats,
            unit.FromDays(DaysBetween(first.Date, last)),
            unit.FromDays(DaysBetween(first.Date, calibrationEnd)),
            repeats == 0 ? 0d : (double)(repeatValue / repeats),
            rows);
    }

    private static int RowsAfter(List<PurchaseDay> days, LocalDate end)
    {
        var rows = 0;
        for (var i = days.Count - 1; i >= 0 && days[i].Date > end; i--)
        {
            rows += days[i].Rows;
        }

        return rows;
    }

    private static int DaysBetween(LocalDate start, LocalDate end) => Period.DaysBetween(start, end);

    private static void RequireCustomers(int count, LocalDate calibrationEnd)
    {
        if (count == 0)
        {
            throw new KamValidationException(
                "calibrationEnd",
                KamErrorCodes.Empty,
                calibrationEnd.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                "No customer made a purchase on or before the calibration end; there is nothing to summarise.");
        }
    }

    private static (List<string> Order, Dictionary<string, List<PurchaseDay>> Histories) Read(
        IEnumerable<Transaction> log, SummaryTimeUnit unit, LocalDate calibrationEnd, LocalDate? holdoutEnd)
    {
        ArgumentNullException.ThrowIfNull(log);
        var errors = new ValidationCollector();
        if (!Enum.IsDefined(unit))
        {
            errors.Add("unit", KamErrorCodes.OutOfRange, unit, "Not a defined time unit.");
        }

        if (holdoutEnd is { } end && end <= calibrationEnd)
        {
            errors.Add("holdoutEnd", KamErrorCodes.OutOfOrder, end.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), "The holdout period must end after the calibration end.");
        }

        var order = new List<string>();
        var raw = new Dictionary<string, List<PurchaseDay>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var t in log)
        {
            // Paths are built only for bad rows: a million-row log must not allocate a million path strings.
            var ok = !string.IsNullOrWhiteSpace(t.CustomerId);
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"log[{index}].customerId"), KamErrorCodes.Required, t.CustomerId, "A value is required.");
            }

            if (t.Amount < 0m)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"log[{index}].amount"), KamErrorCodes.OutOfRange, t.Amount, "A transaction amount must not be negative.");
                ok = false;
            }

            if (ok && !errors.HasErrors)
            {
                if (!raw.TryGetValue(t.CustomerId, out var list))
                {
                    list = [];
                    raw.Add(t.CustomerId, list);
                    order.Add(t.CustomerId);
                }

                list.Add(new PurchaseDay(t.Date, t.Amount, 1));
            }

            index++;
        }

        errors.ThrowIfAny();
        foreach (var (id, list) in raw)
        {
            Collapse(id, list);
        }

        return (order, raw);
    }

    // Sorts one customer's rows by date and merges rows of the same day, in place (the list is the summarizer's own).
    private static List<PurchaseDay> Collapse(string id, List<PurchaseDay> rows)
    {
        if (rows.Count > 1)
        {
            rows.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        }

        var kept = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            var day = rows[kept];
            if (rows[i].Date == day.Date)
            {
                rows[kept] = new PurchaseDay(day.Date, Overflow.Add(day.Amount, rows[i].Amount, SpendPath(id)), day.Rows + 1);
            }
            else
            {
                rows[++kept] = rows[i];
            }
        }

        rows.RemoveRange(kept + 1, rows.Count - kept - 1);
        return rows;
    }

    /// <summary>The overflow path of a customer's spend (<c>customers['C1'].spend</c>).</summary>
    private static string SpendPath(string id) => $"customers['{id}'].spend";

    private readonly record struct PurchaseDay(LocalDate Date, decimal Amount, int Rows);
}
