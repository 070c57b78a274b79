using System.Globalization;
using Kam.Cli.Output;
using Kam.Core;
using Kam.Core.Compensation;
using Kam.Core.Performance;
using NodaTime;

namespace Kam.Cli.Demo;

/// <summary>The appraisal and pay part of <c>kam demo</c>: a salesperson's scorecard and pay statements on a small embedded sample.</summary>
internal static class PayDemo
{
    private const string PlanJson = """
        {
          "name": "Key-account manager (base + commission on collected cash)",
          "currency": "CNY",
          "rounding": "AwayFromZero",
          "effectiveFrom": "2026-01-01",
          "components": [
            { "kind": "BaseSalary", "name": "Base salary", "monthly": "5000 CNY" },
            { "kind": "PerformancePay", "name": "Performance pay", "target": "1000 CNY" },
            { "kind": "Commission", "name": "Commission", "basis": "CollectedCash",
              "monthlyAdvance": "80%", "yearEndTrueUp": true, "clawbackWindowMonths": 6,
              "schedule": { "method": "Marginal", "measure": "Volume",
                "bands": [ { "from": 0, "to": 600000, "rate": "2%" }, { "from": 600000, "rate": "4%" } ] } },
            { "kind": "YearEndBonus", "name": "Year-end bonus", "target": "10000 CNY" },
            { "kind": "UniformBenefits", "name": "Uniform benefits", "monthly": "800 CNY" },
            { "kind": "Allowance", "name": "Travel and phone allowance", "monthly": "500 CNY" }
          ]
        }
        """;

    /// <summary>Runs the engines on the sample and prints the tables.</summary>
    /// <param name="output">The destination.</param>
    public static void Write(TextWriter output)
    {
        var calendar = FiscalCalendar.Calendar;
        var person = PersonId.Parse("S-ZHANG");
        var cny = Currency.CNY;
        var year = calendar.Year(2026);
        var appraisal = new AppraisalEngine().Appraise(ScorecardDefaults.Salesperson(yearlyAttendance: true), new AppraisalInput(
            person,
            year,
            new Dictionary<string, IndicatorActual>
            {
                ["salesAttainment"] = IndicatorActual.Of(104m),
                ["collectionRate"] = IndicatorActual.Of(92m),
                ["skillsReview"] = IndicatorActual.Of(4m),
                ["attendance"] = AttendanceStandard.Observe(late: 4, earlyLeave: 1, absenceDays: 0, personalLeaveDays: 2),
                ["reportsOnTime"] = IndicatorActual.Of(85m),
            },
            new SalesProcessFacts(22, 25, [new StageConversionCount("Qualify", 40, 25), new StageConversionCount("Propose", 25, 12)], new Money(3_100_000m, cny), new Money(1_200_000m, cny))));

        output.WriteLine($"Annual appraisal of {person} for {appraisal.Period} (KPI 70% + skills 20% + attitude 10%; attendance on the seed's yearly standard):");
        var card = new TextTable("section", "indicator", "weight>", "actual", "score>", "grade", "contribution>");
        foreach (var line in appraisal.Lines)
        {
            card.Add(line.Section, line.Name, line.Weight.ToString("0.0", CultureInfo.InvariantCulture), line.Actual, line.Score.ToString("0.0", CultureInfo.InvariantCulture), line.Grade, line.Contribution.ToString("0.00", CultureInfo.InvariantCulture));
        }

        card.Write(output);
        output.WriteLine($"Overall {appraisal.Score.ToString("0.0", CultureInfo.InvariantCulture)} → grade {appraisal.Grade}.");
        output.WriteLine();

        var plan = PayPlanJson.FromJson(PlanJson);
        var deal = new Deal(OpportunityId.Parse("D-2026-001"), new LocalDate(2026, 1, 8), new Money(900_000m, cny), new Money(270_000m, cny), [new CreditSplit(person, Percentage.FromPercent(70m)), new CreditSplit(PersonId.Parse("S-LI"), Percentage.FromPercent(30m))]);
        var receipts = Enumerable.Range(1, 12).Select(m => new CashReceipt(deal.Id, new LocalDate(2026, m, 20), new Money(60_000m, cny))).ToArray();
        var grades = new[] { "B", "B", "A", "B", "C", "B", "A", "A", "B", "B", "A", "B" };
        var payee = new Payee(person, new Money(1_000_000m, cny), grades, appraisal.Grade);
        var run = new PayCalculator(calendar).CalculateYear(plan, 2026, [payee], [deal], receipts);
        var statements = run.StatementsOf(person);

        output.WriteLine($"Plan: {plan.Name}. Deal {deal.Id} of {deal.Amount.ToString("N0", CultureInfo.InvariantCulture)}, credit 70% {person} / 30% S-LI, cash received monthly.");
        WriteStatement(output, statements[2]);
        WriteStatement(output, statements[12]);
        output.WriteLine($"Year total for {person}: {statements.Sum(s => s.Total.Amount).ToString("N2", CultureInfo.InvariantCulture)} {cny}.");
    }

    private static void WriteStatement(TextWriter output, PayStatement statement)
    {
        output.WriteLine();
        output.WriteLine($"Pay statement {statement.Person} {statement.Period} ({statement.Kind}, each line rounded once, {statement.Rounding}):");
        var table = new TextTable("component", "inputs (quantity × factor)", "amount>");
        foreach (var line in statement.Lines)
        {
            table.Add(line.Component, string.Join("; ", line.Terms), line.Amount.Amount.ToString("N2", CultureInfo.InvariantCulture));
        }

        table.Add("Total", string.Empty, statement.Total.Amount.ToString("N2", CultureInfo.InvariantCulture));
        table.Write(output);
    }
}
