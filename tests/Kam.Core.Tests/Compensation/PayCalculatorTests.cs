using Kam.Core.Compensation;
using NodaTime;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Compensation;

public sealed class PayCalculatorTests
{
    [Fact]
    public void A_full_year_on_collected_cash_with_a_year_end_true_up()
    {
        // One deal of 720,000 collected 20,000 a month in Jan-Jun and 100,000 a month in Jul-Dec.
        var deal = Deal("D1", new LocalDate(2026, 1, 5), 720_000m, (S1, 100m));
        var cash = Enumerable.Range(1, 12)
            .Select(m => new CashReceipt(deal.Id, new LocalDate(2026, m, 15), Yuan(m <= 6 ? 20_000m : 100_000m)))
            .ToArray();
        var run = Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1)], [deal], cash);
        var statements = run.StatementsOf(S1);
        Assert.Equal(13, statements.Count);

        // Month bands are 1/12 of the year's: 2% to 50,000, 4% above; 80% is paid monthly.
        // Jan: 20,000 × 2% × 80% = 320; performance pay grade A = 1,200.
        var jan = statements[0];
        Assert.Equal("FY2026-M01", jan.Period.ToString());
        Assert.Equal(Yuan(320m), Line(jan, "Commission").Amount);
        Assert.Equal(Yuan(1_200m), Line(jan, "Performance pay").Amount);
        Assert.Equal(Yuan(5_000m + 1_200m + 320m + 200m), jan.Total);

        // Jul: (50,000 × 2% + 50,000 × 4%) × 80% = 2,400; grade B = 1,000.
        var jul = statements[6];
        Assert.Equal(Yuan(2_400m), Line(jul, "Commission").Amount);
        Assert.Equal(Yuan(5_000m + 1_000m + 2_400m + 200m), jul.Total);

        // Paid monthly: 6 × 320 + 6 × 2,400 = 16,320. The year: 600,000 × 2% + 120,000 × 4% = 16,800.
        // True-up 480; year-end bonus grade B = 10,000.
        var yearEnd = statements[12];
        Assert.Equal(StatementKind.YearEnd, yearEnd.Kind);
        Assert.Equal("FY2026", yearEnd.Period.ToString());
        Assert.Equal(Yuan(480m), Line(yearEnd, "Commission").Amount);
        Assert.Equal(Yuan(10_000m), Line(yearEnd, "Year-end bonus").Amount);
        Assert.Equal(Yuan(10_480m), yearEnd.Total);
        Assert.Equal(16_800m, statements.SelectMany(s => s.Lines).Where(l => l.Kind == PayComponentKind.Commission).Sum(l => l.Amount.Amount));
        Assert.Equal(12 * 6_200m + 1_200m - 1_000m + 16_800m + 10_000m, statements.Sum(s => s.Total.Amount));
    }

    [Fact]
    public void Every_line_is_reproducible_from_the_statement_alone()
    {
        var deal = Deal("D1", new LocalDate(2026, 1, 2), 333_333.33m, (S1, 70m), (S2, 30m));
        var cash = Enumerable.Range(1, 12).Select(m => new CashReceipt(deal.Id, new LocalDate(2026, m, 3), Yuan(27_777.77m + m))).ToArray();
        var run = Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1), Payee(S2, "C")], [deal], cash);
        Assert.Equal(26, run.Statements.Count);
        foreach (var statement in run.Statements)
        {
            Assert.Equal(statement.Total.Amount, statement.Lines.Sum(l => l.Amount.Amount));
            foreach (var line in statement.Lines)
            {
                Assert.Equal(line.Amount, line.Recompute(statement.Rounding));
                Assert.Equal(Cny, line.Amount.Currency);
            }
        }
    }

    [Fact]
    public void A_deal_cancelled_within_the_window_is_clawed_back_from_each_member_of_the_split()
    {
        var cancelled = Deal("D1", new LocalDate(2026, 2, 10), 200_000m, (S1, 60m), (S2, 40m)).Cancelled(new LocalDate(2026, 4, 2));
        var late = Deal("D2", new LocalDate(2026, 2, 10), 10_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 9, 1));
        var run = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1), Payee(S2)], [cancelled, late], []);
        var s1 = run.StatementsOf(S1);
        Assert.Equal(Yuan(6_500m), Line(s1[1], "Commission").Amount);          // Feb: (120,000 + 10,000) × 5%
        Assert.Equal(Yuan(-6_000m), Line(s1[3], "Commission clawback").Amount); // Apr: 120,000 × Feb's 5%
        Assert.DoesNotContain(s1[8].Lines, l => l.Component == "Commission clawback"); // D2 cancelled after 6 months
        Assert.Equal(Yuan(0m), Line(s1[12], "Commission").Amount);              // year: 10,000 × 5% − (6,500 − 6,000)
        var s2 = run.StatementsOf(S2);
        Assert.Equal(Yuan(4_000m), Line(s2[1], "Commission").Amount);
        Assert.Equal(Yuan(-4_000m), Line(s2[3], "Commission clawback").Amount);
        Assert.Equal(0m, s2.Sum(s => s.Total.Amount));
    }

    [Fact]
    public void A_recoverable_draw_is_advanced_then_recovered()
    {
        var deals = new[]
        {
            Deal("D1", new LocalDate(2026, 1, 10), 20_000m, (S1, 100m)),  // Jan commission 1,000
            Deal("D2", new LocalDate(2026, 2, 10), 120_000m, (S1, 100m)), // Feb commission 6,000
        };
        var run = Calculator.CalculateYear(BookedPlan(new DrawPolicy(Yuan(3_000m), recoverable: true)), 2026, [Payee(S1)], deals, []);
        var s1 = run.StatementsOf(S1);
        Assert.Equal(Yuan(2_000m), Line(s1[0], "Commission draw").Amount);
        Assert.Equal(Yuan(3_000m), s1[0].Total);
        Assert.Equal(Yuan(2_000m), s1[0].DrawBalance);
        Assert.Equal(Yuan(-2_000m), Line(s1[1], "Commission draw recovery").Amount);
        Assert.Equal(Yuan(4_000m), s1[1].Total);
        Assert.Equal(Yuan(3_000m), s1[2].Total); // March: no sales, draw paid in full
        Assert.Equal(Yuan(3_000m), s1[2].DrawBalance);

        var guaranteed = Calculator.CalculateYear(BookedPlan(new DrawPolicy(Yuan(3_000m), recoverable: false)), 2026, [Payee(S1)], deals, []).StatementsOf(S1);
        Assert.Equal(Yuan(6_000m), guaranteed[1].Total);
        Assert.Equal(Yuan(0m), guaranteed[2].DrawBalance);
    }

    [Fact]
    public void Team_bonus_and_the_full_commission_plan()
    {
        var plan = new PayPlan("Manager", Cny, MidpointRounding.ToEven, new LocalDate(2026, 1, 1), null,
            [new TeamBonusComponent("Department bonus", Yuan(50_000m), Ratio.FromPercent(150m))]);
        var payee = Payee(S1).WithTeamAttainment(Ratio.FromPercent(180m));
        Assert.Equal(Yuan(75_000m), Calculator.CalculateYear(plan, 2026, [payee], [], []).StatementsOf(S1)[12].Total);

        var full = PayPlanTemplates.FullCommission(Cny, Pct(10m), new LocalDate(2026, 1, 1));
        var deal = Deal("D1", new LocalDate(2025, 12, 1), 100_000m, (S1, 100m));
        var run = Calculator.CalculateYear(full, 2026, [Payee(S1)], [deal], [new CashReceipt(deal.Id, new LocalDate(2026, 3, 1), Yuan(45_000m))]);
        Assert.Equal(Yuan(4_500m), run.StatementsOf(S1)[2].Total);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => PayPlanTemplates.FullCommission(Cny, Pct(25m), new LocalDate(2026, 1, 1))).Errors[0].Code);
    }

    [Fact]
    public void Base_plus_commission_states_its_variable_share()
    {
        var plan = PayPlanTemplates.BasePlusCommission(Cny, Yuan(240_000m), Pct(70m), CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(3m)), new LocalDate(2026, 1, 1));
        Assert.Equal(Yuan(6_000m), ((FixedPayComponent)plan.Components[0]).Monthly); // 240,000 × 30% ÷ 12
    }

    [Fact]
    public void Bad_inputs_are_typed_errors()
    {
        var unsplit = Deal("D1", new LocalDate(2026, 1, 5), 1_000m, (S1, 60m), (S2, 30m));
        var ex = Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1)], [unsplit], []));
        Assert.Equal(("deals[0].splits", KamErrorCodes.InvalidSum), (ex.Errors[0].Path, ex.Errors[0].Code));

        var dollars = Deal("D1", new LocalDate(2026, 1, 5), 1_000m, (S1, 100m)).WithAmount(Money.Of(1_000m, "USD"));
        Assert.Equal(KamErrorCodes.CurrencyMismatch, Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1)], [dollars], [])).Errors[0].Code);

        var deal = Deal("D1", new LocalDate(2026, 1, 5), 1_000m, (S1, 100m));
        var stranger = new CashReceipt(OpportunityId.Parse("NOPE"), new LocalDate(2026, 2, 1), Yuan(1m));
        Assert.Equal(("collections[0].deal", KamErrorCodes.Unknown), Pair(Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1)], [deal], [stranger]))));
        var early = new CashReceipt(deal.Id, new LocalDate(2025, 12, 1), Yuan(1m));
        Assert.Equal(KamErrorCodes.OutOfOrder, Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1)], [deal], [early])).Errors[0].Code);

        var noGrades = Payee(S1).WithGrades(null, "Z");
        var grades = Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(CashPlan(), 2026, [noGrades], [], []));
        Assert.Contains(grades.Errors, e => e.Path == "payees[0].monthlyGrades");
        Assert.Contains(grades.Errors, e => e.Path == "payees[0].annualGrade");

        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(CashPlan(), 2025, [Payee(S1)], [], [])).Errors[0].Code);
        Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1), Payee(S1)], [], []));
    }

    [Fact]
    public void Plans_refuse_negative_salaries_and_mixed_currencies()
    {
        var ex = Assert.Throws<KamValidationException>(() => new PayPlan("p", Cny, MidpointRounding.ToEven, new LocalDate(2026, 1, 1), new LocalDate(2025, 1, 1),
        [
            new FixedPayComponent(PayComponentKind.BaseSalary, "Base", Yuan(-1m)),
            new FixedPayComponent(PayComponentKind.Allowance, "Base", Money.Of(1m, "USD")),
        ]));
        Assert.Contains(ex.Errors, e => e.Path == "$.effectiveTo" && e.Code == KamErrorCodes.OutOfOrder);
        Assert.Contains(ex.Errors, e => e.Path == "$.components[0].monthly" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "$.components[1].monthly" && e.Code == KamErrorCodes.CurrencyMismatch);
        Assert.Contains(ex.Errors, e => e.Path == "$.components[1].name" && e.Code == KamErrorCodes.Duplicate);
    }

    private static PayLine Line(PayStatement statement, string component) => Assert.Single(statement.Lines, l => l.Component == component);

    private static (string, string) Pair(KamValidationException ex) => (ex.Errors[0].Path, ex.Errors[0].Code);
}
