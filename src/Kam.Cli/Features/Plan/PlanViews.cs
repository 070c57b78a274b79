using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Targets;

namespace Kam.Cli.Features.Plan;

/// <summary>The result tables and report sections of <c>kam plan</c> (and of its part of <c>kam demo</c>).</summary>
internal static class PlanViews
{
    /// <summary>The number of accounts the report draws one by one; the others are one bar.</summary>
    public const int ChartedAccounts = 20;

    /// <summary>Builds every table: units, accounts, findings and the whitespace cells.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> Tables(PlanResult result) =>
        [UnitTable(result, UnitLines(result)), AccountTable(result, AccountLines(result), "Attainment, forecast and gap per account"), FindingTable(result.Checks.Findings, "Plan checks"), WhitespaceTable(result)];

    /// <summary>Gets every unit line: each measure, the periods of <see cref="PlanResult.Periods"/>, units top-down.</summary>
    public static IEnumerable<AttainmentLine> UnitLines(PlanResult result) =>
        from measure in result.Attainment.Measures
        from period in result.Periods
        from line in result.Attainment.Units(measure.Key, period)
        select line;

    /// <summary>Gets every account line: each measure, the periods of <see cref="PlanResult.Periods"/>, accounts in hierarchy order.</summary>
    public static IEnumerable<AttainmentLine> AccountLines(PlanResult result) =>
        from measure in result.Attainment.Measures
        from period in result.Periods
        from line in result.Attainment.Accounts(measure.Key, period)
        select line;

    /// <summary>The units table.</summary>
    public static ResultTable UnitTable(PlanResult result, IEnumerable<AttainmentLine> lines, string title = "Attainment, forecast and gap per unit (each unit with every unit below it)")
    {
        var table = new ResultTable("units", title,
            ResultColumn.Text("unit"), ResultColumn.Text("level"), ResultColumn.Text("measure"), ResultColumn.Text("period"),
            ResultColumn.Number("own_target", "N0"), ResultColumn.Number("accounts_target", "N0"), ResultColumn.Number("target", "N0"),
            ResultColumn.Number("actual", "N0"), ResultColumn.Number("weighted", "N0"), ResultColumn.Number("forecast", "N0"), ResultColumn.Number("gap", "N0"),
            ResultColumn.Number("attainment_pct", "0.0"), ResultColumn.Text("coverage"));
        var organization = result.Hierarchy.Organization;
        foreach (var line in lines)
        {
            var unit = line.Subject.Unit!.Value;
            table.Add(unit.Value, organization.Unit(unit).Level.ToString(), line.Measure.Key, line.Period.ToString(), line.OwnTarget, line.AccountsTarget, line.Target,
                line.Actual, Pipeline(line), line.Forecast, line.Gap, Percent(line.Attainment), line.CoverageNote);
        }

        return table;
    }

    /// <summary>The accounts table.</summary>
    public static ResultTable AccountTable(PlanResult result, IEnumerable<AttainmentLine> lines, string title)
    {
        var table = new ResultTable("accounts", title,
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("unit"), ResultColumn.Text("measure"), ResultColumn.Text("period"),
            ResultColumn.Number("target", "N0"), ResultColumn.Number("actual", "N0"), ResultColumn.Number("weighted", "N0"), ResultColumn.Number("open", "N0"),
            ResultColumn.Number("forecast", "N0"), ResultColumn.Number("gap", "N0"), ResultColumn.Number("attainment_pct", "0.0"), ResultColumn.Text("coverage"),
            ResultColumn.Number("overdue"));
        foreach (var line in lines)
        {
            var account = line.Subject.Account!.Value;
            table.Add(account.Value, result.Names.GetValueOrDefault(account, string.Empty), result.Hierarchy.UnitOf(account).Value, line.Measure.Key, line.Period.ToString(),
                line.Target, line.Actual, Pipeline(line), HasPipeline(line) ? line.OpenPipeline : null, line.Forecast, line.Gap, Percent(line.Attainment), line.CoverageNote,
                line.OverdueCount);
        }

        return table;
    }

    /// <summary>The findings table.</summary>
    public static ResultTable FindingTable(IEnumerable<PlanFinding> findings, string title)
    {
        var table = new ResultTable("findings", title, ResultColumn.Text("account"), ResultColumn.Text("kind"), ResultColumn.Text("path"), ResultColumn.Text("reason"));
        foreach (var finding in findings)
        {
            table.Add(finding.Account.Value, finding.Kind.ToString(), finding.Path, string.Join(" ", finding.Reasons));
        }

        return table;
    }

    /// <summary>The whitespace table: every assessed cell of every plan's grid.</summary>
    public static ResultTable WhitespaceTable(PlanResult result)
    {
        var table = new ResultTable("whitespace", "Whitespace grids (offering × the account's business unit)",
            ResultColumn.Text("account"), ResultColumn.Text("offering"), ResultColumn.Text("unit"), ResultColumn.Text("state"), ResultColumn.Text("detail"),
            ResultColumn.Number("estimated_value", "N0"));
        foreach (var plan in result.Plans)
        {
            if (plan.Whitespace is not { } grid)
            {
                continue;
            }

            foreach (var offering in grid.Offerings)
            {
                foreach (var unit in grid.Units)
                {
                    if (grid.Cell(offering, unit) is { } cell)
                    {
                        table.Add(plan.Account.Value, offering, unit, cell.State.ToString(), cell.Competitor ?? cell.Opportunity?.Value ?? string.Empty, cell.EstimatedValue?.Amount);
                    }
                }
            }
        }

        return table;
    }

    /// <summary>Builds the report sections: the bullet chart per account, the gap waterfall per unit, the whitespace heat maps and the tables.</summary>
    /// <param name="result">The result.</param>
    /// <param name="tables">The tables to add (the command's, or the demo's short ones).</param>
    /// <returns>The sections.</returns>
    public static IReadOnlyList<ReportSection> ReportSections(PlanResult result, IReadOnlyList<ResultTable> tables)
    {
        var bookings = Bookings(result);
        var year = result.Period ?? result.Targets.Year;
        var attainment = new ReportSection("plan", "Attainment, forecast and gap",
            Invariant($"Targets of {year} as of {result.AsOf:yyyy-MM-dd}: actual to date (won opportunities), forecast (actual + weighted pipeline, by default) and the gap to target, per account and per unit."));
        if (bookings is not null)
        {
            var accounts = result.Attainment.Accounts(bookings.Key, year).Where(l => l.Target is not null).OrderByDescending(l => l.Target).ThenBy(l => l.Subject.Account!.Value.Value, StringComparer.Ordinal).ToArray();
            var shown = accounts.Take(ChartedAccounts).ToList();
            var bullets = shown.Select(l => new BulletRow(Label(result, l.Subject.Account!.Value), (double)(l.Target ?? 0), (double)(l.Actual ?? 0), (double)(l.Forecast ?? 0))).ToList();
            var rest = accounts.Skip(ChartedAccounts).ToArray();
            var others = rest.Length == 0
                ? string.Empty
                : Invariant($"The other {rest.Length} accounts with targets: target {rest.Sum(l => l.Target ?? 0):N0}, actual {rest.Sum(l => l.Actual ?? 0):N0}, forecast {rest.Sum(l => l.Forecast ?? 0):N0}.");
            attainment.Add(BulletChart.Render(new BulletChartData(Invariant($"{bookings.Name} {year} ({bookings.Currency.Code}): target, actual and forecast of the {shown.Count} largest targets"), bullets)));
            if (others.Length > 0)
            {
                attainment.AddParagraph(others);
            }

            var units = result.Attainment.Units(bookings.Key, year).Where(l => l.Target is not null).ToArray();
            var top = units.Where(l => result.Hierarchy.Organization.Unit(l.Subject.Unit!.Value).Level is UnitLevel.HeadOffice or UnitLevel.Region).ToArray();
            foreach (var unit in (top.Length > 0 ? top : units).Take(6))
            {
                var id = unit.Subject.Unit!.Value;
                attainment.Add(WaterfallChart.Render(new WaterfallChartData(
                    Invariant($"{id} ({result.Hierarchy.Organization.Unit(id).Name}) {year}: from target to gap ({bookings.Currency.Code})"),
                    (double)(unit.Target ?? 0), (double)(unit.Actual ?? 0), (double)unit.WeightedPipeline)));
            }
        }

        var whitespace = new ReportSection("whitespace", "Whitespace grids", "Our offerings (rows) × the account's business units or sites (columns); a cell's colour is its state, white space shaded by its estimated value.");
        foreach (var plan in result.Plans.Where(p => p.Whitespace is not null).Take(8))
        {
            whitespace.Add(HeatMap.Render(Grid(plan, Label(result, plan.Account))));
        }

        foreach (var table in tables)
        {
            (table.Name is "whitespace" ? whitespace : attainment).Add(table);
        }

        return [attainment, whitespace];
    }

    /// <summary>Gets the bookings measure of the run (the attainment policy's), or <see langword="null"/> when the targets have none.</summary>
    public static TargetMeasure? Bookings(PlanResult result) =>
        result.Attainment.Measures.FirstOrDefault(m => m.Key == result.Attainment.Policy.BookingsMeasure);

    /// <summary>Gets a percentage of a ratio, or <see langword="null"/>.</summary>
    public static decimal? Percent(Ratio? ratio) => ratio is { } r ? Math.Round(r.Percent, 1, MidpointRounding.ToEven) : null;

    private static decimal? Pipeline(AttainmentLine line) => HasPipeline(line) ? line.WeightedPipeline : null;

    private static bool HasPipeline(AttainmentLine line) => line.Measure.Kind == TargetMeasureKind.Money && line.CoverageStatus != CoverageStatus.NoPipeline;

    private static string Label(PlanResult result, AccountId account) =>
        result.Names.TryGetValue(account, out var name) && name.Length > 0 ? $"{account} {name}" : account.Value;

    private static HeatMapData Grid(KeyAccountPlan plan, string label)
    {
        var grid = plan.Whitespace!;
        var cells = new List<HeatMapCell>();
        for (var r = 0; r < grid.Offerings.Count; r++)
        {
            for (var c = 0; c < grid.Units.Count; c++)
            {
                if (grid.Cell(grid.Offerings[r], grid.Units[c]) is { } cell)
                {
                    var detail = cell.Competitor ?? cell.Opportunity?.Value ?? (cell.EstimatedValue is { } v ? Svg.Compact((double)v.Amount) : string.Empty);
                    cells.Add(new HeatMapCell(r, c, cell.State.ToString(), (double)(cell.EstimatedValue?.Amount ?? 0), detail));
                }
            }
        }

        return new HeatMapData(Invariant($"{label}: whitespace (white space {Svg.Exact((double)grid.Total.Amount)} {grid.Currency.Code})"), grid.Offerings, grid.Units, cells,
            grid.Offerings.Select(o => (double)grid.RowTotal(o).Amount).ToArray(), grid.Units.Select(u => (double)grid.ColumnTotal(u).Amount).ToArray());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
