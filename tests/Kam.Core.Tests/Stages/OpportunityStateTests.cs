using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

public sealed class OpportunityStateTests
{
    private static Percentage Pct(decimal p) => Percentage.FromPercent(p);

    [Fact]
    public void A_new_opportunity_is_before_stage_one_at_zero_percent()
    {
        var state = new StageScenario("P-0").State;
        Assert.Null(state.Stage);
        Assert.Null(state.CompletedStage);
        Assert.Equal(Percentage.Zero, state.Probability);
        Assert.Equal(new ProbabilityBand(Percentage.Zero, Percentage.Zero), state.Band);
        Assert.Equal(FunnelState.Search, state.Funnel);
        Assert.Equal(OpportunityStatus.Open, state.Status);
        Assert.Equal(Playbook.Default.ItemsOf(SalesStage.AccountPlanning, StageItemKind.Milestone).Where(i => i.Required), state.NextRequiredItems);
    }

    [Fact]
    public void Company_A_and_B_completing_stage_four_does_not_start_stage_five()
    {
        // Rule book (stages, milestones and success criteria), the company A / company B example: B asks A for needs analysis and a formal solution — stage 4 is completed, stage 5 not yet started.
        var a = new StageScenario("A-B").InStage(4).Complete(SalesStage.SolutionDemonstration);
        var state = a.State;
        Assert.Equal(SalesStage.SolutionDemonstration, state.Stage);
        Assert.Equal(SalesStage.SolutionDemonstration, state.CompletedStage);
        Assert.Equal(Pct(30), state.Probability);
        Assert.Equal(["s5.needs-analysed", "s5.formal-solution-designed"], state.NextRequiredItems.Select(i => i.Key));

        // Needs analysis alone: stage 5 has still not started.
        state = a.Milestone("s5.needs-analysed").State;
        Assert.Equal(SalesStage.SolutionDemonstration, state.Stage);

        // Both milestone actions done: stage 5 entered, but the probability stays at stage 4's completed value.
        state = a.Milestone("s5.formal-solution-designed").State;
        Assert.Equal(SalesStage.FormalSolutionDesign, state.Stage);
        Assert.Equal(SalesStage.SolutionDemonstration, state.CompletedStage);
        Assert.Equal(Pct(30), state.Probability);
        Assert.Equal(new ProbabilityBand(Pct(30), Pct(50)), state.Band);

        // B accepts the formal solution (A passes screening): stage 5 completed, 50%.
        state = a.Success("s5.bid-submitted").Success("s5.screening-passed").State;
        Assert.Equal(SalesStage.FormalSolutionDesign, state.CompletedStage);
        Assert.Equal(Pct(50), state.Probability);
        Assert.Equal(new ProbabilityBand(Pct(50), Pct(50)), state.Band);
    }

    [Fact]
    public void Project_001_in_customer_visit_lies_between_10_and_20_percent()
    {
        var state = new StageScenario("001").InStage(2).State;
        Assert.Equal(SalesStage.CustomerVisit, state.Stage);
        Assert.Equal("10%–20%", state.Band.ToString());
    }

    [Theory]
    [InlineData(1, 0, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(3, 20, 25)]
    [InlineData(4, 25, 30)]
    [InlineData(5, 30, 50)]
    [InlineData(6, 50, 75)]
    [InlineData(7, 75, 90)]
    [InlineData(8, 90, 100)]
    public void In_stage_k_the_band_runs_from_stage_k_minus_1_to_k(int k, decimal low, decimal high)
    {
        var state = new StageScenario("P").InStage(k).State;
        Assert.Equal((SalesStage)k, state.Stage);
        Assert.Equal(new ProbabilityBand(Pct(low), Pct(high)), state.Band);
        Assert.Equal(Pct(low), state.Probability);
        Assert.Equal(((SalesStage)k).Funnel(), state.Funnel);
    }

    [Fact]
    public void Every_required_milestone_is_needed_to_enter_and_optional_ones_are_not()
    {
        var s = new StageScenario("P").Milestone("s1.customer-info-gathered").Milestone("s1.opportunity-evaluated").Milestone("s1.customer-graded");
        Assert.Null(s.State.Stage);
        Assert.Equal(["s1.phone-invitation"], s.State.NextRequiredItems.Select(i => i.Key));
        Assert.Equal(SalesStage.AccountPlanning, s.Milestone("s1.phone-invitation").State.Stage);

        var visit = new StageScenario("Q").InStage(2);
        Assert.False(visit.State.IsDone("s2.company-presented"));
        Assert.Equal(SalesStage.CustomerVisit, visit.State.Stage);
    }

    [Fact]
    public void Success_criteria_without_the_milestones_do_not_complete_a_stage()
    {
        var state = new StageScenario("P").Success("s1.meeting-agreed").State;
        Assert.Null(state.CompletedStage);
        Assert.Equal(Percentage.Zero, state.Probability);
        Assert.True(state.IsDone("s1.meeting-agreed"));
    }

    [Fact]
    public void A_skipped_stage_is_allowed_and_reported()
    {
        var s = new StageScenario("P").InStage(1).Complete(SalesStage.AccountPlanning).Enter(SalesStage.PreliminaryProposal);
        var opportunity = s.Replay();
        Assert.Equal(SalesStage.PreliminaryProposal, opportunity.State.Stage);
        Assert.Equal(SalesStage.AccountPlanning, opportunity.State.CompletedStage);
        Assert.Equal([SalesStage.CustomerVisit], opportunity.State.SkippedStages);
        Assert.Equal(new ProbabilityBand(Pct(10), Pct(25)), opportunity.State.Band);
        Assert.Single(opportunity.History.Skips);
        Assert.Equal([SalesStage.CustomerVisit], opportunity.History.Skips[0].NewlySkipped);

        // Filling the skipped stage in clears the current skip but the history keeps it.
        var filled = s.Enter(SalesStage.CustomerVisit).State;
        Assert.Empty(filled.SkippedStages);
        Assert.Equal([SalesStage.CustomerVisit], filled.StagesEverSkipped);
    }

    [Fact]
    public void Undoing_an_item_moves_the_state_back_and_is_recorded()
    {
        var s = new StageScenario("P").InStage(3);
        var before = s.State;
        var opportunity = s.Undo("s3.proposal-submitted").Replay();
        Assert.Equal(SalesStage.PreliminaryProposal, before.Stage);
        Assert.Equal(SalesStage.CustomerVisit, opportunity.State.Stage);
        Assert.Equal(SalesStage.CustomerVisit, opportunity.State.CompletedStage);
        Assert.Equal(1, opportunity.State.RegressionCount);
        var regression = Assert.Single(opportunity.History.Regressions);
        Assert.Equal(SalesStage.PreliminaryProposal, regression.FromStage);
        Assert.Equal(SalesStage.CustomerVisit, regression.ToStage);
        Assert.IsType<MilestoneItemUndone>(regression.Event);
    }

    [Fact]
    public void Withdrawing_a_commitment_lowers_the_probability()
    {
        var s = new StageScenario("P").InStage(6).Complete(SalesStage.ProjectEvaluation);
        Assert.Equal(Pct(75), s.State.Probability);
        var state = s.Withdraw("s6.preferred-supplier").State;
        Assert.Equal(Pct(50), state.Probability);
        Assert.Equal(1, state.RegressionCount);
    }

    [Fact]
    public void Value_close_date_owner_procurement_and_outcome_events_fold_in()
    {
        var s = new StageScenario("P").InStage(2)
            .Add(at => new ValueChanged(at, StageScenario.Alice, Money.Of(250_000m, "CNY")))
            .Add(at => new ExpectedCloseChanged(at, StageScenario.Alice, new LocalDate(2026, 9, 30)))
            .Add(at => new OwnerChanged(at, StageScenario.Alice, StageScenario.Bob))
            .Procurement(ProcurementStage.StudyFeasibility)
            .Add(at => new OpportunityLost(at, StageScenario.Bob, "price"));
        var opportunity = s.Replay();
        var state = opportunity.State;
        Assert.Equal(Money.Of(250_000m, "CNY"), state.Value);
        Assert.Equal(new LocalDate(2026, 9, 30), state.ExpectedClose);
        Assert.Equal(StageScenario.Bob, state.Owner);
        Assert.Equal(ProcurementStage.StudyFeasibility, state.ProcurementStage);
        Assert.Equal(OpportunityStatus.Lost, state.Status);
        Assert.Equal("price", state.CloseReason);
        Assert.Equal(s.Now, state.ClosedAt);
        Assert.Equal(s.Events.Count, state.Version);
        Assert.Equal(SalesStage.CustomerVisit, state.Stage); // a lost project keeps its history
        Assert.Equal(s.Events.Count, opportunity.Events.Count);
    }

    public static TheoryData<string, Func<Instant, OpportunityEvent>, string> Refusals => new()
    {
        { "out of order", at => new MilestoneItemDone(at.Minus(Duration.FromDays(30)), StageScenario.Alice, "s2.customer-visited"), KamErrorCodes.OutOfOrder },
        { "unknown item", at => new MilestoneItemDone(at, StageScenario.Alice, "s9.nothing"), KamErrorCodes.Unknown },
        { "wrong kind", at => new MilestoneItemDone(at, StageScenario.Alice, "s2.proposal-requested"), KamErrorCodes.Unknown },
        { "wrong kind (success)", at => new SuccessItemMet(at, StageScenario.Alice, "s2.customer-visited"), KamErrorCodes.Unknown },
        { "opened twice", at => new OpportunityOpened(at, StageScenario.Alice, OpportunityId.Parse("X"), StageScenario.Acme, StageScenario.Alice, Money.Of(1m, "CNY"), new LocalDate(2026, 1, 1)), KamErrorCodes.InvalidState },
        { "other currency", at => new ValueChanged(at, StageScenario.Alice, Money.Of(1m, "USD")), KamErrorCodes.CurrencyMismatch },
        { "negative value", at => new ValueChanged(at, StageScenario.Alice, Money.Of(-1m, "CNY")), KamErrorCodes.OutOfRange },
        { "no reason", at => new OpportunityAbandoned(at, StageScenario.Alice, " "), KamErrorCodes.Required },
        { "no person", at => new OpportunityWon(at, default), KamErrorCodes.Required },
        { "no owner", at => new OwnerChanged(at, StageScenario.Alice, default), KamErrorCodes.Required },
        { "bad stage", at => new ProcurementStageObserved(at, StageScenario.Alice, (ProcurementStage)9), KamErrorCodes.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused_events_leave_the_state_unchanged(string why, Func<Instant, OpportunityEvent> make, string code)
    {
        var s = new StageScenario("P").InStage(2);
        var state = s.State;
        var @event = make(s.Now.Plus(Duration.FromHours(1)));
        Assert.False(state.TryApply(@event, out var next, out var error), why);
        Assert.Equal(state, next);
        Assert.Equal(code, error!.Code);
        var ex = Assert.Throws<KamValidationException>(() => state.Apply(@event));
        Assert.Equal(code, ex.Errors[0].Code);

        var replay = Assert.Throws<KamValidationException>(() => Opportunity.Replay(Playbook.Default, [.. s.Events, @event]));
        Assert.StartsWith($"events[{s.Events.Count}]", replay.Errors[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_opportunity_refuses_every_event()
    {
        var s = new StageScenario("P").InStage(8).Complete(SalesStage.ContractSigned).Add(at => new OpportunityWon(at, StageScenario.Alice));
        var opportunity = s.Replay();
        Assert.Equal(OpportunityStatus.Won, opportunity.State.Status);
        Assert.Equal(Percentage.Hundred, opportunity.State.Probability);
        Assert.Empty(opportunity.State.NextRequiredItems);
        var ex = Assert.Throws<KamValidationException>(() => opportunity.Append(new MilestoneItemUndone(s.Now.Plus(Duration.FromDays(1)), StageScenario.Alice, "s8.executives-engaged")));
        Assert.Equal(KamErrorCodes.InvalidState, ex.Errors[0].Code);
        Assert.Equal(OpportunityStatus.Won, opportunity.State.Status);
    }

    [Fact]
    public void The_first_event_must_open_the_opportunity()
    {
        var ex = Assert.Throws<KamValidationException>(() => Opportunity.Replay(Playbook.Default, [new MilestoneItemDone(StageScenario.Start, StageScenario.Alice, "s1.customer-graded")]));
        Assert.Equal("events[0]", ex.Errors[0].Path);
        Assert.Equal(KamErrorCodes.InvalidState, ex.Errors[0].Code);
        Assert.Throws<KamValidationException>(() => Opportunity.Replay(Playbook.Default, []));
        Assert.Throws<InvalidOperationException>(() => default(OpportunityState).Probability);
    }

    [Fact]
    public void Append_returns_a_new_opportunity_and_keeps_the_old_one()
    {
        var s = new StageScenario("P").InStage(1);
        var opportunity = s.Replay();
        var next = opportunity.Append(new SuccessItemMet(s.Now.Plus(Duration.FromDays(1)), StageScenario.Alice, "s1.meeting-agreed"));
        Assert.Null(opportunity.State.CompletedStage);
        Assert.Equal(SalesStage.AccountPlanning, next.State.CompletedStage);
        Assert.Equal(opportunity.Events.Count + 1, next.Events.Count);
    }

    [Fact]
    public void Days_in_stage_count_from_the_last_stage_change()
    {
        var s = new StageScenario("P").InStage(2);
        var state = s.State;
        Assert.Equal(s.Now, state.StageSince);
        Assert.Equal(0, state.DaysInStage(s.Now.Minus(Duration.FromDays(3))));
        Assert.Equal(45, state.DaysInStage(s.Now.Plus(Duration.FromDays(45.5))));
        var since = s.Now;
        Assert.Equal(since, s.Procurement(ProcurementStage.StudyFeasibility).State.StageSince); // not a stage change
    }
}
