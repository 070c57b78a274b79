using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;

namespace Kam.Core.Tests.Value;

public sealed class RetentionEconomicsTests
{
    private static readonly RetentionEconomics Economics = new();
    private static readonly Money Margin = Money.Of(100m, "CNY");

    private static Percentage P(decimal percent) => Percentage.FromPercent(percent);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 2)]
    [InlineData(80, 5)]
    [InlineData(90, 10)]
    [InlineData(95, 20)]
    public void Expected_lifetime_is_one_over_the_loss_rate(decimal retention, decimal lifetime) =>
        Assert.Equal(lifetime, Economics.ExpectedLifetime(P(retention)));

    [Fact]
    public void Full_retention_has_no_finite_lifetime()
    {
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => Economics.ExpectedLifetime(Percentage.Hundred)).Errors[0].Code);
        Assert.Throws<KamValidationException>(() => Economics.SimpleLifetimeValue(Margin, Percentage.Hundred, Percentage.Zero));
        Assert.Equal(Margin * 10m, Economics.SimpleLifetimeValue(Margin, Percentage.Hundred, P(10))); // m·1/(1+0.1−1)
    }

    [Fact]
    public void Simple_lifetime_value_is_m_r_over_one_plus_d_minus_r()
    {
        // 100 × 0.8 / (1 + 0.1 − 0.8) = 266.67
        Assert.Equal(266.67m, Economics.SimpleLifetimeValue(Margin, P(80), P(10)).Round(MidpointRounding.ToEven).Amount);
    }

    [Fact]
    public void Halving_the_loss_rate_doubles_the_lifetime_value()
    {
        var change = Economics.HalveLossRate(Margin, P(80), Percentage.Zero);

        Assert.Equal(P(90), change.After.Retention);
        Assert.Equal(P(10), change.After.LossRate);
        Assert.Equal(2m, change.LifetimeMultiplier);
        Assert.Equal(2m, change.UndiscountedValueMultiplier);
        Assert.Equal(Money.Of(500m, "CNY"), change.Before.UndiscountedLifetimeValue);
        Assert.Equal(Money.Of(1000m, "CNY"), change.After.UndiscountedLifetimeValue);
        Assert.Equal(2.25m, change.DiscountedValueMultiplier);   // 0.9/0.1 ÷ 0.8/0.2: the extra renewal counts too
    }

    [Fact]
    public void Five_points_more_retained_doubles_profit_from_a_90_percent_base()
    {
        var effect = Economics.ProfitEffect(new SteadyStateAssumptions { NewCustomersPerPeriod = 100m, MarginPerCustomer = Margin, Retention = P(90) });

        Assert.Equal(1000m, effect.Before.Customers);
        Assert.Equal(2000m, effect.After.Customers);
        Assert.Equal(P(95), effect.After.Retention);
        Assert.Equal(1m, effect.ProfitIncrease);   // +100%, the rule book's "up to 100%"
    }

    [Theory]
    [InlineData(80, 1 / 3.0)]
    [InlineData(85, 0.5)]
    [InlineData(90, 1.0)]
    public void The_profit_increase_grows_with_the_base_retention(decimal retention, double increase)
    {
        var effect = Economics.ProfitEffect(new SteadyStateAssumptions { NewCustomersPerPeriod = 10m, MarginPerCustomer = Margin, Retention = P(retention) });
        Assert.Equal(increase, (double)effect.ProfitIncrease!.Value, 12);
    }

    [Theory]
    [InlineData(0.45, 83.9)]   // distribution (rule book: value, The profit of keeping customers)
    [InlineData(0.84, 89.0)]   // auto insurance
    [InlineData(0.95, 89.7)]   // advertising agencies
    [InlineData(1.00, 90.0)]
    public void Industry_figures_imply_base_retention_rates(decimal increase, decimal basePercent)
    {
        var implied = Economics.ImpliedBaseRetention(increase);
        Assert.Equal(basePercent, Math.Round(implied.Percent, 1));
        var effect = Economics.ProfitEffect(new SteadyStateAssumptions { NewCustomersPerPeriod = 1m, MarginPerCustomer = Margin, Retention = implied });
        Assert.Equal((double)increase, (double)effect.ProfitIncrease!.Value, 9);
    }

    [Fact]
    public void Acquisition_costs_and_tenure_growth_change_the_profit_effect()
    {
        var withCost = Economics.ProfitEffect(new SteadyStateAssumptions
        {
            NewCustomersPerPeriod = 100m,
            MarginPerCustomer = Margin,
            Retention = P(80),
            AcquisitionCostPerCustomer = Money.Of(300m, "CNY"),
            TenureMarginGrowth = 0.05m,
        });

        // profit = A·m/(1 − r(1+g)) − A·c: before 100·100/0.16 − 30000 = 32500; after 100·100/0.1075 − 30000
        Assert.Equal(32500m, withCost.Before.ProfitPerPeriod.Amount);
        Assert.Equal(Math.Round((100m * 100m / 0.1075m) - 30000m, 10), Math.Round(withCost.After.ProfitPerPeriod.Amount, 10));
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => Economics.ProfitEffect(new SteadyStateAssumptions { NewCustomersPerPeriod = 1m, MarginPerCustomer = Margin, Retention = P(96) })).Errors[0].Code);
        Assert.Null(Economics.ProfitEffect(new SteadyStateAssumptions { NewCustomersPerPeriod = 1m, MarginPerCustomer = Margin, Retention = P(50), AcquisitionCostPerCustomer = Money.Of(1000m, "CNY") }).ProfitIncrease);
    }

    [Fact]
    public void Discounted_cash_flow_uses_per_period_margins_and_growth()
    {
        var margins = CashFlowAssumptions.GrowingMargins(Margin, 0.10m, 2);
        var ltv = Economics.DiscountedCashFlow(new CashFlowAssumptions(margins, P(50), Percentage.Zero));

        Assert.Equal([Margin, Money.Of(110m, "CNY")], margins);
        Assert.Equal(Money.Of(77.5m, "CNY"), ltv.Total);       // 100·0.5 + 110·0.25
        Assert.Equal(0.25m, ltv.Periods[1].Survival);
        Assert.Equal(Money.Of(50m, "CNY"), ltv.Periods[0].Cumulative);
    }

    [Fact]
    public void Discounted_cash_flow_tends_to_the_simple_form()
    {
        var dcf = Economics.DiscountedCashFlow(new CashFlowAssumptions(CashFlowAssumptions.GrowingMargins(Margin, 0m, 300), P(80), P(10)));
        var simple = Economics.SimpleLifetimeValue(Margin, P(80), P(10));
        Assert.InRange(Math.Abs(simple.Amount - dcf.Total.Amount), 0m, 0.000001m);
    }

    [Fact]
    public void Bad_cash_flows_are_refused()
    {
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => Economics.DiscountedCashFlow(new CashFlowAssumptions([], P(80), P(10)))).Errors[0].Code);
        Assert.Equal("assumptions.margins[1]", Assert.Throws<KamValidationException>(() => Economics.DiscountedCashFlow(new CashFlowAssumptions([Margin, Money.Of(1m, "USD")], P(80), P(10)))).Errors[0].Path);
        var ex = Assert.Throws<KamValidationException>(() => CashFlowAssumptions.GrowingMargins(Margin, -1m, 0));
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void Winning_a_customer_costs_six_times_keeping_one()
    {
        var comparison = Economics.CompareAcquisitionAndRetention(Margin, 1000m, P(90));

        Assert.Equal(Money.Of(600m, "CNY"), comparison.AcquisitionCostPerCustomer);
        Assert.Equal(100m, comparison.CustomersLostPerPeriod);
        Assert.Equal(Money.Of(60000m, "CNY"), comparison.ReplacementCostPerPeriod);
        Assert.Equal(Money.Of(100000m, "CNY"), comparison.RetentionCostPerPeriod);
        Assert.Equal(1m / 6m, comparison.BreakEvenRetentionGain);
    }

    [Fact]
    public void Replacing_a_relationship_costs_acquisition_and_ramp_up()
    {
        var replacement = Economics.ReplacementCost(new RelationshipReplacementAssumptions
        {
            MarginPerPeriod = Margin,
            Retention = P(80),
            DiscountRate = Percentage.Zero,
            AcquisitionCosts = [new(AcquisitionCostKind.Presentations, Money.Of(500m, "CNY")), new(AcquisitionCostKind.Training, Money.Of(200m, "CNY"))],
            RampUpPeriods = 3,
        });

        Assert.Equal(Money.Of(400m, "CNY"), replacement.AssetValue);
        Assert.Equal(Money.Of(500m, "CNY"), replacement.VisibleAcquisitionCost);
        Assert.Equal(Money.Of(200m, "CNY"), replacement.HiddenAcquisitionCost);
        Assert.Equal(150m, Math.Round(replacement.RampUpShortfall.Amount, 20));   // 100·(3/4 + 2/4 + 1/4)
        Assert.Equal(850m, Math.Round(replacement.ReplacementCost.Amount, 20));
    }

    [Fact]
    public void Policy_reads_and_writes_json_with_paths_on_errors()
    {
        var policy = RetentionPolicy.FromJson("""{ "acquisitionToRetentionCostRatio": 5, "retentionImprovement": "2%" }""");
        Assert.Equal(5m, policy.AcquisitionToRetentionCostRatio);
        Assert.Equal(P(2), policy.RetentionImprovement);
        Assert.Equal(6m, RetentionPolicy.FromJson(RetentionPolicy.Default.ToJson()).AcquisitionToRetentionCostRatio);
        var ex = Assert.Throws<KamValidationException>(() => RetentionPolicy.FromJson("""{ "acquisitionToRetentionCostRatio": 0, "retentionImprovement": "0%" }"""));
        Assert.Equal(["$.acquisitionToRetentionCostRatio", "$.retentionImprovement"], ex.Errors.Select(e => e.Path));
    }

    private static Arbitrary<(Percentage Low, Percentage High, Percentage Discount)> RatePairs() =>
        (from a in Gen.Choose(0, 989)
         from b in Gen.Choose(0, 989)
         from d in Gen.Choose(0, 500)
         select (P(Math.Min(a, b) / 10m), P((Math.Max(a, b) / 10m) + 1m), P(d / 10m))).ToArbitrary();

    [Property]
    public Property Lifetime_value_increases_with_retention() =>
        Prop.ForAll(RatePairs(), t =>
            Economics.SimpleLifetimeValue(Margin, t.High, t.Discount) > Economics.SimpleLifetimeValue(Margin, t.Low, t.Discount)
            && Economics.ExpectedLifetime(t.High) > Economics.ExpectedLifetime(t.Low));

    [Property]
    public Property Lifetime_value_decreases_with_the_discount_rate() =>
        Prop.ForAll(RatePairs(), t =>
            t.Low.Fraction == 0m
            || Economics.SimpleLifetimeValue(Margin, t.Low, t.High) < Economics.SimpleLifetimeValue(Margin, t.Low, t.Discount) == (t.High > t.Discount));

    [Property]
    public Property Halving_the_loss_rate_always_doubles_the_expected_lifetime() =>
        Prop.ForAll(Gen.Choose(0, 9999).ToArbitrary(), basisPoints =>
            Economics.HalveLossRate(Margin, P(basisPoints / 100m), P(10)).LifetimeMultiplier == 2m);
}
