using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Value.Economics;
using NodaTime;

namespace Kam.Core.Tests.Value;

public sealed class AccountProfitabilityTests
{
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 2, 1), PeriodKind.Quarter);
    private static readonly FiscalPeriod Q2 = Q1.Next;

    internal static readonly AccountEconomicsPolicy Policy = new(
    [
        new(Cny(1_000_000m), Percentage.FromPercent(3m)),
        new(Cny(5_000_000m), Percentage.FromPercent(8m)),
        new(Cny(10_000_000m), Percentage.FromPercent(12m)),
    ]);

    private static Money Cny(decimal amount) => Money.Of(amount, "CNY");

    private static AccountPeriodFigures Figures(string account, FiscalPeriod period, decimal revenue, decimal discounts, decimal cogs, decimal costToServe, params AcquisitionCost[] acquisition) => new()
    {
        Account = AccountId.Parse(account),
        Period = period,
        Revenue = Cny(revenue),
        Discounts = Cny(discounts),
        CostOfGoods = Cny(cogs),
        CostToServe = Cny(costToServe),
        AcquisitionCosts = acquisition,
    };

    // A copy of the figures with some amounts replaced (the figures are a class with init-only properties, not a record).
    private static AccountPeriodFigures With(AccountPeriodFigures f, AccountId? account = null, Money? revenue = null, Money? discounts = null, Money? costOfGoods = null, Money? costToServe = null) => new()
    {
        Account = account ?? f.Account,
        Period = f.Period,
        Revenue = revenue ?? f.Revenue,
        Discounts = discounts ?? f.Discounts,
        CostOfGoods = costOfGoods ?? f.CostOfGoods,
        CostToServe = costToServe ?? f.CostToServe,
        AcquisitionCosts = f.AcquisitionCosts,
    };

    internal static AccountPeriodFigures[] Portfolio() =>
    [
        Figures("A-STEEL", Q1, 12_000_000m, 600_000m, 8_400_000m, 1_500_000m),
        Figures("B-AUTO", Q1, 6_000_000m, 120_000m, 4_200_000m, 400_000m),
        Figures("C-FOOD", Q1, 3_000_000m, 0m, 2_100_000m, 150_000m),
        Figures(
            "D-NEW",
            Q1,
            1_500_000m,
            0m,
            1_050_000m,
            120_000m,
            new(AcquisitionCostKind.TrialDiscount, Cny(80_000m)),
            new(AcquisitionCostKind.Presentations, Cny(50_000m)),
            new(AcquisitionCostKind.Travel, Cny(30_000m)),
            new(AcquisitionCostKind.Entertainment, Cny(40_000m)),
            new(AcquisitionCostKind.Training, Cny(60_000m)),
            new(AcquisitionCostKind.NewSystems, Cny(40_000m))),
    ];

    [Fact]
    public void The_largest_account_is_not_the_most_profitable()
    {
        var report = new AccountProfitabilityCalculator(Policy).Calculate(Portfolio());

        Assert.Equal(["A-STEEL", "B-AUTO", "C-FOOD", "D-NEW"], report.ByRevenue.Select(a => a.Account.Value));
        Assert.Equal(["B-AUTO", "C-FOOD", "A-STEEL", "D-NEW"], report.ByContribution.Select(a => a.Account.Value));
        Assert.False(report.LargestIsMostProfitable);
        Assert.Equal("A-STEEL", report.LargestAccount.Account.Value);
        Assert.Equal("B-AUTO", report.MostProfitableAccount.Account.Value);
        Assert.Equal(2, report.LargestAccount.RankDrop);

        var steel = report.LargestAccount.Totals;
        Assert.Equal(Cny(1_440_000m), steel.VolumeDiscount);              // 12% of 12,000,000: the top tier
        Assert.Equal(Cny(9_960_000m), steel.NetRevenue);
        Assert.Equal(Cny(60_000m), steel.Contribution);
        Assert.Equal(0.005m, steel.ContributionMargin);
        Assert.Equal(Cny(800_000m), report.MostProfitableAccount.Totals.Contribution);

        var newcomer = Assert.Single(report.LossMakingAccounts);
        Assert.Equal(Cny(200_000m), newcomer.Totals.VisibleAcquisitionCost);
        Assert.Equal(Cny(100_000m), newcomer.Totals.HiddenAcquisitionCost);
        Assert.Equal(Cny(-15_000m), newcomer.Totals.Contribution);
        Assert.Equal(Cny(1_505_000m), report.Totals.Contribution);
    }

    [Fact]
    public void Contribution_is_given_per_period_and_summed_per_account()
    {
        var figures = new[]
        {
            Figures("B-AUTO", Q2, 2_000_000m, 0m, 1_400_000m, 100_000m),
            Figures("B-AUTO", Q1, 6_000_000m, 120_000m, 4_200_000m, 400_000m),
        };

        var account = Assert.Single(new AccountProfitabilityCalculator(Policy).Calculate(figures).ByRevenue);

        Assert.Equal([Q1, Q2], account.Periods.Select(p => p.Period));
        Assert.Equal(Cny(440_000m), account.Periods[1].Lines.Contribution);   // 2,000,000 − 3% − 1,400,000 − 100,000
        Assert.Equal(Cny(1_240_000m), account.Totals.Contribution);
    }

    [Fact]
    public void Bad_figures_are_all_reported()
    {
        var figures = Portfolio();
        figures[1] = With(figures[1], costToServe: Money.Of(1m, "USD"));
        figures[2] = With(figures[2], costOfGoods: Cny(-1m), discounts: Cny(4_000_000m));
        figures[3] = With(figures[3], account: AccountId.Parse("A-STEEL"));

        var ex = Assert.Throws<KamValidationException>(() => new AccountProfitabilityCalculator(Policy).Calculate(figures));

        Assert.Contains(ex.Errors, e => e.Path == "figures[1].costToServe" && e.Code == KamErrorCodes.CurrencyMismatch);
        Assert.Contains(ex.Errors, e => e.Path == "figures[2].costOfGoods" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "figures[2].discounts" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "figures[3].period" && e.Code == KamErrorCodes.Duplicate);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => new AccountProfitabilityCalculator().Calculate([])).Errors[0].Code);
        Assert.Equal(
            KamErrorCodes.CurrencyMismatch,
            Assert.Throws<KamValidationException>(() => new AccountProfitabilityCalculator(Policy).Calculate([With(Portfolio()[0], revenue: Money.Of(1m, "USD"), discounts: Money.Of(0m, "USD"), costOfGoods: Money.Of(0m, "USD"), costToServe: Money.Of(0m, "USD"))])).Errors[0].Code);
    }

    [Fact]
    public void Policy_reads_and_writes_json_and_reports_paths()
    {
        var policy = AccountEconomicsPolicy.FromJson("""{ "volumeDiscounts": [ { "minimumRevenue": "1000000 CNY", "rate": "3%" }, { "minimumRevenue": "5000000 CNY", "rate": "8%" } ] }""");
        Assert.Equal(Percentage.FromPercent(8m), policy.VolumeDiscountRate(Cny(7_000_000m)));
        Assert.Equal(Percentage.Zero, policy.VolumeDiscountRate(Cny(999_999m)));
        var back = AccountEconomicsPolicy.FromJson(Policy.ToJson());
        Assert.Equal(Policy.VolumeDiscounts.Select(t => (t.MinimumRevenue, t.Rate)), back.VolumeDiscounts.Select(t => (t.MinimumRevenue, t.Rate)));
        Assert.Equal(Policy.ToJson(), back.ToJson());

        var ex = Assert.Throws<KamValidationException>(() => AccountEconomicsPolicy.FromJson("""{ "volumeDiscounts": [ { "minimumRevenue": "5 CNY", "rate": "3%" }, { "minimumRevenue": "1 CNY", "rate": "8%" }, { "minimumRevenue": "9 USD", "rate": "9%" } ] }"""));
        Assert.Equal(["$.volumeDiscounts[1].minimumRevenue", "$.volumeDiscounts[2].minimumRevenue"], ex.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.JsonMissingMember, Assert.Throws<KamValidationException>(() => AccountEconomicsPolicy.FromJson("{}")).Errors[0].Code);
    }

    [Property]
    public Property Contribution_identity_holds_and_ranks_are_permutations()
    {
        var row = from revenue in Gen.Choose(0, 20_000)
                  from cogs in Gen.Choose(0, 20_000)
                  from serve in Gen.Choose(0, 5_000)
                  from acq in Gen.Choose(0, 5_000)
                  select (revenue * 1000m, cogs * 1000m, serve * 1000m, acq * 1000m);
        return Prop.ForAll(row.NonEmptyListOf().ToArbitrary(), rows =>
        {
            var figures = rows.Select((r, i) => Figures($"ACC{i}", Q1, r.Item1, 0m, r.Item2, r.Item3, new AcquisitionCost(AcquisitionCostKind.Distraction, Cny(r.Item4)))).ToArray();
            var report = new AccountProfitabilityCalculator(Policy).Calculate(figures);
            return report.ByRevenue.Select(a => a.RevenueRank).SequenceEqual(Enumerable.Range(1, figures.Length))
                && report.ByContribution.Select(a => a.ContributionRank).SequenceEqual(Enumerable.Range(1, figures.Length))
                && report.ByRevenue.All(a => a.Totals.Contribution == a.Totals.Revenue - a.Totals.VolumeDiscount - a.Totals.CostOfGoods - a.Totals.CostToServe - a.Totals.HiddenAcquisitionCost)
                && report.Totals.Contribution == report.ByRevenue.Select(a => a.Totals.Contribution).Sum(Currency.CNY);
        });
    }
}
