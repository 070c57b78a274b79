using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Compensation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Kam.Cli.Features.Pay;

/// <summary>Runs the engine of <c>kam pay</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class PayRun
{
    /// <summary>Gets the default pay plan (rule book: Pay structure — base salary, performance pay, commission on collected cash paid 80% monthly with the rest at year end, year-end bonus, uniform benefits, allowances), as <c>kam init</c> writes it and the demo uses it.</summary>
    public static PayPlan DefaultPlan { get; } = CreateDefaultPlan();

    /// <summary>Gets the default rule files this engine adds to <c>kam init</c>.</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => LazyRuleFiles.Value;

    // Rendered on first use: serializing the plan costs startup time every other command would pay.
    private static readonly Lazy<InitTemplate[]> LazyRuleFiles = new(() => [new InitTemplate("pay-plan.json", PlanHeader + DefaultPlan.ToJson() + "\n")]);

    private const string PlanHeader = """
        // pay-plan.json: the pay plan of `kam pay` (see docs/compensation.md and docs/cli.md). Components, each shown
        // as a line of the statement: BaseSalary, PerformancePay (target x the month's grade factor), Commission
        // (basis BookedSales, GrossProfit or CollectedCash; schedule method Marginal or Retroactive over bands, a flat
        // rate being one band; measure Volume, or Attainment with bounds as fractions of quota, which needs --people;
        // monthlyAdvance and yearEndTrueUp for collected cash),
        // YearEndBonus (target x the annual grade factor), TeamBonus, UniformBenefits, Allowance. Rates are
        // percentages ("2%"), amounts carry their currency. Bands must not overlap or leave gaps.

        """;

    /// <summary>Handles <c>kam pay</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(PayRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var plan = PayInput.LoadPlan(request.PlanPath);
        var people = request.PeoplePath is { } peoplePath ? context.WithProgress(p => PayInput.ReadPeople(peoplePath, plan, p)) : null;
        var engines = context.Services.GetRequiredService<EngineFactory>();
        var collections = request.Collections;
        var overcollected = request.Overcollections ?? [];
        if (request.Receivables is { } feed)
        {
            var checks = new PayChecks { AllowOvercollection = request.AllowOvercollection };
            collections = PayReceivables.Collections(feed, request.Deals, checks, engines);
            overcollected = checks.Overcollections;
        }

        var latest = request.Deals.Select(d => d.BookedOn).Concat(collections.Select(c => c.CollectedOn)).Max();
        var year = request.Calendar.Year(request.Period?.FiscalYear ?? request.Calendar.FiscalYearOf(latest));
        if (request.Period is null && AsOfWarnings.For(latest, "--period", given: false, latest, "the deals and collections").Any())
        {
            // A stray date (a collection in 2099) would silently choose the fiscal year computed.
            context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"kam: warning: the latest booking or collection date, {latest:yyyy-MM-dd}, is after today ({LocalDate.FromDateTime(DateTime.Now):yyyy-MM-dd}); it chooses the fiscal year computed, {year} (set it with --period)."));
        }

        var period = request.Period ?? year;
        var inputs = PayInput.Build(plan, request.PlanPath, year, request.Deals, collections, people, request.DealCells);
        PayrollResult result;
        try
        {
            result = engines.Pay(request.Calendar).CalculateYear(plan, year.FiscalYear, inputs.Payees, inputs.Deals, inputs.Receipts);
        }
        catch (KamValidationException ex)
        {
            throw PayInput.Locate(ex, plan, request.PlanPath, inputs, request.Deals, collections);
        }

        if (inputs.Problems.Count > 0)
        {
            throw new KamValidationException(inputs.Problems);
        }

        foreach (var deal in overcollected)
        {
            context.Error.WriteLine(deal.Warning);
        }

        var statements = PayTables.Within(result, period).ToArray();
        var totals = PayTables.Totals(statements, $"Pay per salesperson and statement, {period} ({plan.Name}; {plan.Currency.Code}; computed for {year}{(people is null ? "; without --people: no quotas, every grade the plan's 100% grade" : string.Empty)}{(request.Receivables is null ? string.Empty : $"; collections: the {collections.Count} parts of payments that settle invoices billed on deals")})");
        var lines = PayTables.Lines(statements, $"Statement lines, {period} (amount = the inputs' sum, rounded once {plan.Rounding})");
        IReadOnlyList<ResultTable> tables = overcollected.Count == 0 ? [totals, lines] : [totals, lines, PayTables.Overcollected(overcollected)];
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var section = KamReportSections.PayStatements(totals, lines);
            return new HtmlReport($"kam pay — {period}", $"{plan.Name}; {statements.Length} statements of {inputs.Payees.Count} salespeople")
                .Add(overcollected.Count == 0 ? section : section.Add(tables[2]));
        },
        currency: plan.Currency.Code,
        sheets: () => PayTables.Workbook(totals, lines, overcollected.Count == 0 ? null : tables[2]));
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo) => PayRunDemo.Write(demo);

    private static PayPlan CreateDefaultPlan()
    {
        var cny = Currency.CNY;
        var commission = CommissionSchedule.Tiered(
            BandMethod.Marginal,
            BandMeasure.Volume,
            [new CommissionBand(0m, 6_000_000m, Percentage.FromPercent(1m)), new CommissionBand(6_000_000m, null, Percentage.FromPercent(2m))]);
        return new PayPlan(
            "Key-account salesperson: base pay and commission on collected cash",
            cny,
            MidpointRounding.AwayFromZero,
            new LocalDate(2026, 1, 1),
            null,
            [
                new FixedPayComponent(PayComponentKind.BaseSalary, "Base salary", new Money(8_000m, cny)),
                new ScaledPayComponent(PayComponentKind.PerformancePay, "Performance pay", new Money(2_000m, cny), GradeFactors.Default),
                new CommissionComponent("Commission", CommissionBasis.CollectedCash, commission, Percentage.FromPercent(80m), yearEndTrueUp: true, clawbackWindowMonths: 6),
                new ScaledPayComponent(PayComponentKind.YearEndBonus, "Year-end bonus", new Money(20_000m, cny), GradeFactors.Default),
                new FixedPayComponent(PayComponentKind.UniformBenefits, "Uniform benefits", new Money(800m, cny)),
                new FixedPayComponent(PayComponentKind.Allowance, "Travel and phone allowance", new Money(1_000m, cny)),
            ]);
    }
}
