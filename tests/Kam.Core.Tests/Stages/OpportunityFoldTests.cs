using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// What folding events derives beyond the stage itself: skipped stages now and ever, regressions, the time of the
/// last stage change, the stages ever entered and completed (as the conversion statistics of closed projects see
/// them), the next required items, the history of stage changes, equality and the one-line rendering.
/// </summary>
public sealed class OpportunityFoldTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 12, 31, 0, 0);

    [Fact]
    public void Work_recorded_on_a_later_stage_skips_every_earlier_stage_not_entered()
    {
        // Work on stage 4 with nothing entered: stages 1 to 3 are skipped, stage 4 itself is not.
        var s = new StageScenario("P").Milestone("s4.solution-demonstrated");
        var state = s.State;
        Assert.Null(state.Stage);
        Assert.Equal([SalesStage.AccountPlanning, SalesStage.CustomerVisit, SalesStage.PreliminaryProposal], state.SkippedStages);

        // Entering stage 1 removes it from the skipped stages; the history keeps every stage ever skipped.
        state = s.Enter(SalesStage.AccountPlanning).State;
        Assert.Equal(SalesStage.AccountPlanning, state.Stage);
        Assert.Equal([SalesStage.CustomerVisit, SalesStage.PreliminaryProposal], state.SkippedStages);
        Assert.Equal([SalesStage.AccountPlanning, SalesStage.CustomerVisit, SalesStage.PreliminaryProposal], state.StagesEverSkipped);

        // Filling in stages 2 and 3 leaves nothing skipped now, but the record stays.
        state = s.Complete(SalesStage.AccountPlanning).Enter(SalesStage.CustomerVisit).Enter(SalesStage.PreliminaryProposal).State;
        Assert.Empty(state.SkippedStages);
        Assert.Equal(3, state.StagesEverSkipped.Count);
        Assert.Equal(SalesStage.PreliminaryProposal, state.Stage);
    }

    [Fact]
    public void Work_on_the_first_stage_alone_skips_nothing()
    {
        var state = new StageScenario("P").Milestone("s1.customer-graded").State;
        Assert.Null(state.Stage);
        Assert.Empty(state.SkippedStages);
        Assert.Empty(state.StagesEverSkipped);
        Assert.Empty(new StageScenario("Q").State.SkippedStages);
    }

    [Fact]
    public void Work_on_stage_eight_alone_skips_the_seven_before_it()
    {
        var state = new StageScenario("P").Milestone("s8.executives-engaged").State;
        Assert.Equal(StageExtensions.AllSalesStages.Take(7), state.SkippedStages);
        Assert.Equal(SalesStage.ContractSigned, new StageScenario("Q").InStage(8).State.Stage);
    }

    [Fact]
    public void Only_a_move_back_of_the_stage_or_of_the_completed_stage_is_a_regression()
    {
        var s = new StageScenario("P").InStage(2).Complete(SalesStage.CustomerVisit);
        Assert.Equal(0, s.State.RegressionCount);

        // Undoing an optional item or an item of a stage not reached changes no position.
        var since = s.State.StageSince;
        s.Milestone("s2.company-presented").Undo("s2.company-presented");
        Assert.Equal(0, s.State.RegressionCount);
        Assert.Equal(since, s.State.StageSince);

        // Withdrawing a criterion moves only the completed stage back.
        s.Withdraw("s2.proposal-requested");
        Assert.Equal(1, s.State.RegressionCount);
        Assert.Equal(SalesStage.CustomerVisit, s.State.Stage);
        Assert.Equal(SalesStage.AccountPlanning, s.State.CompletedStage);
        Assert.Equal(s.Now, s.State.StageSince);

        // Undoing a milestone moves the stage back.
        s.Undo("s2.customer-visited");
        Assert.Equal(2, s.State.RegressionCount);
        Assert.Equal(SalesStage.AccountPlanning, s.State.Stage);

        // Moving forward again is no regression but a stage change.
        s.Milestone("s2.customer-visited");
        Assert.Equal(2, s.State.RegressionCount);
        Assert.Equal(SalesStage.CustomerVisit, s.State.Stage);
        Assert.Equal(s.Now, s.State.StageSince);
    }

    [Fact]
    public void Completing_a_stage_changes_the_position_without_entering_the_next()
    {
        var s = new StageScenario("P").InStage(3);
        var entered = s.Now;
        Assert.Equal(entered, s.State.StageSince);
        s.Complete(SalesStage.PreliminaryProposal);
        Assert.Equal(s.Now, s.State.StageSince);
        Assert.NotEqual(entered, s.State.StageSince);
        Assert.Equal(SalesStage.PreliminaryProposal, s.State.Stage);
    }

    [Fact]
    public void Next_required_items_are_the_unmet_criteria_then_the_undone_milestones_of_the_next_stage()
    {
        var s = new StageScenario("P").InStage(5);
        Assert.Equal(["s5.bid-submitted", "s5.screening-passed"], s.State.NextRequiredItems.Select(i => i.Key));
        s.Success("s5.bid-submitted");
        Assert.Equal(["s5.screening-passed"], s.State.NextRequiredItems.Select(i => i.Key));
        s.Success("s5.screening-passed");
        Assert.Equal(["s6.bid-meets-criteria", "s6.evaluators-favourable"], s.State.NextRequiredItems.Select(i => i.Key));
        s.Milestone("s6.evaluators-favourable");
        Assert.Equal(["s6.bid-meets-criteria"], s.State.NextRequiredItems.Select(i => i.Key));

        var eight = new StageScenario("E").InStage(8);
        Assert.Equal(["s8.contract-signed", "s8.conditions-fixed"], eight.State.NextRequiredItems.Select(i => i.Key));
        Assert.Empty(eight.Complete(SalesStage.ContractSigned).State.NextRequiredItems);
    }

    [Fact]
    public void Stages_entered_or_completed_once_count_in_the_conversion_statistics_even_after_a_move_back()
    {
        // Enter and complete stage 2, then fall back to stage 1 and lose: stage 2 still counts as entered and completed.
        var lost = new StageScenario("L").InStage(2).Complete(SalesStage.CustomerVisit)
            .Withdraw("s2.proposal-requested").Undo("s2.customer-visited")
            .Add(at => new OpportunityLost(at, StageScenario.Alice, "price"));
        Assert.Equal(SalesStage.AccountPlanning, lost.State.Stage);

        var summary = new PipelineAnalyzer(Currency.CNY).Summarize([lost.State], AsOf);
        var stats = summary.Conversion.Stages;
        Assert.Equal(1, summary.Conversion.Closed);
        Assert.Equal(0, summary.Conversion.Won);
        Assert.Equal(1, stats[0].Entered);
        Assert.Equal(1, stats[0].Completed);
        Assert.Equal(1, stats[1].Entered);
        Assert.Equal(1, stats[1].Completed);
        Assert.Equal(0, stats[2].Entered);
        Assert.Equal(0, stats[1].Advanced);
        Assert.Equal(1, stats[0].Advanced);
        Assert.Equal(0, stats[1].WonAfterCompleted);
        Assert.Equal(Percentage.Zero, stats[1].WinRateAfterCompletion);
        Assert.Null(stats[2].WinRateAfterCompletion);
        Assert.Null(stats[2].ConversionToNext);
        Assert.Null(stats[2].MeanDaysInStage);
    }

    [Fact]
    public void Stage_durations_run_from_first_entry_to_the_next_first_entry_or_the_close()
    {
        // Stage 1 entered 4 days after opening, stage 2 entered 5 days later (one event a day); won 2 days after that.
        var s = new StageScenario("W").Milestone("s1.customer-info-gathered").Milestone("s1.opportunity-evaluated")
            .Milestone("s1.customer-graded").Milestone("s1.phone-invitation")
            .Success("s1.meeting-agreed")
            .Milestone("s2.customer-visited").Milestone("s2.project-info-confirmed").Milestone("s2.organisation-mapped")
            .Success("s2.proposal-requested")
            .Add(at => new OpportunityWon(at, StageScenario.Alice));
        var stats = new PipelineAnalyzer(Currency.CNY).Summarize([s.State], AsOf).Conversion.Stages;
        Assert.Equal(4.0, stats[0].MeanDaysInStage!.Value, 9);   // entered on day 4, stage 2 entered on day 8
        Assert.Equal(2.0, stats[1].MeanDaysInStage!.Value, 9);   // entered on day 8, closed on day 10
        Assert.Equal(1, stats[1].WonAfterCompleted);
        Assert.Equal(Percentage.Hundred, stats[1].WinRateAfterCompletion);
    }

    [Fact]
    public void The_history_lists_each_stage_change_with_the_event_that_caused_it()
    {
        var s = new StageScenario("P").Milestone("s2.customer-visited").Enter(SalesStage.AccountPlanning).Complete(SalesStage.AccountPlanning).Withdraw("s1.meeting-agreed");
        var opportunity = s.Replay();
        var history = opportunity.History;
        var skip = Assert.Single(history.Skips);
        Assert.Equal([SalesStage.AccountPlanning], skip.NewlySkipped);
        Assert.Null(skip.FromStage);
        Assert.Null(skip.ToStage);
        Assert.IsType<MilestoneItemDone>(skip.Event);
        Assert.False(skip.IsRegression);

        var regression = Assert.Single(history.Regressions);
        Assert.Equal(SalesStage.AccountPlanning, regression.FromStage);
        Assert.Equal(SalesStage.AccountPlanning, regression.ToStage);
        Assert.Equal(SalesStage.AccountPlanning, regression.FromCompleted);
        Assert.Null(regression.ToCompleted);
        Assert.Equal(s.Now, regression.At);
        Assert.Equal(StageScenario.Alice, regression.By);
        Assert.IsType<SuccessItemWithdrawn>(regression.Event);
        Assert.Empty(regression.NewlySkipped);

        // Skip, enter 1, complete 1, withdraw: four changes; the events that change no position are not listed.
        Assert.Equal(4, history.Changes.Count);
        Assert.Equal([false, false, false, true], history.Changes.Select(c => c.IsRegression));
        Assert.Same(history, opportunity.History);
    }

    [Fact]
    public void A_state_equals_only_a_state_with_the_same_playbook_and_the_same_facts()
    {
        var a = new StageScenario("P").InStage(3).State;
        var b = new StageScenario("P").InStage(3).State;
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals("P"));

        // The same history but another identifier, owner, value or close date.
        Assert.NotEqual(a, new StageScenario("Q").InStage(3).State);
        Assert.NotEqual(a, new StageScenario("P", owner: StageScenario.Bob).InStage(3).State);
        Assert.NotEqual(a, new StageScenario("P", value: 100_001m).InStage(3).State);
        Assert.NotEqual(a, new StageScenario("P", expectedClose: new LocalDate(2026, 7, 1)).InStage(3).State);
        Assert.NotEqual(a, new StageScenario("P", start: StageScenario.Start.Plus(Duration.FromSeconds(1))).InStage(3).State);

        // The same facts under a playbook with the same rules but another instance.
        var copy = Playbook.FromJson(Playbook.Default.ToJson());
        var other = Opportunity.Replay(copy, new StageScenario("P").InStage(3).Events).State;
        Assert.Equal(a.Stage, other.Stage);
        Assert.NotEqual(a, other);
        Assert.False(a == other);
        Assert.True(a != other);
    }

    [Fact]
    public void A_state_renders_its_position_band_and_status()
    {
        var s = new StageScenario("P-3").InStage(3);
        var state = s.State;
        Assert.Equal($"P-3: stage 3 (completed 2), {state.Band}, Open", state.ToString());
        Assert.Equal(state.ToString(), s.Replay().ToString());
        Assert.Equal("(not opened)", default(OpportunityState).ToString());
        Assert.False(default(OpportunityState).IsOpened);
        Assert.Throws<InvalidOperationException>(() => default(OpportunityState).Playbook);
        Assert.Throws<InvalidOperationException>(() => OpportunityState.Initial(Playbook.Default).Status);
    }

    [Fact]
    public void Days_in_stage_of_a_closed_opportunity_stop_at_the_close()
    {
        var s = new StageScenario("P").InStage(2);
        var entered = s.Now;
        s.Add(at => new OpportunityLost(at.Plus(Duration.FromDays(9)), StageScenario.Alice, "price"));
        var state = s.State;
        Assert.Equal(10, state.DaysInStage(AsOf));
        Assert.Equal(3, state.DaysInStage(entered.Plus(Duration.FromDays(3.9))));
        Assert.Equal(0, state.DaysInStage(entered));
    }

    [Fact]
    public void A_replay_refuses_a_null_event_and_names_its_index()
    {
        var s = new StageScenario("P").InStage(1);
        var ex = Assert.Throws<KamValidationException>(() => Opportunity.Replay(Playbook.Default, [.. s.Events, null!]));
        var error = Assert.Single(ex.Errors);
        Assert.Equal($"events[{s.Events.Count}]", error.Path);
        Assert.Equal(KamErrorCodes.Required, error.Code);
        Assert.Equal("An event is required.", error.Message);

        var empty = Assert.Throws<KamValidationException>(() => Opportunity.Replay(Playbook.Default, []));
        Assert.Equal("events", empty.Errors[0].Path);
        Assert.Equal(KamErrorCodes.Empty, empty.Errors[0].Code);
        Assert.Equal("An opportunity starts with an OpportunityOpened event.", empty.Errors[0].Message);
        Assert.Throws<ArgumentNullException>(() => Opportunity.Replay(null!, s.Events));
        Assert.Throws<ArgumentNullException>(() => Opportunity.Replay(Playbook.Default, null!));
        Assert.Same(Playbook.Default, s.Replay().Playbook);
    }
}
