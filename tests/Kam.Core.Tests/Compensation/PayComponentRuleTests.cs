using Kam.Core.Compensation;
using NodaTime;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Compensation;

/// <summary>
/// Pay components and plans: their typed errors, the rules and term labels a statement shows, draws recovered from
/// the year-end true-up, and the interplay of clawbacks, the monthly advance and the draw.
/// </summary>
public sealed class PayComponentRuleTests
{
    [Fact]
    public void Null_arguments_are_refused_up_front()
    {
        Assert.Throws<ArgumentNullException>(() => new PayCalculator(null!));
        Assert.Throws<ArgumentNullException>(() => Calculator.CalculateYear(null!, 2026, [], [], []));
        Assert.Throws<ArgumentNullException>(() => Calculator.CalculateYear(BookedPlan(), 2026, null!, [], []));
        Assert.Throws<ArgumentNullException>(() => Calculator.CalculateYear(BookedPlan(), 2026, [], null!, []));
        Assert.Throws<ArgumentNullException>(() => Calculator.CalculateYear(BookedPlan(), 2026, [], [], null!));
        Assert.Throws<ArgumentNullException>(() => new GradeFactors(null!));
        Assert.Throws<ArgumentNullException>(() => new ScaledPayComponent(PayComponentKind.PerformancePay, "P", Yuan(1m), null!));
        Assert.Throws<ArgumentNullException>(() => new CommissionComponent("C", CommissionBasis.BookedSales, null!, Pct(100m), true, 0));
        Assert.Throws<ArgumentNullException>(() => new PayPlan("p", Cny, MidpointRounding.ToEven, new LocalDate(2026, 1, 1), null, null!));
        Assert.Throws<ArgumentNullException>(() => PayPlan.FromJson(null!));
    }

    [Fact]
    public void Grade_factors_need_named_grades()
    {
        Assert.Equal("A 120%, B 100%, C 60%, D 0%", GradeFactors.Default.ToString());
        Assert.Equal(["A", "B", "C", "D"], GradeFactors.Default.Factors.Keys.Order(StringComparer.Ordinal));
        var empty = Assert.Single(Assert.Throws<KamValidationException>(() => new GradeFactors(new Dictionary<string, Ratio>())).Errors);
        Assert.Equal(("factors", KamErrorCodes.Empty), (empty.Path, empty.Code));
        Assert.Contains("At least one grade factor", empty.Message, StringComparison.Ordinal);
        var blank = Assert.Single(Assert.Throws<KamValidationException>(() => new GradeFactors(new Dictionary<string, Ratio> { [" "] = Ratio.One })).Errors);
        Assert.Equal(("factors", KamErrorCodes.Required), (blank.Path, blank.Code));
    }

    [Fact]
    public void Components_refuse_the_wrong_kind_and_state_their_rule()
    {
        var scaled = Assert.Single(Assert.Throws<KamValidationException>(() => new ScaledPayComponent(PayComponentKind.BaseSalary, "P", Yuan(1m), GradeFactors.Default)).Errors);
        Assert.Equal(("kind", KamErrorCodes.OutOfRange, "BaseSalary"), (scaled.Path, scaled.Code, scaled.AttemptedValue));
        Assert.Contains("performance pay or a year-end bonus", scaled.Message, StringComparison.Ordinal);
        var fixedPay = Assert.Single(Assert.Throws<KamValidationException>(() => new FixedPayComponent(PayComponentKind.Commission, "F", Yuan(1m))).Errors);
        Assert.Equal(("kind", KamErrorCodes.OutOfRange), (fixedPay.Path, fixedPay.Code));
        Assert.False(string.IsNullOrWhiteSpace(fixedPay.Message));
        var unnamed = Assert.Single(Assert.Throws<KamValidationException>(() => new FixedPayComponent(PayComponentKind.BaseSalary, " ", Yuan(1m))).Errors);
        Assert.Equal(("name", KamErrorCodes.Required), (unnamed.Path, unnamed.Code));
        Assert.Contains("needs a name", unnamed.Message, StringComparison.Ordinal);

        Assert.Equal("1000 CNY × factor of the monthly appraisal grade (A 120%, B 100%, C 60%, D 0%)", new ScaledPayComponent(PayComponentKind.PerformancePay, "P", Yuan(1_000m), GradeFactors.Default).Rule);
        Assert.Equal("10000 CNY × factor of the annual appraisal grade (A 120%, B 100%, C 60%, D 0%)", new ScaledPayComponent(PayComponentKind.YearEndBonus, "Y", Yuan(10_000m), GradeFactors.Default).Rule);
        Assert.Equal("50000 CNY × team attainment (at most 150%)", new TeamBonusComponent("T", Yuan(50_000m), Ratio.FromPercent(150m)).Rule);
        Assert.Equal("flat 5% on BookedSales; 80% paid monthly, rest at year end", new CommissionComponent("C", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(80m), true, 0).Rule);
        Assert.Equal("flat 5% on CollectedCash; 100% paid monthly", new CommissionComponent("C", CommissionBasis.CollectedCash, CommissionSchedule.Flat(Pct(5m)), Pct(100m), false, 0).Rule);
    }

    [Fact]
    public void A_commission_component_checks_its_basis_and_clawback_window()
    {
        var flat = CommissionSchedule.Flat(Pct(5m));
        Assert.Equal(0, new CommissionComponent("C", CommissionBasis.BookedSales, flat, Pct(100m), true, 0).ClawbackWindowMonths);
        Assert.Equal(120, new CommissionComponent("C", CommissionBasis.BookedSales, flat, Pct(100m), true, 120).ClawbackWindowMonths);
        var ex = Assert.Throws<KamValidationException>(() => new CommissionComponent("C", (CommissionBasis)9, flat, Pct(100m), true, 121));
        Assert.Equal([("basis", KamErrorCodes.OutOfRange), ("clawbackWindowMonths", KamErrorCodes.OutOfRange)], ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("commission basis", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("clawbackWindowMonths", Assert.Single(Assert.Throws<KamValidationException>(() => new CommissionComponent("C", CommissionBasis.BookedSales, flat, Pct(100m), true, -1)).Errors).Path);
    }

    [Fact]
    public void A_plan_reports_every_problem_at_its_path()
    {
        var from = new LocalDate(2026, 1, 1);
        var empty = Assert.Throws<KamValidationException>(() => new PayPlan(" ", Cny, (MidpointRounding)42, from, new LocalDate(2025, 6, 30), []));
        Assert.Equal(["$.name", "$.rounding", "$.effectiveTo", "$.components"], empty.Errors.Select(e => e.Path));
        Assert.Contains("(2026-01-01)", empty.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("at least one component", empty.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("rounding mode", empty.Errors[1].Message, StringComparison.Ordinal);

        CommissionComponent Commission(string name) => new(name, CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(100m), true, 0, new DrawPolicy(Money.Of(1m, "USD"), true));
        var ex = Assert.Throws<KamValidationException>(() => new PayPlan("p", Cny, MidpointRounding.ToEven, from, null,
        [
            null!,
            Commission("C1"),
            Commission("C2"),
            new ScaledPayComponent(PayComponentKind.YearEndBonus, "C1", Money.Of(1m, "USD"), GradeFactors.Default),
            new TeamBonusComponent("T", Money.Of(1m, "USD"), Ratio.One),
        ]));
        Assert.Equal(
            [
                ("$.components[0]", KamErrorCodes.Required),
                ("$.components[1].draw.monthly", KamErrorCodes.CurrencyMismatch),
                ("$.components[2]", KamErrorCodes.Duplicate),
                ("$.components[2].draw.monthly", KamErrorCodes.CurrencyMismatch),
                ("$.components[3].name", KamErrorCodes.Duplicate),
                ("$.components[3].target", KamErrorCodes.CurrencyMismatch),
                ("$.components[4].target", KamErrorCodes.CurrencyMismatch),
            ],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("at most one commission component", ex.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("unique", ex.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("in CNY", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_lines_name_their_terms_and_recompute_from_them()
    {
        var plan = new PayPlan("Everything", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
        [
            new FixedPayComponent(PayComponentKind.BaseSalary, "Base", Yuan(5_000m)),
            new ScaledPayComponent(PayComponentKind.PerformancePay, "Performance", Yuan(1_000m), GradeFactors.Default),
            new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(100m), yearEndTrueUp: true, clawbackWindowMonths: 6, new DrawPolicy(Yuan(3_000m), recoverable: true)),
            new ScaledPayComponent(PayComponentKind.YearEndBonus, "Bonus", Yuan(10_000m), GradeFactors.Default),
            new TeamBonusComponent("Team", Yuan(50_000m), Ratio.FromPercent(150m)),
        ]);
        var payee = Payee(S1).WithTeamAttainment(Ratio.FromPercent(80m));
        var deals = new[]
        {
            Deal("D1", new LocalDate(2026, 2, 10), 100_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 4, 1)),
            Deal("D2", new LocalDate(2026, 5, 10), 200_000m, (S1, 100m)),
        };
        var s1 = Calculator.CalculateYear(plan, 2026, [payee], deals, []).StatementsOf(S1);
        foreach (var statement in s1)
        {
            foreach (var line in statement.Lines)
            {
                Assert.Equal(line.Amount, line.Recompute(statement.Rounding));
            }
        }

        var jan = s1[0];
        Assert.Equal("1 month", Term(jan, "Base").Label);
        Assert.Equal("month's grade A", Term(jan, "Performance").Label);
        Assert.Equal("basis 0 earns nothing", Term(jan, "Commission").Label);
        Assert.Equal(["draw", "commission earned"], Line(jan, "Commission draw").Terms.Select(t => t.Label));

        // April: D1's 5,000 comes back; the draw still pays 3,000 of commission for the month.
        var apr = s1[3];
        Assert.Equal(-5_000m, Line(apr, "Commission clawback").Amount.Amount);
        Assert.Equal(8_000m, Line(apr, "Commission draw").Amount.Amount);
        Assert.Equal(5_000m + 1_000m + 3_000m, apr.Total.Amount);

        // May: 10,000 of commission recovers the draws paid so far.
        var may = s1[4];
        Assert.Equal(["draw recovered from commission above the draw"], Line(may, "Commission draw recovery").Terms.Select(t => t.Label));

        var yearEnd = s1[12];
        Assert.Equal("annual grade B", Term(yearEnd, "Bonus").Label);
        Assert.Equal("team attainment 80%", Term(yearEnd, "Team").Label);
        Assert.Equal(40_000m, Line(yearEnd, "Team").Amount.Amount);
        Assert.Equal("commission already paid monthly (net of clawbacks)", Line(yearEnd, "Commission").Terms[^1].Label);
    }

    [Fact]
    public void A_recoverable_draw_still_owed_is_recovered_from_a_positive_true_up()
    {
        // 50% of a flat 5% is advanced monthly; the draw of 3,000 is paid in every month without commission.
        CommissionComponent Commission(bool recoverable) => new("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(50m), yearEndTrueUp: true, clawbackWindowMonths: 0, new DrawPolicy(Yuan(3_000m), recoverable));
        PayPlan Plan(bool recoverable) => new("Half advance", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null, [Commission(recoverable)]);
        var deal = Deal("D1", new LocalDate(2026, 1, 10), 120_000m, (S1, 100m)); // 6,000 a year; January advances 3,000

        var s1 = Calculator.CalculateYear(Plan(true), 2026, [Payee(S1)], [deal], []).StatementsOf(S1);
        Assert.Equal(33_000m, s1[11].DrawBalance.Amount);
        var yearEnd = s1[12];
        Assert.Equal(3_000m, Line(yearEnd, "Commission").Amount.Amount);
        var recovery = Line(yearEnd, "Commission draw recovery");
        Assert.Equal(-3_000m, recovery.Amount.Amount);
        Assert.Equal(recovery.Amount, recovery.Recompute(yearEnd.Rounding));
        Assert.Equal("recoverable draw recovered from the true-up", recovery.Rule);
        Assert.Equal(0m, yearEnd.Total.Amount);
        Assert.Equal(30_000m, yearEnd.DrawBalance.Amount);

        var guaranteed = Calculator.CalculateYear(Plan(false), 2026, [Payee(S1)], [deal], []).StatementsOf(S1)[12];
        Assert.DoesNotContain(guaranteed.Lines, l => l.Component == "Commission draw recovery");
        Assert.Equal(3_000m, guaranteed.Total.Amount);

        // Nothing owed: the true-up is paid in full.
        var noDraw = new PayPlan("Half advance", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(50m), yearEndTrueUp: true, clawbackWindowMonths: 0)]);
        Assert.Equal(3_000m, Calculator.CalculateYear(noDraw, 2026, [Payee(S1)], [deal], []).StatementsOf(S1)[12].Total.Amount);
    }

    [Fact]
    public void Full_advance_states_no_held_back_share_and_an_exact_true_up_no_overpayment()
    {
        var s1 = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1)], [Deal("D1", new LocalDate(2026, 3, 1), 10_000m, (S1, 100m))], []).StatementsOf(S1);
        Assert.Equal(["band 0–∞ @ 5%"], s1[2].Lines[0].Terms.Select(t => t.Label));
        var trueUp = Assert.Single(s1[12].Lines);
        Assert.Equal(0m, trueUp.Amount.Amount);
        Assert.DoesNotContain(trueUp.Terms, t => t.Label == "overpayment not recovered at year end");

        // With 60% advanced, a clawback gives back the commission actually paid: 60% of 5%.
        var partial = new PayPlan("Advance", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(60m), yearEndTrueUp: true, clawbackWindowMonths: 6)]);
        var cancelled = Deal("D1", new LocalDate(2026, 3, 1), 10_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 4, 1));
        var run = Calculator.CalculateYear(partial, 2026, [Payee(S1)], [cancelled], []).StatementsOf(S1);
        Assert.Equal(-300m, Line(run[3], "Commission clawback").Amount.Amount);
        Assert.Equal(0.03m, Line(run[3], "Commission clawback").Terms[0].Factor);
    }

    [Fact]
    public void Pay_plan_json_defaults_and_custom_grade_factors()
    {
        const string Json = """
            {
              "name": "Json plan", "currency": "CNY", "rounding": "AwayFromZero", "effectiveFrom": "2026-01-01",
              "components": [
                { "kind": "PerformancePay", "name": "Performance", "target": "1000 CNY", "gradeFactors": { "S": "200%", "T": "50%" } },
                { "kind": "Commission", "name": "Commission", "basis": "BookedSales", "schedule": { "method": "Marginal", "measure": "Volume", "bands": [ { "from": 0, "rate": "5%" } ] } },
                { "kind": "TeamBonus", "name": "Team", "target": "100 CNY" }
              ]
            }
            """;
        var plan = PayPlan.FromJson(Json);
        var performance = Assert.IsType<ScaledPayComponent>(plan.Components[0]);
        Assert.Equal(["S", "T"], performance.Factors.Factors.Keys.Order(StringComparer.Ordinal));
        var commission = Assert.IsType<CommissionComponent>(plan.Components[1]);
        Assert.Equal((100m, true, 0), (commission.MonthlyAdvance.Percent, commission.YearEndTrueUp, commission.ClawbackWindowMonths));
        Assert.Empty(commission.Schedule.Accelerators);
        Assert.Equal(Ratio.FromPercent(150m), Assert.IsType<TeamBonusComponent>(plan.Components[2]).Cap);
        Assert.DoesNotContain("accelerators", plan.ToJson(), StringComparison.Ordinal);

        var unknownKind = Assert.Throws<KamValidationException>(() => PayPlan.FromJson(Json.Replace("\"kind\": \"TeamBonus\"", "\"kind\": 99", StringComparison.Ordinal)));
        Assert.Contains(unknownKind.Errors, e => e.Path.EndsWith("components[2].kind", StringComparison.Ordinal) && e.Code == KamErrorCodes.OutOfRange);
        var noTarget = Assert.Throws<KamValidationException>(() => PayPlan.FromJson(Json.Replace(", \"target\": \"100 CNY\"", string.Empty, StringComparison.Ordinal)));
        Assert.Contains(noTarget.Errors, e => e.Path.EndsWith("components[2].target", StringComparison.Ordinal));
    }

    private static PayLine Line(PayStatement statement, string component) => Assert.Single(statement.Lines, l => l.Component == component);

    private static PayTerm Term(PayStatement statement, string component) => Line(statement, component).Terms[0];
}
