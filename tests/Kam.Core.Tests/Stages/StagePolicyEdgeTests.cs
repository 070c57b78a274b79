using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// Stage numbering, funnel boundaries, win-probability tables and the stage policies at their edges, with the typed
/// errors of bad values.
/// </summary>
public sealed class StagePolicyEdgeTests
{
    private static Percentage Pct(decimal percent) => Percentage.FromPercent(percent);

    [Fact]
    public void Stages_are_numbered_1_to_8_and_nothing_else_is_a_stage()
    {
        Assert.Equal(SalesStage.AccountPlanning, StageExtensions.SalesStageOf(1));
        Assert.Equal(SalesStage.ContractSigned, StageExtensions.SalesStageOf(8));
        Assert.Equal(ProcurementStage.DiscoverNeed, StageExtensions.ProcurementStageOf(1));
        Assert.Equal(ProcurementStage.Sign, StageExtensions.ProcurementStageOf(8));
        foreach (var number in new[] { 0, 9 })
        {
            var error = Assert.Single(Assert.Throws<KamValidationException>(() => StageExtensions.SalesStageOf(number)).Errors);
            Assert.Equal(("SalesStage", KamErrorCodes.OutOfRange, number.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.Path, error.Code, error.AttemptedValue));
            Assert.Contains("1 to 8", error.Message, StringComparison.Ordinal);
            Assert.Equal("ProcurementStage", Assert.Single(Assert.Throws<KamValidationException>(() => StageExtensions.ProcurementStageOf(number)).Errors).Path);
            Assert.False(((SalesStage)number).IsDefined());
            Assert.False(((ProcurementStage)number).IsDefined());
        }

        Assert.True(SalesStage.AccountPlanning.IsDefined() && SalesStage.ContractSigned.IsDefined());
        Assert.True(ProcurementStage.DiscoverNeed.IsDefined() && ProcurementStage.Sign.IsDefined());
        Assert.Equal(8, StageExtensions.AllSalesStages.Count);
        Assert.Equal(ProcurementStage.Sign, SalesStage.ContractSigned.ToProcurementStage());
        Assert.Equal(SalesStage.AccountPlanning, ProcurementStage.DiscoverNeed.ToSalesStage());
    }

    [Fact]
    public void Names_follow_the_stage_numbers()
    {
        Assert.Equal("客户规划与电话邀约", SalesStage.AccountPlanning.ChineseName());
        Assert.Equal("Contract signed", SalesStage.ContractSigned.EnglishName());
        Assert.Equal("发现问题，提出需求", ProcurementStage.DiscoverNeed.ChineseName());
        Assert.Equal("Sign", ProcurementStage.Sign.EnglishName());
        Assert.Equal(["客户搜索", "进入漏斗", "最佳状态"], new[] { FunnelState.Search, FunnelState.InFunnel, FunnelState.Best }.Select(s => s.ChineseName()));
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => ((FunnelState)42).ChineseName()).Errors);
        Assert.Equal(("FunnelState", "42"), (error.Path, error.AttemptedValue));
    }

    [Fact]
    public void The_funnel_changes_state_after_stages_2_and_5()
    {
        Assert.Equal(
            [FunnelState.Search, FunnelState.Search, FunnelState.InFunnel, FunnelState.InFunnel, FunnelState.InFunnel, FunnelState.Best, FunnelState.Best, FunnelState.Best],
            StageExtensions.AllSalesStages.Select(s => s.Funnel()));
        Assert.Equal(FunnelState.InFunnel, StageExtensions.ProcurementStageOf(3).Funnel());
        Assert.Equal(FunnelState.Best, StageExtensions.ProcurementStageOf(6).Funnel());
    }

    [Fact]
    public void A_win_probability_table_has_eight_strictly_rising_values()
    {
        var rising = Enumerable.Range(1, 8).Select(i => Pct(i * 10m)).ToArray();
        var table = new WinProbabilityTable(rising);
        Assert.Equal(Pct(10m), table[SalesStage.AccountPlanning]);
        Assert.Equal(Pct(80m), table.Of(SalesStage.ContractSigned));
        Assert.Equal(Percentage.Zero, table.Of(null));
        Assert.Equal("10% 20% 30% 40% 50% 60% 70% 80%", table.ToString());
        Assert.Equal(table, new WinProbabilityTable(rising.ToList()));
        Assert.Equal(table.GetHashCode(), new WinProbabilityTable(rising.ToList()).GetHashCode());
        Assert.NotEqual(table, WinProbabilityTable.Default);
        Assert.False(table.Equals(null));
        Assert.False(table.Equals((object)"table"));

        var seven = Assert.Single(Assert.Throws<KamValidationException>(() => new WinProbabilityTable(rising.Take(7).ToArray())).Errors);
        Assert.Equal(("probabilities", KamErrorCodes.OutOfRange, "7"), (seven.Path, seven.Code, seven.AttemptedValue));
        Assert.Contains("exactly eight", seven.Message, StringComparison.Ordinal);

        var flat = rising.ToArray();
        flat[3] = flat[2];
        flat[6] = Pct(5m);
        var ex = Assert.Throws<KamValidationException>(() => new WinProbabilityTable(flat));
        Assert.Equal([("probabilities[3]", KamErrorCodes.OutOfOrder), ("probabilities[6]", KamErrorCodes.OutOfOrder)], ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("stage 4 must be higher than that of stage 3 (30%)", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anomaly_policy_limits_are_inclusive()
    {
        Assert.Equal(1, new AnomalyPolicy(maxDaysInStage: 1, highValue: 0m, nearCloseDays: 0, minOwnerPipeline: 1).MaxDaysInStage);
        Assert.Equal(36_500, new AnomalyPolicy(maxDaysInStage: 36_500, nearCloseDays: 36_500).NearCloseDays);
        var errors = Assert.Throws<KamValidationException>(() => new AnomalyPolicy(maxDaysInStage: 0, highValue: -1m, nearCloseDays: -1, minOwnerPipeline: 0)).Errors;
        Assert.Equal(["maxDaysInStage", "highValue", "nearCloseDays", "minOwnerPipeline"], errors.Select(e => e.Path));
        Assert.Equal("maxDaysInStage", Assert.Single(Assert.Throws<KamValidationException>(() => new AnomalyPolicy(maxDaysInStage: 36_501)).Errors).Path);
        Assert.Equal("nearCloseDays", Assert.Single(Assert.Throws<KamValidationException>(() => new AnomalyPolicy(nearCloseDays: 36_501)).Errors).Path);
    }

    [Fact]
    public void A_forecast_period_is_a_month_quarter_half_or_year()
    {
        foreach (var period in new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Half, PeriodKind.Year })
        {
            Assert.Equal(period, new ForecastPolicy(period).Period);
        }

        var error = Assert.Single(Assert.Throws<KamValidationException>(() => new ForecastPolicy((PeriodKind)2)).Errors);
        Assert.Equal(("period", KamErrorCodes.OutOfRange, "2"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("period kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_options_take_the_default_of_each_part_not_given()
    {
        var defaults = new StagesOptions();
        Assert.Same(Playbook.Default, defaults.Playbook);
        Assert.Same(DateTimeZone.Utc, defaults.TimeZone);
        Assert.Same(ProgressPolicy.Default, defaults.Progress);
        Assert.Same(AnomalyPolicy.Default, defaults.Anomalies);
        Assert.Same(ForecastPolicy.Default, defaults.Forecast);

        var anomalies = new AnomalyPolicy(maxDaysInStage: 5);
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var given = new StagesOptions(anomalies: anomalies, timeZone: zone);
        Assert.Same(anomalies, given.Anomalies);
        Assert.Same(zone, given.TimeZone);
        Assert.Same(ForecastPolicy.Default, given.Forecast);
    }
}
