using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

public sealed class ProgressComparisonTests
{
    [Theory]
    [InlineData(3, false, null, ProgressAlignment.NotObserved, 0)]
    [InlineData(3, false, ProcurementStage.ApproveProject, ProgressAlignment.InStep, 0)]
    [InlineData(2, true, ProcurementStage.SetCriteria, ProgressAlignment.Behind, 2)]
    [InlineData(4, false, ProcurementStage.StudyFeasibility, ProgressAlignment.Ahead, -2)]
    [InlineData(4, true, ProcurementStage.ChoosePreferredSupplier, ProgressAlignment.AbandonCandidate, 2)]
    [InlineData(6, false, ProcurementStage.ChoosePreferredSupplier, ProgressAlignment.InStep, 0)]
    [InlineData(6, false, ProcurementStage.CommercialNegotiation, ProgressAlignment.AbandonCandidate, 1)]
    [InlineData(5, true, ProcurementStage.ChoosePreferredSupplier, ProgressAlignment.Behind, 1)]
    public void Sales_stage_is_compared_with_the_procurement_stage(int stage, bool completed, ProcurementStage? procurement, ProgressAlignment expected, int gap)
    {
        var s = new StageScenario("P").InStage(stage);
        if (completed)
        {
            s.Complete((SalesStage)stage);
        }

        if (procurement is { } p)
        {
            s.Procurement(p);
        }

        var comparison = ProgressPolicy.Default.Compare(s.State);
        Assert.Equal(expected, comparison.Alignment);
        Assert.Equal(gap, comparison.Gap);
    }

    [Fact]
    public void Tolerances_and_the_abandon_threshold_are_policy()
    {
        var state = new StageScenario("P").InStage(3).Procurement(ProcurementStage.TenderAndScreen).State;
        Assert.Equal(ProgressAlignment.Behind, ProgressPolicy.Default.Compare(state).Alignment);
        Assert.Equal(ProgressAlignment.InStep, new ProgressPolicy(behindTolerance: 2).Compare(state).Alignment);
        Assert.Equal(ProgressAlignment.AbandonCandidate, new ProgressPolicy(abandonFrom: ProcurementStage.TenderAndScreen).Compare(state).Alignment);
        Assert.Contains(Assert.Throws<KamValidationException>(() => new ProgressPolicy(behindTolerance: -1)).Errors, e => e.Path == "behindTolerance");
    }
}

public sealed class StagesPolicyJsonTests
{
    [Fact]
    public void Policies_round_trip_through_json()
    {
        var anomalies = new AnomalyPolicy(maxDaysInStage: 45, lowProbability: Percentage.FromPercent(25));
        var anomaliesRead = AnomalyPolicy.FromJson(anomalies.ToJson());
        Assert.Equal(anomalies.ToJson(), anomaliesRead.ToJson());
        Assert.Equal((45, Percentage.FromPercent(25), 1_000_000m, 30, 3), (anomaliesRead.MaxDaysInStage, anomaliesRead.LowProbability, anomaliesRead.HighValue, anomaliesRead.NearCloseDays, anomaliesRead.MinOwnerPipeline));
        Assert.Contains("\"lowProbability\": \"25%\"", anomalies.ToJson(), StringComparison.Ordinal);
        var progress = new ProgressPolicy(abandonFrom: ProcurementStage.CommercialNegotiation);
        var progressRead = ProgressPolicy.FromJson(progress.ToJson());
        Assert.Equal(progress.ToJson(), progressRead.ToJson());
        Assert.Equal((0, 0, ProcurementStage.CommercialNegotiation), (progressRead.BehindTolerance, progressRead.AheadTolerance, progressRead.AbandonFrom));
        var forecast = ForecastPolicy.FromJson("""{ "period": "Month" }""");
        Assert.Equal(new ForecastPolicy(PeriodKind.Month).ToJson(), forecast.ToJson());
        Assert.Equal((PeriodKind.Month, Percentage.FromPercent(75), Percentage.FromPercent(50)), (forecast.Period, forecast.CommitFrom, forecast.BestCaseFrom));
    }

    [Fact]
    public void Invalid_policies_report_json_paths()
    {
        var ex = Assert.Throws<KamValidationException>(() => AnomalyPolicy.FromJson("""{ "maxDaysInStage": 0 }"""));
        Assert.Equal("$.maxDaysInStage", ex.Errors[0].Path);
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[0].Code);
        Assert.Equal(KamErrorCodes.JsonUnknownMember, Assert.Throws<KamValidationException>(() => ProgressPolicy.FromJson("""{ "tolerance": 1 }""")).Errors[0].Code);
    }
}
