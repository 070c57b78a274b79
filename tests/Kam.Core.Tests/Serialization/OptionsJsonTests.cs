using Kam.Core.Compensation;
using Kam.Core.Performance;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Progress;
using Kam.Core.Value;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Retention;
using NodaTime;

namespace Kam.Core.Tests.Serialization;

/// <summary>The capability options (<see cref="StagesOptions"/>, <see cref="ValueOptions"/>, <see cref="PayOptions"/>) read and write JSON like every rule set: sections optional, errors at section paths.</summary>
public sealed class OptionsJsonTests
{
    [Fact]
    public void Stages_options_round_trip_and_default_missing_sections()
    {
        var options = new StagesOptions(progress: new ProgressPolicy(behindTolerance: 2), anomalies: new AnomalyPolicy(maxDaysInStage: 45), timeZone: DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var back = StagesOptions.FromJson(options.ToJson());
        Assert.Equal(options.ToJson(), back.ToJson());
        Assert.Equal(45, back.Anomalies.MaxDaysInStage);
        Assert.Equal(2, back.Progress.BehindTolerance);
        Assert.Equal("Asia/Shanghai", back.TimeZone.Id);
        Assert.Equal(Playbook.Default.ToJson(), back.Playbook.ToJson());
        Assert.Equal(StagesOptions.Default.ToJson(), StagesOptions.FromJson("{}").ToJson());
        Assert.Equal(30, StagesOptions.FromJson("""{ "anomalies": { "maxDaysInStage": 30 } }""").Anomalies.MaxDaysInStage);
    }

    [Fact]
    public void Stages_options_errors_name_the_section_path_and_value()
    {
        var errors = Assert.Throws<KamValidationException>(() => StagesOptions.FromJson("""
            { "anomalies": { "maxDaysInStage": 0 }, "timeZone": "Mars/Olympus", "playbook": { "stages": [] } }
            """)).Errors;
        Assert.Contains(errors, e => e.Path == "$.anomalies.maxDaysInStage" && e.AttemptedValue == "0");
        Assert.StartsWith("$.forecast.", Assert.Throws<KamValidationException>(() => StagesOptions.FromJson("""{ "forecast": { "commitFrom": "150%" } }""")).Errors.Single().Path, StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Path == "$.timeZone" && e.AttemptedValue == "Mars/Olympus" && e.Code == KamErrorCodes.Unknown);
        Assert.Contains(errors, e => e.Path == "$.playbook.stages");
        Assert.Equal("$.progress.slack", Assert.Throws<KamValidationException>(() => StagesOptions.FromJson("""{ "progress": { "slack": 1 } }""")).Errors.Single().Path);
    }

    [Fact]
    public void Value_options_round_trip_with_fitting_settings()
    {
        var options = new ValueOptions(retention: new RetentionPolicy(5m, Percentage.FromPercent(3m)), fitting: new FitSettings(maxIterations: 200, gradientTolerance: 1e-8, maxDegreeOfParallelism: 1));
        var back = ValueOptions.FromJson(options.ToJson());
        Assert.Equal(options.ToJson(), back.ToJson());
        Assert.Equal(200, back.Fitting.MaxIterations);
        Assert.Equal(1e-8, back.Fitting.GradientTolerance);
        Assert.Equal(5m, back.Retention.AcquisitionToRetentionCostRatio);
        Assert.Equal(ValueOptions.Default.ToJson(), ValueOptions.FromJson("{}").ToJson());
        var errors = Assert.Throws<KamValidationException>(() => ValueOptions.FromJson("""{ "fitting": { "maxIterations": 0 }, "retention": { "acquisitionToRetentionCostRatio": -1, "retentionImprovement": "5%" } }""")).Errors;
        Assert.Contains(errors, e => e.Path == "$.fitting.maxIterations" && e.AttemptedValue == "0");
        Assert.Contains(errors, e => e.Path == "$.retention.acquisitionToRetentionCostRatio");
    }

    [Fact]
    public void Pay_options_round_trip_with_scorecard_roll_up_and_plan()
    {
        var plan = PayPlanTemplates.FullCommission(Currency.CNY, Percentage.FromPercent(5m), new LocalDate(2026, 1, 1));
        var options = new PayOptions(rollUp: RollUpRule.Latest, plan: plan);
        var back = PayOptions.FromJson(options.ToJson());
        Assert.Equal(options.ToJson(), back.ToJson());
        Assert.Equal(RollUpRule.Latest, back.RollUp);
        Assert.Equal(plan.ToJson(), back.Plan!.ToJson());
        Assert.Equal(options.Scorecard.ToJson(), back.Scorecard.ToJson());
        Assert.Null(PayOptions.FromJson("{}").Plan);
        Assert.Equal(PayOptions.Default.ToJson(), PayOptions.FromJson("{}").ToJson());
        var error = Assert.Throws<KamValidationException>(() => PayOptions.FromJson("""{ "plan": { "name": " ", "currency": "CNY", "effectiveFrom": "2026-01-01", "components": [] } }""")).Errors;
        Assert.All(error, e => Assert.StartsWith("$.plan", e.Path, StringComparison.Ordinal));
    }
}
