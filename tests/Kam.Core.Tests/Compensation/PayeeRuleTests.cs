using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Compensation;
using NodaTime;
using static Kam.Core.Tests.Compensation.PaySamples;
using PayeeRules = Kam.Core.Compensation.Payee;

namespace Kam.Core.Tests.Compensation;

/// <summary>
/// The payee rules the library owns for its hosts: the neutral grade (the default when no appraisal grade is given),
/// a quota of 0 or at least 1, the team's attainment a team bonus reads, and deal currencies with any plan.
/// </summary>
public sealed class PayeeRuleTests
{
    private static readonly FiscalPeriod Year2026 = FiscalCalendar.Calendar.Year(2026);

    [Fact]
    public void The_neutral_grade_is_the_lowest_grade_with_the_factor_100_percent()
    {
        Assert.Equal("B", GradeFactors.Default.NeutralGrade);
        var two = new GradeFactors(new Dictionary<string, Ratio> { ["C"] = Ratio.One, ["b"] = Ratio.One, ["B"] = Ratio.One, ["A"] = Ratio.FromPercent(120m) });
        Assert.Equal("B", two.NeutralGrade);
        Assert.Null(new GradeFactors(new Dictionary<string, Ratio> { ["A"] = Ratio.FromPercent(120m), ["B"] = Ratio.FromPercent(99.99m) }).NeutralGrade);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("0.999999")]
    [InlineData("0.0000000000000000000000000001")]
    public void A_quota_between_0_and_1_is_refused_at_the_payee(string quota)
    {
        var error = Assert.Single(Assert.Throws<KamValidationException>(() =>
            Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1), Payee(S2).WithQuota(Yuan(decimal.Parse(quota, System.Globalization.CultureInfo.InvariantCulture)))], [], [])).Errors);
        Assert.Equal(("payees[1].annualQuota", KamErrorCodes.OutOfRange), (error.Path, error.Code));
        Assert.Contains("0 (none) or at least 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(new KamRecordLocatorView("payees", 1, "annualQuota"), KamRecordLocatorView.Of(error));

        Assert.Equal(13, Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1).WithQuota(Yuan(1m))], [], []).StatementsOf(S1).Count);
        Assert.Equal(13, Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1).WithQuota(Yuan(0m))], [], []).StatementsOf(S1).Count);
    }

    [Fact]
    public void The_team_attainment_is_the_years_bookings_over_the_payees_quotas()
    {
        var payees = new[] { Payee(S1).WithQuota(Yuan(1_200_000m)), Payee(S2).WithQuota(Yuan(800_000m)), Payee(PersonId.Parse("S3")).WithQuota(Yuan(0m)) };
        var deals = new[]
        {
            Deal("D1", new LocalDate(2026, 1, 10), 1_000_000m, (S1, 100m)),
            Deal("D2", new LocalDate(2026, 12, 31), 500_000m, (S2, 50m), (PersonId.Parse("S9"), 50m)),
            Deal("D0", new LocalDate(2025, 12, 31), 900_000m, (S1, 100m)),
            Deal("D3", new LocalDate(2027, 1, 1), 900_000m, (S2, 100m)),
        };

        // (1,000,000 + 500,000) ÷ (1,200,000 + 800,000): deals outside the year and the zero quota add nothing.
        Assert.Equal(0.75m, PayeeRules.TeamAttainmentOf(Year2026, payees, deals).Fraction);
        Assert.Equal(0m, PayeeRules.TeamAttainmentOf(Year2026, payees, []).Fraction);

        // The attainment pays the team bonus as the calculator's own figure would.
        var plan = new PayPlan("Manager", Cny, MidpointRounding.ToEven, new LocalDate(2026, 1, 1), null, [new TeamBonusComponent("Department bonus", Yuan(50_000m), Ratio.FromPercent(150m))]);
        var attainment = PayeeRules.TeamAttainmentOf(Year2026, payees, deals);
        var paid = Calculator.CalculateYear(plan, 2026, [payees[0].WithTeamAttainment(attainment)], [], []);
        Assert.Equal(Yuan(37_500m), paid.StatementsOf(S1)[12].Total);
    }

    [Fact]
    public void The_team_attainment_refuses_what_it_cannot_divide_with_paths()
    {
        var none = Assert.Single(Assert.Throws<KamValidationException>(() => PayeeRules.TeamAttainmentOf(Year2026, [Payee(S1).WithQuota(Yuan(0m))], [])).Errors);
        Assert.Equal(("payees", KamErrorCodes.Required), (none.Path, none.Code));
        Assert.Contains("no payee has a quota", none.Message, StringComparison.Ordinal);
        Assert.Equal("payees", Assert.Single(Assert.Throws<KamValidationException>(() => PayeeRules.TeamAttainmentOf(Year2026, [], [])).Errors).Path);

        var usdDeal = new Deal(OpportunityId.Parse("D2"), new LocalDate(2026, 3, 1), Money.Of(5m, "USD"), Money.Of(1m, "USD"), [new CreditSplit(S1, Pct(100m))]);
        var ex = Assert.Throws<KamValidationException>(() => PayeeRules.TeamAttainmentOf(
            Year2026,
            [Payee(S1), null!, Payee(S2).WithQuota(Yuan(0.5m)), Payee(S2).WithQuota(Money.Of(5m, "USD")), Payee(S2).WithQuota(Yuan(-3m))],
            [Deal("D1", new LocalDate(2026, 1, 1), 10m, (S1, 100m)), usdDeal, null!]));
        Assert.Equal(
            [("payees[1]", KamErrorCodes.Required), ("payees[2].annualQuota", KamErrorCodes.OutOfRange), ("payees[3].annualQuota", KamErrorCodes.CurrencyMismatch), ("payees[4].annualQuota", KamErrorCodes.OutOfRange), ("deals[1].amount", KamErrorCodes.CurrencyMismatch), ("deals[2]", KamErrorCodes.Required)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("0 (none) or at least 1", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("must not be negative", ex.Errors[3].Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property The_team_attainment_ignores_the_payees_order_and_payees_without_a_quota() =>
        Prop.ForAll((
            from quotas in Gen.Choose(1, 5_000_000).ListOf().Where(q => q.Count > 0)
            from amounts in Gen.Choose(0, 9_000_000).ListOf()
            select (quotas, amounts)).ToArbitrary(), t =>
        {
            var payees = t.quotas.Select((q, i) => Payee(PersonId.Parse($"P{i}")).WithQuota(Yuan(q))).ToArray();
            var deals = t.amounts.Select((a, i) => Deal($"D{i}", new LocalDate(2026, 1 + (i % 12), 1), a, (S1, 100m))).ToArray();
            var attainment = PayeeRules.TeamAttainmentOf(Year2026, payees, deals);
            var shuffled = payees.AsEnumerable().Reverse().Append(Payee(PersonId.Parse("Z")).WithQuota(Yuan(0m))).ToArray();
            return attainment.Fraction == PayeeRules.TeamAttainmentOf(Year2026, shuffled, deals).Fraction
                   && attainment.Fraction == t.amounts.Sum(a => (decimal)a) / t.quotas.Sum(q => (decimal)q);
        });

    [Fact]
    public void A_deal_in_another_currency_is_refused_by_a_plan_without_commission()
    {
        var plan = new PayPlan("Salary only", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null, [new FixedPayComponent(PayComponentKind.BaseSalary, "Base", Yuan(5_000m))]);
        var usdDeal = new Deal(OpportunityId.Parse("D2"), new LocalDate(2026, 3, 1), Money.Of(5m, "USD"), Money.Of(1m, "USD"), [new CreditSplit(S1, Pct(100m))]);
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(plan, 2026, [Payee(S1)], [Deal("D1", new LocalDate(2026, 1, 1), 10m, (S1, 100m)), usdDeal], [])).Errors);
        Assert.Equal(("deals[1].amount", KamErrorCodes.CurrencyMismatch), (error.Path, error.Code));
        Assert.Equal(13, Calculator.CalculateYear(plan, 2026, [Payee(S1)], [Deal("D1", new LocalDate(2026, 1, 1), 10m, (S1, 100m))], []).StatementsOf(S1).Count);
    }

    /// <summary>The parts of an error's record locator a host reads.</summary>
    private sealed record KamRecordLocatorView(string Collection, int Index, string Member)
    {
        public static KamRecordLocatorView? Of(KamValidationError error) =>
            error.Record is { } r ? new(r.Collection, r.Index, r.Member) : null;
    }
}
