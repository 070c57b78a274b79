using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>The statistics of closed opportunities: entries, advances, completions, win rates, stage durations and the measured table.</summary>
public sealed class ConversionStatisticsTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);

    private static StageScenario Won(string id, int stage = 8) =>
        new StageScenario(id).InStage(stage).Complete((SalesStage)stage).Add(at => new OpportunityWon(at, StageScenario.Alice));

    private static StageScenario Lost(string id, int stage) =>
        new StageScenario(id).InStage(stage).Complete((SalesStage)stage).Add(at => new OpportunityLost(at, StageScenario.Alice));

    [Fact]
    public void Strictly_rising_measured_win_rates_make_a_probability_table()
    {
        // One won after stage 8, one lost after completing each of stages 1..7: stage s was completed by 9 − s, one won.
        var states = new[] { Won("w").State }.Concat(Enumerable.Range(1, 7).Select(j => Lost($"l{j}", j).State)).ToArray();
        var conversion = Analyzer.Summarize(states, AsOf).Conversion;
        Assert.Equal(8, conversion.Closed);
        Assert.Equal(1, conversion.Won);
        Assert.Equal(Enumerable.Range(1, 8).Select(s => 9L - s), conversion.Stages.Select(s => s.Completed));
        Assert.All(conversion.Stages, s => Assert.Equal(1, s.WonAfterCompleted));

        var table = conversion.MeasuredProbabilities();
        Assert.NotNull(table);
        Assert.Equal(Enumerable.Range(1, 8).Select(s => Percentage.FromFraction(1m / (9 - s))), table.Values);

        // Without the one lost after stage 1, stages 1 and 2 share the rate 1/7: not strictly rising.
        Assert.Null(Analyzer.Summarize(states.Where(s => s.Id.Value != "l1").ToArray(), AsOf).Conversion.MeasuredProbabilities());
        // Rates rising 1/7 … 1/1 over stages 1 to 7, but nothing completed stage 8: no table.
        var upTo7 = new[] { Won("w7", 7).State }.Concat(Enumerable.Range(1, 6).Select(j => Lost($"l{j}", j).State)).ToArray();
        Assert.Equal([1L, 1, 1, 1, 1, 1, 1, 0], Analyzer.Summarize(upTo7, AsOf).Conversion.Stages.Select(s => s.WonAfterCompleted));
        Assert.Null(Analyzer.Summarize(upTo7, AsOf).Conversion.MeasuredProbabilities());
        Assert.Null(DealControlSummary.Empty(Currency.CNY).Conversion.MeasuredProbabilities());
    }

    [Fact]
    public void Entering_advancing_and_completing_are_counted_per_stage()
    {
        var lostAt5 = new StageScenario("l5").InStage(5).Add(at => new OpportunityLost(at, StageScenario.Alice)).State;
        var wonAt3 = Won("w3", 3).State;
        var conversion = Analyzer.Summarize([lostAt5, wonAt3], AsOf).Conversion;

        Assert.Equal([2L, 2, 2, 1, 1, 0, 0, 0], conversion.Stages.Select(s => s.Entered));
        Assert.Equal([2L, 2, 1, 1, 0, 0, 0, 0], conversion.Stages.Select(s => s.Advanced));
        Assert.Equal([2L, 2, 2, 1, 0, 0, 0, 0], conversion.Stages.Select(s => s.Completed));
        Assert.Equal([1L, 1, 1, 0, 0, 0, 0, 0], conversion.Stages.Select(s => s.WonAfterCompleted));
        Assert.Equal(
            [Percentage.Hundred, Percentage.Hundred, Percentage.FromPercent(50m), Percentage.Hundred, Percentage.Zero, null, null, null],
            conversion.Stages.Select(s => s.ConversionToNext));
        Assert.Equal(
            [Percentage.FromPercent(50m), Percentage.FromPercent(50m), Percentage.FromPercent(50m), Percentage.Zero, null, null, null, null],
            conversion.Stages.Select(s => s.WinRateAfterCompletion));
        Assert.Equal(StageExtensions.AllSalesStages, conversion.Stages.Select(s => s.Stage));
        Assert.Null(conversion.Stages[5].MeanDaysInStage);
        Assert.NotNull(conversion.Stages[4].MeanDaysInStage);
    }

    [Fact]
    public void A_stage_lasts_from_its_first_entry_to_the_next_stages_entry_or_the_close()
    {
        var fast = Won("fast").Replay();
        var slow = new StageScenario("slow").InStage(3)
            .Procurement(ProcurementStage.StudyFeasibility).Procurement(ProcurementStage.ApproveProject).Procurement(ProcurementStage.SetCriteria)
            .Complete(SalesStage.PreliminaryProposal).InStageFrom(4, 8).Complete(SalesStage.ContractSigned)
            .Add(at => new OpportunityWon(at, StageScenario.Alice)).Replay();

        double[] DaysPerStage(Opportunity opportunity)
        {
            var entries = Enumerable.Range(1, 8).Select(k => opportunity.History.Changes.First(c => c.ToStage == (SalesStage)k).At).ToArray();
            var closed = opportunity.State.ClosedAt!.Value;
            return [.. Enumerable.Range(0, 8).Select(k => ((k < 7 ? entries[k + 1] : closed) - entries[k]).TotalDays)];
        }

        var fastDays = DaysPerStage(fast);
        var slowDays = DaysPerStage(slow);
        Assert.Equal(fastDays[2] + 3, slowDays[2]);
        Assert.Equal(fastDays, Analyzer.Summarize([fast.State], AsOf).Conversion.Stages.Select(s => s.MeanDaysInStage!.Value));
        var both = Analyzer.Summarize([fast.State, slow.State], AsOf).Conversion.Stages.Select(s => s.MeanDaysInStage!.Value);
        Assert.Equal(fastDays.Zip(slowDays, (a, b) => (a + b) / 2), both);
        Assert.Equal(fastDays.Sum(), (fast.State.ClosedAt!.Value - fast.History.Changes.First(c => c.ToStage == SalesStage.AccountPlanning).At).TotalDays, 9);
    }
}

/// <summary>Scenario helpers for the statistics tests.</summary>
internal static class StageScenarioExtensions
{
    /// <summary>Completes stages from..to-1 and enters stage to, assuming stage from-1 is completed.</summary>
    public static StageScenario InStageFrom(this StageScenario scenario, int from, int to)
    {
        for (var s = from; s < to; s++)
        {
            scenario.Enter((SalesStage)s).Complete((SalesStage)s);
        }

        return scenario.Enter((SalesStage)to);
    }
}
