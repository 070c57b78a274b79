using Kam.Core.Stages;
using NodaTime;

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
        var table = WinProbabilityTable.Create(rising);
        Assert.Equal(Pct(10m), table[SalesStage.AccountPlanning]);
        Assert.Equal(Pct(80m), table.Of(SalesStage.ContractSigned));
        Assert.Equal(Percentage.Zero, table.Of(null));
        Assert.Equal("10% 20% 30% 40% 50% 60% 70% 80%", table.ToString());
        Assert.Equal(table, WinProbabilityTable.Create(rising.ToList()));
        Assert.Equal(table.GetHashCode(), WinProbabilityTable.Create(rising.ToList()).GetHashCode());
        Assert.NotEqual(table, WinProbabilityTable.Default);
        Assert.False(table.Equals(null));
        Assert.False(table.Equals((object)"table"));

        var seven = Assert.Single(Assert.Throws<KamValidationException>(() => WinProbabilityTable.Create(rising.Take(7).ToArray())).Errors);
        Assert.Equal(("probabilities", KamErrorCodes.OutOfRange, "7"), (seven.Path, seven.Code, seven.AttemptedValue));
        Assert.Contains("exactly eight", seven.Message, StringComparison.Ordinal);

        var flat = rising.ToArray();
        flat[3] = flat[2];
        flat[6] = Pct(5m);
        var ex = Assert.Throws<KamValidationException>(() => WinProbabilityTable.Create(flat));
        Assert.Equal([("probabilities[3]", KamErrorCodes.OutOfOrder), ("probabilities[6]", KamErrorCodes.OutOfOrder)], ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("stage 4 must be higher than that of stage 3 (30%)", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anomaly_policy_limits_are_inclusive()
    {
        Assert.Empty(new AnomalyPolicy { MaxDaysInStage = 1, HighValue = 0m, NearCloseDays = 0, MinOwnerPipeline = 1 }.Validate("$"));
        Assert.Empty(new AnomalyPolicy { MaxDaysInStage = 36_500, NearCloseDays = 36_500 }.Validate("$"));
        var errors = new AnomalyPolicy { MaxDaysInStage = 0, HighValue = -1m, NearCloseDays = -1, MinOwnerPipeline = 0 }.Validate("$.anomalies");
        Assert.Equal(["$.anomalies.MaxDaysInStage", "$.anomalies.HighValue", "$.anomalies.NearCloseDays", "$.anomalies.MinOwnerPipeline"], errors.Select(e => e.Path));
        Assert.Equal("$.anomalies.MaxDaysInStage", Assert.Single(new AnomalyPolicy { MaxDaysInStage = 36_501 }.Validate("$.anomalies")).Path);
        Assert.Equal("$.anomalies.NearCloseDays", Assert.Single(new AnomalyPolicy { NearCloseDays = 36_501 }.Validate("$.anomalies")).Path);
    }

    [Fact]
    public void A_forecast_period_is_a_month_quarter_half_or_year()
    {
        foreach (var period in new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Half, PeriodKind.Year })
        {
            Assert.Empty(new ForecastPolicy { Period = period }.Validate("$"));
        }

        var error = Assert.Single(new ForecastPolicy { Period = (PeriodKind)2 }.Validate("$.forecast"));
        Assert.Equal(("$.forecast.Period", KamErrorCodes.OutOfRange, "2"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("period kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_options_report_each_missing_or_bad_part_at_its_path()
    {
        Assert.Empty(new StagesOptions().Validate("Stages"));
        var missing = new StagesOptions { Playbook = null!, TimeZone = null!, Progress = null!, Anomalies = null!, Forecast = null! }.Validate("Stages");
        Assert.Equal(["Stages.Playbook", "Stages.TimeZone", "Stages.Progress", "Stages.Anomalies", "Stages.Forecast"], missing.Select(e => e.Path));
        Assert.All(missing, e => Assert.Equal(KamErrorCodes.Required, e.Code));

        var bad = new StagesOptions { Anomalies = new AnomalyPolicy { MaxDaysInStage = 0 }, Forecast = new ForecastPolicy { Period = (PeriodKind)5 }, TimeZone = DateTimeZone.Utc }.Validate("Stages");
        Assert.Equal(["Stages.Anomalies.MaxDaysInStage", "Stages.Forecast.Period"], bad.Select(e => e.Path));
    }
}
