using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Reporting;
using Kam.Cli.Sample;
using Kam.Core;
using Kam.Core.Compensation;
using Kam.Core.Performance;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Pay;

/// <summary>
/// The appraisal and pay part of <c>kam demo</c>: the sample's salespeople appraised each month on their sales
/// attainment to date, then paid under the default plan (<c>kam init</c>'s pay-plan.json) for the half-year the
/// sample ends in; a totals table for everyone and one statement with every line's arithmetic.
/// </summary>
internal static class PayRunDemo
{
    private const string Attainment = "salesAttainment";

    /// <summary>A results-only scorecard: the sample records bookings and quotas, not skills reviews or attendance.</summary>
    private static readonly Scorecard Results = new(
        "Sales results",
        [
            new ScorecardSection("kpi", "KPI", Percentage.FromPercent(100m),
                [new Indicator(Attainment, "Sales attainment to date (% of quota to date)", Percentage.FromPercent(100m), new RatioToTargetRule(100m, Ratio.Zero, Ratio.FromPercent(120m)))], []),
        ],
        ScorecardDefaults.GradeBands);

    /// <summary>
    /// The sample's salespeople appraised each month of the fiscal year that holds the sample's as-of day, up to that
    /// month: sales attainment to date (bookings since the year began over the quota pro rata) through the appraisal
    /// engine on a results-only scorecard. Months not yet appraised and the annual grade are B (100%) placeholders.
    /// </summary>
    /// <param name="sample">The sample.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="engine">The appraisal engine.</param>
    /// <returns>Each person's appraisals and attainments of the appraised months, and the payees with their grades.</returns>
    internal static (Dictionary<PersonId, AppraisalResult[]> Appraisals, Dictionary<PersonId, decimal[]> Attainments, Dictionary<PersonId, Payee> Payees) Appraise(
        SampleDataSet sample, FiscalCalendar calendar, IAppraisalEngine engine)
    {
        var year = calendar.Year(calendar.PeriodOf(sample.AsOf, PeriodKind.Half).FiscalYear);
        var months = year.Children(PeriodKind.Month).ToArray();
        var appraised = Array.IndexOf(months, calendar.PeriodOf(sample.AsOf, PeriodKind.Month)) + 1;
        var bookings = sample.Deals.Where(d => year.Contains(d.BookedOn)).ToLookup(d => d.Salesperson);
        var appraisals = new Dictionary<PersonId, AppraisalResult[]>();
        var attainments = new Dictionary<PersonId, decimal[]>();
        var payees = new Dictionary<PersonId, Payee>();
        foreach (var person in sample.Salespeople)
        {
            var results = new AppraisalResult[appraised];
            var attained = attainments[person.Id] = new decimal[appraised];
            for (var m = 0; m < appraised; m++)
            {
                var booked = bookings[person.Id].Where(d => d.BookedOn <= months[m].Interval.End).Sum(d => d.Amount.Amount);
                attained[m] = Math.Round(booked / (person.AnnualQuota.Amount * (m + 1) / 12m) * 100m, 1);
                results[m] = engine.Appraise(Results, new AppraisalInput(person.Id, months[m], new Dictionary<string, IndicatorActual>(StringComparer.Ordinal) { [Attainment] = IndicatorActual.Of(attained[m]) }));
            }

            appraisals[person.Id] = results;
            var grades = Enumerable.Range(0, 12).Select(m => m < appraised ? results[m].Grade : "B").ToArray();
            payees[person.Id] = new Payee(person.Id, person.AnnualQuota, grades, "B");
        }

        return (appraisals, attainments, payees);
    }

    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Write(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var (sample, calendar, output) = (demo.Sample, demo.Calendar, demo.Output);
        var half = calendar.PeriodOf(sample.AsOf, PeriodKind.Half);
        var year = calendar.Year(half.FiscalYear);
        var months = year.Children(PeriodKind.Month).ToArray();
        var appraised = Array.IndexOf(months, calendar.PeriodOf(sample.AsOf, PeriodKind.Month)) + 1;
        var shown = months.Take(appraised).Where(half.Contains).ToArray();
        var (first, last) = (Array.IndexOf(months, shown[0]), Array.IndexOf(months, shown[^1]));
        var plan = PayRun.DefaultPlan;
        var (appraisals, attainments, payees) = Appraise(sample, calendar, demo.Services.GetRequiredService<IAppraisalEngine>());
        var bookings = sample.Deals.Where(d => year.Contains(d.BookedOn)).ToLookup(d => d.Salesperson);

        var inputs = PayInput.Build(plan, "the default plan", year, sample.Deals, sample.Collections, new PeopleFile("the sample's salespeople", payees.ToDictionary(p => p.Key, p => new PersonRow(p.Value, default)), []), null);
        var run = demo.Services.GetRequiredService<IPayCalculator>().CalculateYear(plan, year.FiscalYear, inputs.Payees, inputs.Deals, inputs.Receipts);
        var sellers = sample.Deals.ToDictionary(d => d.DealId, d => d.Salesperson, StringComparer.Ordinal);
        var collected = sample.Collections.Where(c => half.Contains(c.CollectedOn)).ToLookup(c => sellers[c.DealId]);

        demo.Heading($"Appraisal and pay: {half} under the default pay plan");
        output.WriteLine($"Plan '{plan.Name}' ({plan.Currency.Code}, as kam init writes pay-plan.json):");
        foreach (var component in plan.Components)
        {
            output.WriteLine($"  {component.Name}: {component.Rule}");
        }

        output.WriteLine($"Monthly grades: sales attainment to date (bookings since {year.Interval.Start:yyyy-MM-dd} ÷ quota × months/12), scored by the appraisal");
        output.WriteLine($"engine on a results-only scorecard (ratio to 100%, capped at 120%; A ≥ 90%, B ≥ 75%, C ≥ 60%, else D).");
        output.WriteLine($"Grades of months not yet appraised and the annual grade are B (100%) placeholders; their statements are not shown.");
        output.WriteLine();

        var gradeNames = string.Join(' ', Enumerable.Range(first + 1, shown.Length).Select(m => "M" + m.ToString("00", CultureInfo.InvariantCulture)));
        var amountColumns = new[] { 0, 1, 2, 4, 5 };
        var totals = new ResultTable(
            "pay_totals",
            $"Pay per salesperson, {half} ({plan.Currency.Code}; bookings and attainment to {shown[^1]}; commission on cash collected)",
            [
                ResultColumn.Text("salesperson"), ResultColumn.Number("booked", "N0"), ResultColumn.Number("attainment", "0.0'%'"), ResultColumn.Number("collected", "N0"),
                ResultColumn.Text("grades " + gradeNames), .. amountColumns.Select(i => PayTables.AmountColumns[i]),
            ]);
        var all = new decimal[amountColumns.Length];
        foreach (var person in sample.Salespeople)
        {
            var statements = PayTables.Within(run, half).Where(s => s.Person == person.Id).ToArray();
            var amounts = PayTables.Amounts(statements);
            var results = appraisals[person.Id];
            totals.Add([
                $"{person.Id} {person.Name}",
                bookings[person.Id].Where(d => half.Contains(d.BookedOn)).Sum(d => d.Amount.Amount),
                attainments[person.Id][last],
                collected[person.Id].Sum(c => c.Amount.Amount),
                string.Join(' ', results[first..(last + 1)].Select(r => r.Grade.PadRight(3))).TrimEnd(),
                .. amountColumns.Select(i => amounts[i]),
            ]);
            for (var i = 0; i < amountColumns.Length; i++)
            {
                all[i] += (decimal)amounts[amountColumns[i]]!;
            }
        }

        totals.Add([$"All {sample.Salespeople.Count}", sample.Deals.Where(d => half.Contains(d.BookedOn)).Sum(d => d.Amount.Amount), null, sample.Collections.Where(c => half.Contains(c.CollectedOn)).Sum(c => c.Amount.Amount), string.Empty, .. all.Cast<object?>()]);
        ResultWriter.Write(output, OutputFormat.Table, [totals]);

        var top = sample.Salespeople.MaxBy(p => (decimal)PayTables.Amounts(PayTables.Within(run, half).Where(s => s.Person == p.Id))[5]!)!;
        var statement = PayTables.Within(run, half).Where(s => s.Person == top.Id).MaxBy(s => s.Total.Amount)!;
        WriteStatement(output, top, statement, appraisals[top.Id][Array.IndexOf(months, statement.Period)]);

        demo.Report?.Add(KamReportSections.PayStatements(
            totals,
            PayTables.Lines(PayTables.Within(run, half).Where(s => s.Person == top.Id), $"Statement lines of {top.Id} {top.Name}, {half}")));
    }

    private static void WriteStatement(TextWriter output, SalespersonRecord person, PayStatement statement, AppraisalResult appraisal)
    {
        output.WriteLine();
        output.WriteLine($"Pay statement of {person.Id} {person.Name} (the top earner of the half), {statement.Period}, the largest of the half; each line is its inputs' sum, rounded once ({statement.Rounding}):");
        var table = new TextTable("component", "inputs (quantity × factor; the line is their sum)", "amount>");
        foreach (var line in statement.Lines)
        {
            for (var t = 0; t < line.Terms.Count; t++)
            {
                var end = t == line.Terms.Count - 1;
                table.Add(t == 0 ? line.Component : string.Empty, (t == 0 ? string.Empty : "+ ") + line.Terms[t], end ? line.Amount.Amount.ToString("N2", CultureInfo.InvariantCulture) : string.Empty);
            }
        }

        table.Add("Total", string.Empty, statement.Total.Amount.ToString("N2", CultureInfo.InvariantCulture));
        table.Write(output);
        var line0 = appraisal.Lines[0];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Grade {appraisal.Grade} of {appraisal.Period}: {line0.Name} {line0.Actual}% → score {appraisal.Score} ({line0.Rule})."));
    }
}
