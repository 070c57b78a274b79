using Kam.Core.Compensation;
using NodaTime;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Compensation;

/// <summary>
/// The pay calculator at its edges: which payees and plans it refuses (path, code, value), the year-end true-up
/// when the months overpaid, draws at the break-even point, and the team bonus under its cap.
/// </summary>
public sealed class PayCalculatorEdgeTests
{
    [Fact]
    public void A_plan_is_usable_in_a_year_it_touches_by_a_single_day()
    {
        Assert.Equal(13, Run(Plan(new LocalDate(2026, 12, 31), null), Payee(S1)).StatementsOf(S1).Count);
        Assert.Equal(13, Run(Plan(new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 1)), Payee(S1)).StatementsOf(S1).Count);

        var error = Assert.Single(Refused(Plan(new LocalDate(2027, 1, 1), null), Payee(S1)).Errors);
        Assert.Equal(("fiscalYear", KamErrorCodes.OutOfRange), (error.Path, error.Code));
        Assert.Contains("'Flat'", error.Message, StringComparison.Ordinal);
        Assert.Equal("fiscalYear", Assert.Single(Refused(Plan(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)), Payee(S1)).Errors).Path);
    }

    [Fact]
    public void Payees_are_checked_one_by_one_at_their_index()
    {
        var usd = Payee(S2).WithQuota(Money.Of(1m, "USD"));
        var ex = Refused(BookedPlan(), null!, Payee(S1), Payee(S1), usd, Payee(PersonId.Parse("S3")).WithQuota(Yuan(-1m)));
        Assert.Equal(
            [("payees[0]", KamErrorCodes.Required), ("payees[2].person", KamErrorCodes.Duplicate), ("payees[3].annualQuota", KamErrorCodes.CurrencyMismatch), ("payees[4].annualQuota", KamErrorCodes.OutOfRange)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("S1", ex.Errors[1].AttemptedValue);
        Assert.Contains("once per run", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("CNY", ex.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("must not be negative", ex.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_quota_is_refused_only_when_the_schedule_measures_attainment()
    {
        var zero = Payee(S1).WithQuota(Yuan(0m));
        Assert.Equal(13, Run(BookedPlan(), zero).StatementsOf(S1).Count);

        var attainment = new PayPlan("Attainment", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, [new(0m, null, Pct(2m))]), Pct(100m), yearEndTrueUp: false, clawbackWindowMonths: 0)]);
        var error = Assert.Single(Refused(attainment, zero).Errors);
        Assert.Equal(("payees[0].annualQuota", KamErrorCodes.OutOfRange), (error.Path, error.Code));
        Assert.Contains("must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attainment_is_measured_against_a_twelfth_of_the_annual_quota_each_month_and_the_whole_quota_at_year_end()
    {
        // Quota 1,200,000 a year: 100,000 a month. Marginal: 2% up to 100% of quota, 4% above.
        var schedule = CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, [new(0m, 1m, Pct(2m)), new(1m, null, Pct(4m))]);
        var plan = new PayPlan("Attainment", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, schedule, Pct(100m), yearEndTrueUp: true, clawbackWindowMonths: 0)]);
        var s1 = Calculator.CalculateYear(plan, 2026, [Payee(S1)], [Deal("D1", new LocalDate(2026, 3, 1), 150_000m, (S1, 100m))], []).StatementsOf(S1);
        Assert.Equal(4_000m, s1[2].Total.Amount);   // 100,000 × 2% + 50,000 × 4%
        // The year reaches 12.5% of the annual quota: 150,000 × 2% = 3,000 is due, 4,000 was paid, nothing is taken back.
        Assert.Equal(3_000m, s1[12].Lines[0].Terms[0].Value);
        Assert.Equal(0m, s1[12].Total.Amount);
    }

    [Fact]
    public void Grades_must_be_known_for_every_month_and_the_year()
    {
        var elevenMonths = Payee(S1).WithMonthlyGrades(Enumerable.Repeat("B", 11).ToArray());
        var error = Assert.Single(Refused(CashPlan(), elevenMonths).Errors);
        Assert.Equal(("payees[0].monthlyGrades", KamErrorCodes.Required, "11"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("12 months", error.Message, StringComparison.Ordinal);

        var grades = Enumerable.Repeat("B", 12).ToArray();
        grades[3] = "Z";
        grades[11] = null!;
        var ex = Refused(CashPlan(), Payee(S1).WithGrades(grades, null));
        Assert.Equal(
            [("payees[0].monthlyGrades[3]", KamErrorCodes.Unknown), ("payees[0].monthlyGrades[11]", KamErrorCodes.Unknown), ("payees[0].annualGrade", KamErrorCodes.Unknown)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("Z", ex.Errors[0].AttemptedValue);
        Assert.Contains("'Performance pay'", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Year-end bonus'", ex.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_bonus_needs_the_team_attainment_and_pays_it_up_to_the_cap()
    {
        var plan = new PayPlan("Manager", Cny, MidpointRounding.ToEven, new LocalDate(2026, 1, 1), null,
            [new TeamBonusComponent("Department bonus", Yuan(50_000m), Ratio.FromPercent(150m))]);
        var error = Assert.Single(Refused(plan, Payee(S1).WithTeamAttainment(null)).Errors);
        Assert.Equal(("payees[0].teamAttainment", KamErrorCodes.Required), (error.Path, error.Code));
        Assert.Contains("team's attainment", error.Message, StringComparison.Ordinal);

        Assert.Equal(Yuan(40_000m), Run(plan, Payee(S1).WithTeamAttainment(Ratio.FromPercent(80m))).StatementsOf(S1)[12].Total);
        Assert.Equal(Yuan(75_000m), Run(plan, Payee(S1).WithTeamAttainment(Ratio.FromPercent(150m))).StatementsOf(S1)[12].Total);
    }

    [Fact]
    public void At_most_100_payee_errors_are_reported()
    {
        var payees = Enumerable.Range(0, 120).Select(i => Payee(PersonId.Parse($"P{i}")).WithQuota(Yuan(-1m))).ToArray();
        Assert.Equal(100, Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(BookedPlan(), 2026, payees, [], [])).Errors.Count);
    }

    [Fact]
    public void A_month_that_overpays_is_not_recovered_at_year_end()
    {
        // Retroactive tiers pay 5% on a big month, but the year's total only reaches the 1% band.
        var plan = new PayPlan("Retro", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Tiered(BandMethod.Retroactive, BandMeasure.Volume, CommissionScheduleTests.VolumeBands), Pct(100m), yearEndTrueUp: true, clawbackWindowMonths: 0)]);
        var s1 = Calculator.CalculateYear(plan, 2026, [Payee(S1)], [Deal("D1", new LocalDate(2026, 3, 1), 300_000m, (S1, 100m))], []).StatementsOf(S1);
        Assert.Equal(15_000m, s1[2].Total.Amount);
        var trueUp = Assert.Single(s1[12].Lines);
        Assert.Equal(0m, trueUp.Amount.Amount);
        Assert.Equal(["overpayment not recovered at year end"], trueUp.Terms.Where(t => t.Factor == 1m).Select(t => t.Label));
        Assert.Equal(12_000m, trueUp.Terms[^1].Quantity); // 15,000 paid − 300,000 × 1%
    }

    [Fact]
    public void Commission_not_advanced_monthly_is_stated_and_paid_at_year_end()
    {
        var plan = new PayPlan("Advance", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(60m), yearEndTrueUp: true, clawbackWindowMonths: 0)]);
        var s1 = Calculator.CalculateYear(plan, 2026, [Payee(S1)], [Deal("D1", new LocalDate(2026, 3, 1), 10_000m, (S1, 100m))], []).StatementsOf(S1);
        var march = Assert.Single(s1[2].Lines);
        Assert.Equal(300m, march.Amount.Amount);
        Assert.Equal(("share not advanced monthly", 500m, -0.4m), (march.Terms[1].Label, march.Terms[1].Quantity, march.Terms[1].Factor));
        Assert.Single(s1[3].Lines[0].Terms); // a month with nothing to advance states no share
        Assert.Equal("basis 0 earns nothing", s1[3].Lines[0].Terms[0].Label);
        Assert.Equal(200m, s1[12].Total.Amount);
    }

    [Fact]
    public void A_draw_is_topped_up_below_it_and_recovered_above_it()
    {
        var deals = new[]
        {
            Deal("D1", new LocalDate(2026, 1, 10), 20_000m, (S1, 100m)),  // Jan: 1,000 of a 3,000 draw
            Deal("D2", new LocalDate(2026, 2, 10), 60_000m, (S1, 100m)),  // Feb: exactly the draw
            Deal("D3", new LocalDate(2026, 3, 10), 100_000m, (S1, 100m)), // Mar: 5,000, recovers the 2,000 balance
        };
        var s1 = Calculator.CalculateYear(BookedPlan(new DrawPolicy(Yuan(3_000m), recoverable: true)), 2026, [Payee(S1)], deals, []).StatementsOf(S1);
        Assert.Equal([3_000m, 3_000m, 3_000m], s1.Take(3).Select(s => s.Total.Amount));
        Assert.Equal([2_000m, 2_000m, 0m], s1.Take(3).Select(s => s.DrawBalance.Amount));
        Assert.DoesNotContain(s1[1].Lines, l => l.Component == "Commission draw");
        Assert.Contains("recoverable draw of", s1[0].Lines[1].Rule, StringComparison.Ordinal);
        Assert.Equal(-2_000m, Assert.Single(s1[2].Lines, l => l.Component == "Commission draw recovery").Amount.Amount);

        // What is still owed at year end comes out of a positive true-up.
        var owed = Calculator.CalculateYear(BookedPlan(new DrawPolicy(Yuan(3_000m), recoverable: true)), 2026, [Payee(S1)], [deals[0]], []).StatementsOf(S1);
        Assert.Equal(36_000m, owed.Take(12).Sum(s => s.Total.Amount)); // the draw every month, Jan's 1,000 commission included
        Assert.Equal(35_000m, owed[11].DrawBalance.Amount);
        Assert.Equal(35_000m, owed[12].DrawBalance.Amount);

        var guaranteed = Calculator.CalculateYear(BookedPlan(new DrawPolicy(Yuan(3_000m), recoverable: false)), 2026, [Payee(S1)], deals, []).StatementsOf(S1);
        Assert.Contains("guaranteed (non-recoverable) draw", guaranteed[0].Lines[1].Rule, StringComparison.Ordinal);
        Assert.Equal([3_000m, 3_000m, 5_000m], guaranteed.Take(3).Select(s => s.Total.Amount));
    }

    private static PayPlan Plan(LocalDate from, LocalDate? to) => new(
        "Flat", Cny, MidpointRounding.AwayFromZero, from, to,
        [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(100m), yearEndTrueUp: false, clawbackWindowMonths: 0)]);

    private static PayrollResult Run(PayPlan plan, params Payee[] payees) => Calculator.CalculateYear(plan, 2026, payees, [], []);

    private static KamValidationException Refused(PayPlan plan, params Payee[] payees) =>
        Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(plan, 2026, payees, [], []));
}
