using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Reporting;

namespace Kam.Cli.Features.Plan;

/// <summary>The plan part of <c>kam demo</c>: the unit table, the top accounts and the plan findings that <c>kam plan</c> prints in full.</summary>
internal static class PlanDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="result">The sample's plan result.</param>
    public static void Write(DemoContext demo, PlanResult result)
    {
        var output = demo.Output;
        demo.Heading("Key-account plans — attainment, forecast, gap and plan checks (kam plan)");
        var targets = result.Targets.Targets.Count;
        output.WriteLine(Invariant($"{result.Hierarchy.Organization.Units.Count} units, {result.Hierarchy.Organization.People.Count} people, {result.Hierarchy.Accounts.Count} accounts ({result.Hierarchy.Accounts.Count(a => a.Parent is not null)} in groups), {targets} targets, {result.Plans.Count} key-account plans; as of {result.AsOf:yyyy-MM-dd}."));
        output.WriteLine();

        var tables = new List<ResultTable>();
        if (PlanViews.Bookings(result) is { } bookings)
        {
            var year = result.Targets.Year;
            tables.Add(PlanViews.UnitTable(result, result.Attainment.Units(bookings.Key, year).Where(l => l.Target is not null), Invariant($"{bookings.Name} {year} per unit (each unit with every unit below it)")));
            var top = result.Attainment.Accounts(bookings.Key, year).Where(l => l.Target is not null)
                .OrderByDescending(l => l.Target).ThenBy(l => l.Subject.Account!.Value.Value, StringComparer.Ordinal).Take(8);
            tables.Add(PlanViews.AccountTable(result, top, Invariant($"The 8 accounts with the largest {bookings.Name.ToLowerInvariant()} targets, {year}")));
        }

        // The other measures with actuals (the sample's gross profit): one line each, the year's total over the accounts with a target.
        foreach (var measure in result.Attainment.Measures.Where(m => m.Key != result.Attainment.Policy.BookingsMeasure))
        {
            var lines = result.Attainment.Accounts(measure.Key, result.Targets.Year).Where(l => l.Target is not null).ToArray();
            var target = lines.Sum(l => l.Target ?? 0m);
            var actual = lines.Sum(l => l.Actual ?? 0m);
            var unit = measure.Kind == Kam.Core.Accounts.Targets.TargetMeasureKind.Money ? " " + measure.Currency.Code : string.Empty;
            output.WriteLine(Invariant($"{measure.Name} {result.Targets.Year} (kam plan --actuals): {lines.Length} accounts with a target of {target:N0}{unit} in all, actual to date {actual:N0} ({(target == 0 ? 0 : actual / target * 100m):0.0}%)."));
            output.WriteLine();
        }

        tables.Add(PlanViews.FindingTable(result.Checks.Findings, Invariant($"Plan checks ({result.Checks.Findings.Count} findings in {result.Plans.Count} plans)")));
        ResultWriter.Write(output, OutputFormat.Table, tables);

        if (demo.Report is { } report)
        {
            foreach (var section in PlanViews.ReportSections(result, [.. PlanViews.Tables(result).Where(t => t.Name != "accounts"), tables[^2]]))
            {
                report.Add(section);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
