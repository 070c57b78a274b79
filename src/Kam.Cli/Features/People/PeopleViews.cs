using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using NodaTime;

namespace Kam.Cli.Features.People;

/// <summary>The result tables and report sections of <c>kam coverage</c> and <c>kam contact</c> (and of their part of <c>kam demo</c>).</summary>
internal static class PeopleViews
{
    /// <summary>The number of accounts whose buying center the report draws.</summary>
    public const int ChartedCenters = 6;

    /// <summary>The number of accounts the compliance heat map and the health trend show (the worst first).</summary>
    public const int ChartedAccounts = 12;

    /// <summary>The compliance statuses' colours in the heat map.</summary>
    private static readonly (string State, string Colour)[] ComplianceStates =
    [
        ("Met", "#009E73"), ("Pending", "#56B4E9"), ("Missed", "#E69F00"), ("Overdue", "#D55E00"), ("NoStandard", "#cfd4dc"),
    ];

    /// <summary>Builds the tables of <c>kam coverage</c>: the scores, the findings and the map.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> CoverageTables(CoverageResult result) =>
        [ScoreTable(result, "Coverage per account and opportunity"), FindingTable(result.Reports.Concat(result.Opportunities.Select(o => o.Report)), "Coverage findings with their reasons"), StageEvidenceTable(result), ContactTable(result)];

    /// <summary>
    /// What each open opportunity's map says about the stage machine: whether the organization is mapped (the stage-2
    /// milestone) and the decision makers influenced (the stage-4 item), whether a decision-level contact is covered,
    /// and the <c>no_decision_coverage</c> anomaly of an opportunity at the policy's stage or later without one.
    /// </summary>
    public static ResultTable StageEvidenceTable(CoverageResult result)
    {
        var table = new ResultTable("stage_evidence", "The map's evidence for the stage machine, per open opportunity",
            ResultColumn.Text("account"), ResultColumn.Text("opportunity"), ResultColumn.Number("stage"), ResultColumn.Text("organization_mapped"),
            ResultColumn.Text("decision_makers_influenced"), ResultColumn.Text("decision_level_covered"), ResultColumn.Text("anomaly"), ResultColumn.Text("reasons"));
        for (var i = 0; i < result.Evidence.Count; i++)
        {
            var evidence = result.Evidence[i];
            var stage = PeopleAnalysis.Stage(result.Opportunities[i].Opportunity, result.AsOf);
            var anomaly = !evidence.DecisionLevelCovered && stage >= (int)result.EvidencePolicy.UncoveredFrom ? "no_decision_coverage" : null;
            var reasons = evidence.Items.Where(item => !item.Met).SelectMany(item => item.Reasons);
            table.Add(evidence.Account.Value, evidence.Opportunity?.Value, stage, evidence.OrganizationMapped?.Met, evidence.DecisionMakersInfluenced?.Met,
                evidence.DecisionLevelCovered, anomaly, string.Join(" | ", reasons));
        }

        return table;
    }

    /// <summary>The scores: one row per account, then one per open opportunity.</summary>
    public static ResultTable ScoreTable(CoverageResult result, string title, IEnumerable<CoverageReport>? accounts = null)
    {
        var table = new ResultTable("coverage", title,
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("opportunity"), ResultColumn.Number("stage"), ResultColumn.Number("contacts"),
            ResultColumn.Number("covered"), ResultColumn.Number("score", "0.000"), ResultColumn.Number("findings"), ResultColumn.Text("kinds"));
        foreach (var report in accounts ?? result.Reports)
        {
            table.Add(report.Account.Value, result.Names.GetValueOrDefault(report.Account, string.Empty), null, null, report.Contacts, report.CoveredContacts, report.Score, report.Findings.Count, Kinds(report));
        }

        if (accounts is null)
        {
            foreach (var (opportunity, report) in result.Opportunities)
            {
                table.Add(report.Account.Value, result.Names.GetValueOrDefault(report.Account, string.Empty), opportunity.Id.Value, PeopleAnalysis.Stage(opportunity, result.AsOf),
                    report.Contacts, report.CoveredContacts, report.Score, report.Findings.Count, Kinds(report));
            }
        }

        return table;
    }

    /// <summary>The findings, each with its reasons.</summary>
    public static ResultTable FindingTable(IEnumerable<CoverageReport> reports, string title)
    {
        var table = new ResultTable("findings", title,
            ResultColumn.Text("account"), ResultColumn.Text("opportunity"), ResultColumn.Text("kind"), ResultColumn.Text("level"), ResultColumn.Text("decision"),
            ResultColumn.Text("contact"), ResultColumn.Text("message"), ResultColumn.Text("reasons"));
        foreach (var report in reports)
        {
            foreach (var f in report.Findings)
            {
                table.Add(report.Account.Value, report.Opportunity?.Value, f.Kind.ToString(), f.Level?.ToString(), f.Decision == BuyingDecisions.None ? null : Words(f.Decision),
                    f.Contact?.Value, f.Message, string.Join(" | ", f.Reasons));
            }
        }

        return table;
    }

    /// <summary>The buying centers as of the day: one row per contact, with our relationships.</summary>
    public static ResultTable ContactTable(CoverageResult result)
    {
        var table = new ResultTable("contacts", "The buying centers: contacts and our relationships",
            ResultColumn.Text("account"), ResultColumn.Text("contact"), ResultColumn.Text("name"), ResultColumn.Text("title"), ResultColumn.Text("level"),
            ResultColumn.Text("function"), ResultColumn.Text("roles"), ResultColumn.Text("decisions"), ResultColumn.Text("veto"), ResultColumn.Number("influence"),
            ResultColumn.Text("attitude"), ResultColumn.Text("style"), ResultColumn.Text("reports_to"), ResultColumn.Text("committees"), ResultColumn.Text("leaning_to"),
            ResultColumn.Text("joined"), ResultColumn.Text("left"), ResultColumn.Text("relationships"), ResultColumn.Text("covered"));
        foreach (var center in result.Centers)
        {
            foreach (var c in center.Contacts)
            {
                var p = c.Profile;
                var relationships = center.Relationships.Where(r => r.Contact == c.Id).OrderByDescending(r => r.Strength).ThenBy(r => r.Person.Value, StringComparer.Ordinal).ToArray();
                table.Add(center.Account.Value, c.Id.Value, p.Name, p.Title, p.Level.ToString(), p.Function.Name, Words(p.Roles), Words(p.Decisions), p.Veto, p.Influence,
                    p.Attitude.ToString(), p.Style?.ToString(), p.ReportsTo?.Value, Words(p.Committees), p.LeaningTo, Day(c.Joined), c.Left is { } left ? Day(left) : null,
                    string.Join("; ", relationships.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Person} {r.Strength}"))),
                    c.Left is null && relationships.Any(r => r.Strength >= result.Policy.MinStrength));
            }
        }

        return table;
    }

    /// <summary>The report sections of <c>kam coverage</c>: the buying centers of the largest maps drawn as org charts, then the tables.</summary>
    public static IEnumerable<ReportSection> CoverageSections(CoverageResult result, IReadOnlyList<ResultTable> tables)
    {
        var charts = new ReportSection("buying-centers", "The buying centers",
            $"The {Math.Min(ChartedCenters, result.Centers.Count(c => c.Contacts.Count > 0))} accounts with the largest buying centers as of {Day(result.AsOf)}: boxes by reports-to, fill = attitude to us, border = level; the lines join our people to the contacts they know (width = strength; dashed = below the {result.Policy.MinStrength} that covers).");
        foreach (var center in result.Centers.Where(c => c.Contacts.Any(x => x.Left is null)).OrderByDescending(c => c.Contacts.Count(x => x.Left is null)).Take(ChartedCenters))
        {
            var report = result.Reports.First(r => r.Account == center.Account);
            charts.Add(OrgChart.Render(OrgData(center, result.Names.GetValueOrDefault(center.Account, string.Empty), report, result.Policy)));
        }

        yield return charts;
        var detail = new ReportSection("coverage", "Coverage findings", "Each finding with the reasons the analysis gives (the contacts concerned, how strong our relationship with each is and with whom).");
        foreach (var table in tables)
        {
            detail.Add(table);
        }

        yield return detail;
    }

    /// <summary>The org chart of one buying center.</summary>
    public static OrgChartData OrgData(BuyingCenter center, string name, CoverageReport report, CoveragePolicy policy)
    {
        var present = center.Contacts.Where(c => c.Left is null).ToArray();
        var nodes = present.Select(c => new OrgNode(
            c.Id.Value, c.Profile.Name, c.Profile.Title ?? c.Profile.Function.Name, c.Profile.ReportsTo?.Value, (int)c.Profile.Level, (int)c.Profile.Attitude,
            string.Join(", ", new[] { c.Profile.Veto ? "veto" : null, c.Profile.Decisions == BuyingDecisions.None ? null : Words(c.Profile.Decisions).ToLowerInvariant(), c.Profile.LeaningTo is { } l ? "→ " + l : null }.Where(s => s is not null)))).ToArray();
        var links = center.Relationships.Select(r => new OrgLink(r.Person.Value, r.Contact.Value, r.Strength, r.Strength >= policy.MinStrength)).ToArray();
        var title = string.Create(CultureInfo.InvariantCulture, $"{center.Account} {name}: score {report.Score:0.000}, {report.CoveredContacts} of {report.Contacts} contacts covered");
        return new OrgChartData(title, nodes, links);
    }

    /// <summary>Builds the tables of <c>kam contact</c>: compliance per account, per manager with the capacity check, health and alerts.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> ContactTables(ContactResult result) =>
        [ComplianceTable(result, result.Compliance.Accounts, "Contact-standard compliance per account"), ManagerTable(result), HealthTable(result, result.Health.Accounts), AlertTable(result.Health.Alerts, "Relationship alerts")];

    /// <summary>Compliance per account.</summary>
    public static ResultTable ComplianceTable(ContactResult result, IEnumerable<AccountCompliance> accounts, string title)
    {
        var table = new ResultTable("compliance", title,
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("manager"), ResultColumn.Text("grade"), ResultColumn.Text("status"),
            ResultColumn.Number("required"), ResultColumn.Number("credited"), ResultColumn.Number("rate_pct", "0.0"), ResultColumn.Text("short"), ResultColumn.Text("next_due"),
            ResultColumn.Text("last_contact"), ResultColumn.Number("days_since_contact"));
        foreach (var a in accounts)
        {
            table.Add(a.Account.Value, result.Names.GetValueOrDefault(a.Account, string.Empty), a.Manager.Value, a.Grade, a.Status.ToString(), a.Required, a.Credited, a.Rate * 100m,
                Short(a), a.NextDue is { } due ? Day(due) : null, a.LastContact is { } last ? Day(last) : null, a.DaysSinceLastContact);
        }

        return table;
    }

    /// <summary>Compliance and the capacity check per manager.</summary>
    public static ResultTable ManagerTable(ContactResult result)
    {
        var table = new ResultTable("managers", "Compliance and capacity per manager",
            ResultColumn.Text("manager"), ResultColumn.Number("accounts"), ResultColumn.Number("met"), ResultColumn.Number("overdue"), ResultColumn.Number("rate_pct", "0.0"),
            ResultColumn.Number("visits_per_month", "0.0"), ResultColumn.Number("calls_per_month", "0.0"), ResultColumn.Number("required_hours", "0.0"),
            ResultColumn.Number("capacity_hours", "0.0"), ResultColumn.Number("load_pct", "0"), ResultColumn.Text("overloaded"));
        var loads = result.Capacity.ToDictionary(l => l.Manager);
        foreach (var m in result.Compliance.Managers)
        {
            var load = loads.GetValueOrDefault(m.Manager);
            table.Add(m.Manager.Value, m.Accounts, m.Met, m.Overdue, m.Rate * 100m, load?.VisitsPerMonth, load?.CallsPerMonth, load?.RequiredHours, load?.CapacityHours,
                load is null ? null : load.Load * 100m, load?.Overloaded);
        }

        return table;
    }

    /// <summary>Health per account: the latest point with its parts, and the trend.</summary>
    public static ResultTable HealthTable(ContactResult result, IEnumerable<Kam.Core.Relationships.Health.AccountHealth> accounts)
    {
        var table = new ResultTable("health", "Relationship health per account (latest month)",
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Number("index", "0.000"), ResultColumn.Number("trend", "+0.000;-0.000;0.000"),
            ResultColumn.Number("checks", "0.00"), ResultColumn.Number("satisfaction", "0.00"), ResultColumn.Number("promises", "0.00"), ResultColumn.Number("contact", "0.00"),
            ResultColumn.Number("alerts"));
        foreach (var a in accounts)
        {
            var last = a.Points.Count > 0 ? a.Points[^1] : null;
            table.Add(a.Account.Value, result.Names.GetValueOrDefault(a.Account, string.Empty), a.Index, a.Trend, last?.Checks, last?.Satisfaction, last?.Promises, last?.Contact, a.Alerts.Count);
        }

        return table;
    }

    /// <summary>The alerts.</summary>
    public static ResultTable AlertTable(IEnumerable<Kam.Core.Relationships.Health.HealthAlert> alerts, string title)
    {
        var table = new ResultTable("alerts", title, ResultColumn.Text("account"), ResultColumn.Text("date"), ResultColumn.Text("kind"), ResultColumn.Text("subject"), ResultColumn.Text("message"));
        foreach (var a in alerts)
        {
            table.Add(a.Account.Value, Day(a.Date), a.Kind.ToString(), a.Subject, a.Message);
        }

        return table;
    }

    /// <summary>The report sections of <c>kam contact</c>: the compliance heat map, the capacity chart, the health trend, then the tables.</summary>
    public static IEnumerable<ReportSection> ContactSections(ContactResult result, IReadOnlyList<ResultTable> tables)
    {
        var months = Months(result.From, result.AsOf);
        var worst = result.Compliance.Accounts.OrderBy(a => a.Rate).ThenByDescending(a => a.Status).ThenBy(a => a.Account.Value, StringComparer.Ordinal).Take(ChartedAccounts).ToArray();
        var cells = new List<HeatMapCell>();
        for (var r = 0; r < worst.Length; r++)
        {
            for (var m = 0; m < months.Count; m++)
            {
                var (start, end) = (months[m], months[m].PlusMonths(1).PlusDays(-1));
                var periods = worst[r].Periods.Where(p => p.Start <= end && p.End >= start).ToArray();
                var state = periods.Length == 0 ? "NoStandard" : periods.Max(p => p.Status).ToString();
                var calls = periods.Where(p => p.Measure == ContactMeasure.Calls).Sum(p => p.Done);
                var visits = periods.Where(p => p.Measure == ContactMeasure.Visits).Sum(p => p.Done);
                cells.Add(new HeatMapCell(r, m, state, 0, periods.Length == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{visits}v {calls}c")));
            }
        }

        var compliance = new ReportSection("compliance", "Contact-standard compliance",
            $"The {worst.Length} accounts with the lowest compliance rate, month by month from {Day(result.From)} to {Day(result.AsOf)}: the worst status of the standard's periods in the month (a quarterly visit standard colours its three months), with the visits (v) and calls (c) of those periods; at the right the rate in percent.");
        compliance.Add(HeatMap.Render(new HeatMapData(
            $"Compliance per account and month, {months[0]:MMM yyyy} – {months[^1]:MMM yyyy}",
            worst.Select(a => Clip($"{a.Account} {result.Names.GetValueOrDefault(a.Account, string.Empty)}", 19)).ToArray(),
            months.Select(m => m.ToString(months.Count > 8 ? "MMM" : "MMM yy", CultureInfo.InvariantCulture)).ToArray(),
            cells,
            worst.Select(a => (double)(a.Rate * 100m)).ToArray(),
            months.Select((_, m) => (double)cells.Count(c => c.Column == m && c.State == "Met")).ToArray(),
            ComplianceStates)));
        yield return compliance;

        var managers = result.Capacity.OrderByDescending(l => l.Load).ThenBy(l => l.Manager.Value, StringComparer.Ordinal).ToArray();
        var capacity = new ReportSection("capacity", "The capacity check",
            "Per manager, the contact hours a month the standards of their accounts require (visits × hours per visit + calls × hours per call) against the manager's capacity: a manager above capacity cannot meet every standard, whatever the effort.");
        capacity.Add(BarChart.Render(new BarChartData(
            "Required contact hours a month vs capacity, per manager",
            managers.Select(l => l.Manager.Value).ToArray(),
            [new ChartSeries("required hours", managers.Select(l => (double)l.RequiredHours).ToArray()), new ChartSeries("capacity", managers.Select(l => (double)l.CapacityHours).ToArray())],
            "hours a month")));
        yield return capacity;

        // The accounts with a contact standard (the key accounts), or every account when none has one.
        var graded = result.Compliance.Accounts.Select(a => a.Account).ToHashSet();
        var lowest = result.Health.Accounts.Where(a => a.Points.Count > 0 && (graded.Count == 0 || graded.Contains(a.Account))).OrderBy(a => a.Index).ThenBy(a => a.Account.Value, StringComparer.Ordinal).Take(6).ToArray();
        var health = new ReportSection("health", "Relationship health",
            $"The health index month by month of the {lowest.Length} accounts{(graded.Count > 0 ? " with a contact standard" : string.Empty)} with the lowest index (0-1: checks, satisfaction, promises and contact, weighted); month 1 is {months[0]:MMMM yyyy}.");
        health.Add(LineChart.Render(new LineChartData(
            "Health index per month, the lowest accounts",
            lowest.Select(a => new LineSeries(a.Account.Value, a.Points.Select(p => (double)MonthIndex(months[0], p.Date)).ToArray(), a.Points.Select(p => (double)p.Index).ToArray())).ToArray(),
            "month",
            "health index",
            YAsPercent: true)));
        yield return health;

        var detail = new ReportSection("contact-tables", "Compliance, capacity, health and alerts");
        foreach (var table in tables)
        {
            detail.Add(table);
        }

        yield return detail;
    }

    /// <summary>The month starts from <paramref name="from"/>'s month to <paramref name="asOf"/>'s.</summary>
    public static IReadOnlyList<LocalDate> Months(LocalDate from, LocalDate asOf)
    {
        var months = new List<LocalDate>();
        for (var m = new LocalDate(from.Year, from.Month, 1); m <= asOf; m = m.PlusMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;

    private static int MonthIndex(LocalDate first, LocalDate day) => ((day.Year - first.Year) * 12) + day.Month - first.Month + 1;

    private static string Short(AccountCompliance a)
    {
        var running = a.Periods.Where(p => p.Status is ComplianceStatus.Pending or ComplianceStatus.Overdue).ToArray();
        return string.Join("; ", running.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Measure.ToString().ToLowerInvariant()} {p.Done}/{p.Required}")));
    }

    private static string Kinds(CoverageReport report) =>
        string.Join(" ", report.Findings.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => g.Count() == 1 ? g.Key.ToString() : string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}")));

    /// <summary>A flags value as space-separated names (empty for none).</summary>
    public static string Words<T>(T flags)
        where T : struct, Enum =>
        Convert.ToInt64(flags, CultureInfo.InvariantCulture) == 0 ? string.Empty : flags.ToString().Replace(", ", " ", StringComparison.Ordinal);

    private static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
