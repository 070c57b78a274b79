using System.Globalization;
using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>
/// Measures the contact standards against the activity log: compliance per account, manager and period (met, short,
/// overdue, the next due date, the days since the last contact), and the capacity check of each manager (rule book:
/// accounts, contact standards). The rules are fixed at construction; immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>
/// A standard's periods are calendar periods (months, quarters from January, halves, years). Every period that
/// overlaps the assessed dates and ends on or after the day the account exists from is assessed with the standard's
/// full frequency; the running period (the one holding the assessment date) counts the contacts made up to that date.
/// </para>
/// <para>
/// Within a period of <c>d</c> days that asks for <c>n</c> contacts, the <c>k</c>-th is due by day ⌈k × d ÷ n⌉ of the
/// period: the contacts are spread evenly. A running period is <see cref="ComplianceStatus.Overdue"/> when its next due
/// date is before the assessment date. Adding an activity never lowers the compliance, and the order of the activities
/// changes nothing (FsCheck laws).
/// </para>
/// </remarks>
public sealed class ContactComplianceEngine
{
    private readonly ContactStandards _standards;

    /// <summary>Creates the engine.</summary>
    /// <param name="standards">The contact standards.</param>
    public ContactComplianceEngine(ContactStandards standards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        _standards = standards;
    }

    /// <summary>Gets the contact standards.</summary>
    public ContactStandards Standards => _standards;

    /// <summary>Assesses the compliance of accounts with their standards between two dates.</summary>
    /// <param name="log">The activity log.</param>
    /// <param name="accounts">The accounts to assess, each with its manager and grade.</param>
    /// <param name="from">The first assessed date.</param>
    /// <param name="asOf">The assessment date, on or after <paramref name="from"/>.</param>
    /// <returns>The compliance per account and per manager.</returns>
    /// <exception cref="KamValidationException">An account is missing, not in the log, listed twice or of a grade without a standard, or the dates are out of order; every problem is reported.</exception>
    public ComplianceReport Assess(ActivityLog log, IReadOnlyList<AccountAssignment> accounts, LocalDate from, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(accounts);
        var errors = new ValidationCollector();
        if (asOf < from)
        {
            errors.Add("asOf", KamErrorCodes.OutOfOrder, asOf, $"The assessment date is before the first date ({ValidationCollector.Render(from)}).");
        }

        var (given, standards, indexes) = Resolve(errors, accounts, log);
        errors.ThrowIfAny();
        var result = new AccountCompliance[given.Length];
        var managers = new Dictionary<PersonId, int[]>();
        var fromMonth = ActivityLog.MonthIndex(from);
        var asOfMonth = ActivityLog.MonthIndex(asOf);
        var asOfDay = ActivityLog.Day(asOf);
        for (var i = 0; i < given.Length; i++)
        {
            var a = indexes[i];
            var s = standards[i];
            var periods = new List<PeriodCompliance>();
            int required = 0, credited = 0;
            var status = ComplianceStatus.Met;
            LocalDate? nextDue = null;
            Measure(log, a, ContactMeasure.Visits, s.Visits, (int)s.VisitPeriod, fromMonth, asOfMonth, asOfDay, periods, ref required, ref credited, ref status, ref nextDue);
            Measure(log, a, ContactMeasure.Calls, s.Calls, (int)s.CallPeriod, fromMonth, asOfMonth, asOfDay, periods, ref required, ref credited, ref status, ref nextDue);
            var last = log.LastAtOrBefore(a, asOfDay);
            LocalDate? lastContact = last < 0 ? null : ActivityLog.Date(log.Days[last]);
            int? days = last < 0 ? null : asOfDay - log.Days[last];
            result[i] = new AccountCompliance(given[i], periods.ToArray(), status, nextDue, lastContact, days, required, credited);
            if (!managers.TryGetValue(given[i].Manager, out var m))
            {
                managers.Add(given[i].Manager, m = new int[5]);
            }

            m[0]++;
            m[1] += status == ComplianceStatus.Met ? 1 : 0;
            m[2] += status == ComplianceStatus.Overdue ? 1 : 0;
            m[3] += required;
            m[4] += credited;
        }

        var byManager = managers.OrderBy(p => p.Key).Select(p => new ManagerCompliance(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4])).ToArray();
        return new ComplianceReport(from, asOf, Array.AsReadOnly(result), Array.AsReadOnly(byManager));
    }

    /// <summary>
    /// The capacity check: for each manager, the contact hours a month the standards of their accounts require (visits
    /// and calls a month × the hours each takes) against the hours the manager has.
    /// </summary>
    /// <param name="accounts">The accounts, each with its manager and grade.</param>
    /// <param name="capacityHours">A manager's own contact hours a month, above 0 (copied); a manager not listed has <see cref="ContactStandards.CapacityHoursPerMonth"/>.</param>
    /// <returns>One load per manager, ordered by manager (ordinal).</returns>
    /// <exception cref="KamValidationException">An account is missing, listed twice or of a grade without a standard, or a capacity is not above 0; every problem is reported.</exception>
    public IReadOnlyList<ManagerLoad> Capacity(IReadOnlyList<AccountAssignment> accounts, IReadOnlyDictionary<PersonId, decimal>? capacityHours = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var errors = new ValidationCollector();
        var (given, standards, _) = Resolve(errors, accounts, null);
        var capacity = capacityHours is null ? [] : capacityHours.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (person, hours) in capacity.OrderBy(p => p.Key))
        {
            if (hours <= 0m || hours > 744m)
            {
                errors.Add($"capacityHours['{person}']", KamErrorCodes.OutOfRange, hours, "A manager's contact hours a month are above 0 and at most 744.");
            }
        }

        errors.ThrowIfAny();
        var sums = new SortedDictionary<PersonId, (int Accounts, decimal Visits, decimal Calls)>();
        for (var i = 0; i < given.Length; i++)
        {
            sums.TryGetValue(given[i].Manager, out var sum);
            sums[given[i].Manager] = (sum.Accounts + 1, sum.Visits + standards[i].VisitsPerMonth, sum.Calls + standards[i].CallsPerMonth);
        }

        return sums.Select(p => new ManagerLoad(
                p.Key,
                p.Value.Accounts,
                p.Value.Visits,
                p.Value.Calls,
                (p.Value.Visits * _standards.HoursPerVisit) + (p.Value.Calls * _standards.HoursPerCall),
                capacity.TryGetValue(p.Key, out var own) ? own : _standards.CapacityHoursPerMonth))
            .ToArray();
    }

    private static void Measure(ActivityLog log, int a, ContactMeasure measure, int? frequency, int months, int fromMonth, int asOfMonth, int asOfDay, List<PeriodCompliance> periods, ref int required, ref int credited, ref ComplianceStatus status, ref LocalDate? nextDue)
    {
        if (frequency is not { } n)
        {
            return;
        }

        var first = fromMonth / months;
        var last = asOfMonth / months;
        var since = log.SinceDay(a);
        while (first < last && ActivityLog.Day(PeriodStart(first + 1, months)) - 1 < since)
        {
            first++;
        }

        var done = new int[last - first + 1];
        var startDay = ActivityLog.Day(PeriodStart(first, months));
        for (int k = log.FirstAtOrAfter(a, startDay), end = log.End(a); k < end && log.Days[k] <= asOfDay; k++)
        {
            if (Counts(log.Kinds[k], measure))
            {
                done[(log.Months[k] / months) - first]++;
            }
        }

        for (var p = first; p <= last; p++)
        {
            var start = PeriodStart(p, months);
            var endDate = start.PlusMonths(months).PlusDays(-1);
            var count = done[p - first];
            required += n;
            credited += Math.Min(count, n);
            ComplianceStatus s;
            if (p < last)
            {
                s = count >= n ? ComplianceStatus.Met : ComplianceStatus.Missed;
            }
            else
            {
                var due = count < n ? DueDate(start, endDate, n, count + 1) : DueDate(endDate.PlusDays(1), PeriodStart(p + 1, months).PlusMonths(months).PlusDays(-1), n, 1);
                s = count >= n ? ComplianceStatus.Met : ActivityLog.Day(due) < asOfDay ? ComplianceStatus.Overdue : ComplianceStatus.Pending;
                nextDue = nextDue is { } d && d <= due ? d : due;
                status = (ComplianceStatus)Math.Max((int)status, (int)s);
            }

            periods.Add(new PeriodCompliance(measure, start, endDate, n, count, s));
        }
    }

    private static bool Counts(ActivityKind kind, ContactMeasure measure) => measure == ContactMeasure.Calls
        ? kind == ActivityKind.Call
        : kind is ActivityKind.Visit or ActivityKind.Meeting or ActivityKind.ExecutiveVisit;

    private static LocalDate PeriodStart(int period, int months)
    {
        var month = period * months;
        return new LocalDate(month / 12, (month % 12) + 1, 1);
    }

    private static LocalDate DueDate(LocalDate start, LocalDate end, int n, int k)
    {
        var length = ActivityLog.Day(end) - ActivityLog.Day(start) + 1;
        var day = (int)(((long)k * length + n - 1) / n);
        return start.PlusDays(day - 1);
    }

    private (AccountAssignment[] Given, ContactStandard[] Standards, int[] Indexes) Resolve(ValidationCollector errors, IReadOnlyList<AccountAssignment> accounts, ActivityLog? log)
    {
        var given = accounts.ToArray();
        var standards = new ContactStandard[given.Length];
        var indexes = new int[given.Length];
        var seen = new HashSet<AccountId>();
        for (var i = 0; i < given.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"accounts[{i}]");
            var g = given[i];
            if (g is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "An account is required.");
                continue;
            }

            if (!seen.Add(g.Account))
            {
                errors.Add(path + ".account", KamErrorCodes.Duplicate, g.Account, "This account is listed twice.");
            }
            else if (log is not null && !log.TryIndexOf(g.Account, out indexes[i]))
            {
                errors.Add(path + ".account", KamErrorCodes.Unknown, g.Account, "No account of the activity log has this identifier.");
            }

            if (!_standards.TryGet(g.Grade, out standards[i]))
            {
                errors.Add(path + ".grade", KamErrorCodes.Unknown, g.Grade, "No contact standard has this grade; the grades are " + string.Join(", ", _standards.Standards.Select(s => s.Grade)) + ".");
            }
        }

        return (given, standards, indexes);
    }
}
