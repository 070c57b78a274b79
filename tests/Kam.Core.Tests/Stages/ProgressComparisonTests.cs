using Kam.Core.Stages;

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
        Assert.Equal(ProgressAlignment.InStep, (ProgressPolicy.Default with { BehindTolerance = 2 }).Compare(state).Alignment);
        Assert.Equal(ProgressAlignment.AbandonCandidate, (ProgressPolicy.Default with { AbandonFrom = ProcurementStage.TenderAndScreen }).Compare(state).Alignment);
        Assert.Contains((ProgressPolicy.Default with { BehindTolerance = -1 }).Validate("p"), e => e.Path == "p.BehindTolerance");
    }
}

public sealed class StagesPolicyJsonTests
{
    [Fact]
    public void Policies_round_trip_through_json()
    {
        var anomalies = AnomalyPolicy.Default with { MaxDaysInStage = 45, LowProbability = Percentage.FromPercent(25) };
        Assert.Equal(anomalies, AnomalyPolicy.FromJson(anomalies.ToJson()));
        Assert.Contains("\"lowProbability\": \"25%\"", anomalies.ToJson(), StringComparison.Ordinal);
        var progress = ProgressPolicy.Default with { AbandonFrom = ProcurementStage.CommercialNegotiation };
        Assert.Equal(progress, ProgressPolicy.FromJson(progress.ToJson()));
        Assert.Equal(ForecastPolicy.Default with { Period = PeriodKind.Month }, ForecastPolicy.FromJson("""{ "period": "Month" }"""));
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
