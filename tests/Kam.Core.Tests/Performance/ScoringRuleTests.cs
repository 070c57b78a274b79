using Kam.Core.Performance;

namespace Kam.Core.Tests.Performance;

public sealed class ScoringRuleTests
{
    [Theory]
    [InlineData(90, 0.9)]
    [InlineData(150, 1.2)]
    [InlineData(0, 0)]
    public void Ratio_to_target_is_floored_and_capped(int actual, double score) =>
        Assert.Equal((decimal)score, new RatioToTargetRule(100m, Ratio.Zero, Ratio.FromPercent(120m)).Score(IndicatorActual.Of(actual), "x").Score.Fraction);

    [Fact]
    public void Lower_is_better_inverts_the_ratio()
    {
        var rule = new RatioToTargetRule(2m, Ratio.Zero, Ratio.FromPercent(150m), lowerIsBetter: true);
        Assert.Equal(0.5m, rule.Score(IndicatorActual.Of(4m), "x").Score.Fraction);
        Assert.Equal(1.5m, rule.Score(IndicatorActual.Of(0m), "x").Score.Fraction);
    }

    [Fact]
    public void Linear_runs_between_thresholds_either_way()
    {
        Assert.Equal(0.5m, new LinearRule(4m, 12m, Ratio.One).Score(IndicatorActual.Of(8m), "x").Score.Fraction);
        Assert.Equal(0m, new LinearRule(4m, 12m, Ratio.One).Score(IndicatorActual.Of(1m), "x").Score.Fraction);
        Assert.Equal(0.75m, new LinearRule(10m, 2m, Ratio.One).Score(IndicatorActual.Of(4m), "x").Score.Fraction);
    }

    [Fact]
    public void Banded_takes_the_band_reached()
    {
        var rule = new BandedRule([new ScoreBand(1m, Ratio.FromPercent(40m)), new ScoreBand(3m, Ratio.FromPercent(80m))]);
        Assert.Equal(Ratio.Zero, rule.Score(IndicatorActual.Of(0.5m), "x").Score);
        Assert.Equal(Ratio.FromPercent(40m), rule.Score(IndicatorActual.Of(2.9m), "x").Score);
        Assert.Equal(Ratio.FromPercent(80m), rule.Score(IndicatorActual.Of(3m), "x").Score);
        Assert.Equal(KamErrorCodes.OutOfOrder, Assert.Throws<KamValidationException>(() => new BandedRule([new ScoreBand(3m, Ratio.One), new ScoreBand(1m, Ratio.One)])).Errors[0].Code);
    }

    [Fact]
    public void Bad_rules_are_refused()
    {
        Assert.Throws<KamValidationException>(() => new RatioToTargetRule(0m, Ratio.Zero, Ratio.One));
        Assert.Throws<KamValidationException>(() => new RatioToTargetRule(1m, Ratio.One, Ratio.Zero));
        Assert.Throws<KamValidationException>(() => new LinearRule(1m, 1m, Ratio.One));
        Assert.Equal(KamErrorCodes.Required, Assert.Throws<KamValidationException>(() => new LinearRule(0m, 1m, Ratio.One).Score(AttendanceStandard.Observe(0, 0, 0, 0), "actuals.x")).Errors[0].Code);
    }
}
