using Kam.Core.Performance;
using Kam.Core.Stages;
using Kam.Core.Tests.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Performance;

public sealed class StageMachineFactsTests
{
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);

    [Fact]
    public void Facts_of_one_salesperson_come_from_the_stage_machine()
    {
        var fresh = new StageScenario("o1", value: 300_000m).InStage(3);
        var stale = new StageScenario("o2", value: 100_000m).InStage(2);
        var won = new StageScenario("w1").InStage(8).Complete(SalesStage.ContractSigned).Add(at => new OpportunityWon(at, StageScenario.Alice));
        var lost = new StageScenario("l1").InStage(5).Complete(SalesStage.FormalSolutionDesign).Add(at => new OpportunityLost(at, StageScenario.Alice));
        var bobs = new StageScenario("b1", owner: StageScenario.Bob, value: 900_000m).InStage(4);

        // One event a day from Start: the fresh opportunity (more events) was last touched later than the stale one.
        var asOf = fresh.State.LastEventAt + Duration.FromDays(2);
        var interval = Duration.FromDays(2) + ((fresh.State.LastEventAt - stale.State.LastEventAt) / 2);
        var facts = StageMachineFacts.FromOpportunities(
            Analyzer, [fresh.State, stale.State, won.State, lost.State, bobs.State], StageScenario.Alice, asOf, interval, Money.Of(200_000m, "CNY"));

        Assert.True(fresh.State.LastEventAt > stale.State.LastEventAt);
        Assert.Equal(2, facts.Opportunities);
        Assert.Equal(1, facts.ReportedOnTime);
        Assert.Equal(Money.Of(400_000m, "CNY"), facts.Pipeline);
        Assert.Equal(Ratio.FromPercent(200m), facts.Coverage);

        // Both closed opportunities entered stage 1 and moved on; only the won one got beyond stage 5.
        var first = facts.Stages.Single(s => s.Stage == nameof(SalesStage.AccountPlanning));
        Assert.Equal((2, 2), (first.Entered, first.Converted));
        var fifth = facts.Stages.Single(s => s.Stage == nameof(SalesStage.FormalSolutionDesign));
        Assert.Equal((2, 1), (fifth.Entered, fifth.Converted));
    }

    [Fact]
    public void On_time_means_a_progress_event_within_the_reporting_interval()
    {
        var opportunity = new StageScenario("o1").InStage(1).State;
        var last = opportunity.LastEventAt;
        Assert.Equal(1, Facts(opportunity, last + Duration.FromDays(7)).ReportedOnTime);
        Assert.Equal(0, Facts(opportunity, last + Duration.FromDays(7) + Duration.FromSeconds(1)).ReportedOnTime);

        static SalesProcessFacts Facts(OpportunityState state, Instant asOf) =>
            StageMachineFacts.FromOpportunities(Analyzer, [state], StageScenario.Alice, asOf, Duration.FromDays(7), Money.Of(1m, "CNY"));
    }

    [Fact]
    public void Bad_interval_and_mixed_currencies_are_refused()
    {
        var state = new StageScenario("o1").InStage(1).State;
        var ex = Assert.Throws<KamValidationException>(() =>
            StageMachineFacts.FromOpportunities(Analyzer, [state], StageScenario.Alice, StageScenario.Start, Duration.Zero, Money.Of(1m, "CNY")));
        Assert.Equal("reportingInterval", ex.Errors[0].Path);
        Assert.Throws<CurrencyMismatchException>(() =>
            StageMachineFacts.FromOpportunities(Analyzer, [state], StageScenario.Alice, StageScenario.Start, Duration.FromDays(7), Money.Of(1m, "USD")));
    }
}
