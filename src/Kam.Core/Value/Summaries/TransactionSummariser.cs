using System.Globalization;
using NodaTime;

namespace Kam.Core.Value.Summaries;

/// <summary>
/// The standard <see cref="ITransactionSummariser"/>: repeat purchase occasions are distinct purchase days after the
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
public sealed class TransactionSummariser : ITransactionSummariser
{
    /// <inheritdoc />
    public TransactionSummary Summarise(IEnumerable<Transaction> log, LocalDate calibrationEnd, SummaryTimeUnit unit)
    {
        var (order, histories) = Read(log, unit, calibrationEnd, null);
        var rows = new List<CustomerSummary>(order.Count);
        var after = 0;
        var lateCustomers = 0;
        foreach (var id in order)
        {
            var days = histories[id];
            after += days.Where(d => d.Date > calibrationEnd).Sum(d => d.Rows);
            if (days[0].Date > calibrationEnd)
            {
                lateCustomers++;
                continue;
            }

            rows.Add(Summarise(id, days, calibrationEnd, unit));
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
            afterHoldout += days.Where(d => d.Date > holdoutEnd).Sum(d => d.Rows);
            if (days[0].Date > calibrationEnd)
            {
                holdoutCustomers += days[0].Date <= holdoutEnd ? 1 : 0;
                continue;
            }

            var holdout = days.Where(d => d.Date > calibrationEnd && d.Date <= holdoutEnd).ToList();
            rows.Add(new CalibrationHoldoutRow(
                Summarise(id, days, calibrationEnd, unit),
                holdout.Count,
                holdout.Sum(d => d.Amount),
                holdout.Sum(d => d.Rows)));
        }

        RequireCustomers(rows.Count, calibrationEnd);
        return new CalibrationHoldoutSplit(calibrationEnd, holdoutEnd, unit, rows.AsReadOnly(), holdoutCustomers, afterHoldout);
    }

    private static CustomerSummary Summarise(string id, List<PurchaseDay> days, LocalDate calibrationEnd, SummaryTimeUnit unit)
    {
        var first = days[0];
        var repeats = 0;
        var repeatValue = 0m;
        var rows = first.Rows;
        var last = first.Date;
        for (var i = 1; i < days.Count && days[i].Date <= calibrationEnd; i++)
        {
            repeats++;
            repeatValue += days[i].Amount;
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

    private static int DaysBetween(LocalDate start, LocalDate end) => Period.Between(start, end, PeriodUnits.Days).Days;

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
        var raw = new Dictionary<string, List<(LocalDate Date, decimal Amount)>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var t in log)
        {
            var ok = errors.Required($"log[{index}].customerId", t.CustomerId);
            if (t.Amount < 0m)
            {
                errors.Add($"log[{index}].amount", KamErrorCodes.OutOfRange, t.Amount, "A transaction amount must not be negative.");
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

                list.Add((t.Date, t.Amount));
            }

            index++;
        }

        errors.ThrowIfAny();
        var histories = new Dictionary<string, List<PurchaseDay>>(raw.Count, StringComparer.Ordinal);
        foreach (var (id, list) in raw)
        {
            histories.Add(id, Collapse(list));
        }

        return (order, histories);
    }

    private static List<PurchaseDay> Collapse(List<(LocalDate Date, decimal Amount)> rows)
    {
        rows.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        var days = new List<PurchaseDay>(rows.Count);
        foreach (var (date, amount) in rows)
        {
            if (days.Count > 0 && days[^1].Date == date)
            {
                var day = days[^1];
                days[^1] = new PurchaseDay(date, day.Amount + amount, day.Rows + 1);
            }
            else
            {
                days.Add(new PurchaseDay(date, amount, 1));
            }
        }

        return days;
    }

    private readonly record struct PurchaseDay(LocalDate Date, decimal Amount, int Rows);
}
