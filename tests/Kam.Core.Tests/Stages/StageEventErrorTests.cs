using System.Globalization;
using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// Every refusal of an event, with the error a host shows: its path (rebased to <c>events[i]</c> by a replay), code,
/// offending value and message; and the effect of the events that clear an item.
/// </summary>
public sealed class StageEventErrorTests
{
    private static readonly PersonId Alice = StageScenario.Alice;
    private static readonly AccountId Acme = StageScenario.Acme;

    private static KamValidationError Refusal(StageScenario scenario, OpportunityEvent @event)
    {
        var state = scenario.State;
        Assert.False(state.TryApply(@event, out var next, out var error));
        Assert.Equal(state, next);
        Assert.NotNull(error);
        var thrown = Assert.Throws<KamValidationException>(() => state.Apply(@event));
        var single = Assert.Single(thrown.Errors);
        Assert.Equal(error.Path, single.Path);
        Assert.Equal(error.Message, single.Message);
        return error;
    }

    private static KamValidationError ReplayRefusal(StageScenario scenario, OpportunityEvent @event)
    {
        var ex = Assert.Throws<KamValidationException>(() => Opportunity.Replay(Playbook.Default, [.. scenario.Events, @event]));
        return Assert.Single(ex.Errors);
    }

    private static Instant Later(StageScenario s) => s.Now.Plus(Duration.FromHours(1));

    [Fact]
    public void An_unknown_item_is_named_with_its_key()
    {
        var s = new StageScenario("P").InStage(1);
        var error = Refusal(s, new MilestoneItemDone(Later(s), Alice, "s9.nothing"));
        Assert.Equal("event.item", error.Path);
        Assert.Equal(KamErrorCodes.Unknown, error.Code);
        Assert.Equal("s9.nothing", error.AttemptedValue);
        Assert.Equal("The playbook has no item with this key.", error.Message);

        var replayed = ReplayRefusal(s, new MilestoneItemDone(Later(s), Alice, "s9.nothing"));
        Assert.Equal($"events[{s.Events.Count}].item", replayed.Path);
        Assert.Equal("The playbook has no item with this key.", replayed.Message);
    }

    [Fact]
    public void A_milestone_event_for_a_success_criterion_says_which_kind_the_item_is()
    {
        var s = new StageScenario("P").InStage(1);
        var error = Refusal(s, new MilestoneItemDone(Later(s), Alice, "s1.meeting-agreed"));
        Assert.Equal("event.item", error.Path);
        Assert.Equal(KamErrorCodes.Unknown, error.Code);
        Assert.Equal("s1.meeting-agreed", error.AttemptedValue);
        Assert.Equal("This item is a success criterion, not a milestone.", error.Message);

        var undo = Refusal(s, new MilestoneItemUndone(Later(s), Alice, "s1.meeting-agreed"));
        Assert.Equal("This item is a success criterion, not a milestone.", undo.Message);
    }

    [Fact]
    public void A_success_event_for_a_milestone_says_which_kind_the_item_is()
    {
        var s = new StageScenario("P").InStage(1);
        var error = Refusal(s, new SuccessItemMet(Later(s), Alice, "s1.customer-graded"));
        Assert.Equal("event.item", error.Path);
        Assert.Equal(KamErrorCodes.Unknown, error.Code);
        Assert.Equal("s1.customer-graded", error.AttemptedValue);
        Assert.Equal("This item is a milestone, not a success criterion.", error.Message);

        var withdraw = Refusal(s, new SuccessItemWithdrawn(Later(s), Alice, "s1.customer-graded"));
        Assert.Equal("This item is a milestone, not a success criterion.", withdraw.Message);
    }

    [Fact]
    public void Undoing_a_milestone_and_withdrawing_a_criterion_clear_only_that_item()
    {
        var s = new StageScenario("P").InStage(1).Complete(SalesStage.AccountPlanning).Milestone("s2.customer-visited");
        var before = s.State;
        Assert.True(before.IsDone("s1.customer-graded"));
        Assert.True(before.IsDone("s1.meeting-agreed"));
        Assert.True(before.IsDone("s2.customer-visited"));

        var undone = s.Undo("s1.customer-graded").State;
        Assert.False(undone.IsDone("s1.customer-graded"));
        Assert.True(undone.IsDone("s1.customer-info-gathered"));
        Assert.True(undone.IsDone("s1.meeting-agreed"));
        Assert.True(undone.IsDone("s2.customer-visited"));
        Assert.Null(undone.Stage);
        Assert.Null(undone.CompletedStage);

        var withdrawn = s.Withdraw("s1.meeting-agreed").State;
        Assert.False(withdrawn.IsDone("s1.meeting-agreed"));
        Assert.True(withdrawn.IsDone("s2.customer-visited"));

        // Undoing what is not done changes nothing but the event count and time.
        var again = s.Undo("s1.customer-graded").State;
        Assert.Equal(withdrawn.RegressionCount, again.RegressionCount);
        Assert.Equal(withdrawn.StageSince, again.StageSince);
        Assert.Equal(withdrawn.Version + 1, again.Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Abandoning_needs_a_reason(string? reason)
    {
        var s = new StageScenario("P").InStage(2);
        var error = Refusal(s, new OpportunityAbandoned(Later(s), Alice, reason!));
        Assert.Equal("event.reason", error.Path);
        Assert.Equal(KamErrorCodes.Required, error.Code);
        Assert.Equal(reason, error.AttemptedValue);
        Assert.Equal("Abandoning an opportunity needs a reason.", error.Message);
    }

    [Fact]
    public void Abandoning_with_a_reason_closes_the_opportunity_with_it()
    {
        var s = new StageScenario("P").InStage(2).Add(at => new OpportunityAbandoned(at, Alice, "no budget"));
        var state = s.State;
        Assert.Equal(OpportunityStatus.Abandoned, state.Status);
        Assert.True(state.IsClosed);
        Assert.Equal("no budget", state.CloseReason);
        Assert.Equal(s.Now, state.ClosedAt);
    }

    [Fact]
    public void Won_lost_and_abandoned_are_closed_and_open_is_not()
    {
        var open = new StageScenario("P").InStage(2);
        Assert.False(open.State.IsClosed);
        Assert.Null(open.State.ClosedAt);
        Assert.Null(open.State.CloseReason);

        var won = new StageScenario("W").InStage(2).Add(at => new OpportunityWon(at, Alice));
        Assert.True(won.State.IsClosed);
        Assert.Equal(won.Now, won.State.ClosedAt);
        Assert.Null(won.State.CloseReason);

        var lost = new StageScenario("L").InStage(2).Add(at => new OpportunityLost(at, Alice, "price"));
        Assert.True(lost.State.IsClosed);
        Assert.Equal(OpportunityStatus.Lost, lost.State.Status);

        var abandoned = new StageScenario("A").InStage(2).Add(at => new OpportunityAbandoned(at, Alice, "moved"));
        Assert.True(abandoned.State.IsClosed);
    }

    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    [InlineData(OpportunityStatus.Abandoned)]
    public void A_closed_opportunity_names_its_status_when_it_refuses_an_event(OpportunityStatus status)
    {
        var s = new StageScenario("P").InStage(2).Add(at => status switch
        {
            OpportunityStatus.Won => new OpportunityWon(at, Alice),
            OpportunityStatus.Lost => new OpportunityLost(at, Alice, "price"),
            _ => new OpportunityAbandoned(at, Alice, "moved"),
        });
        var error = Refusal(s, new ExpectedCloseChanged(Later(s), Alice, new LocalDate(2027, 1, 1)));
        Assert.Equal("event", error.Path);
        Assert.Equal(KamErrorCodes.InvalidState, error.Code);
        Assert.Equal(status.ToString(), error.AttemptedValue);
        Assert.Equal("The opportunity is closed; a closed opportunity accepts no events.", error.Message);

        var replayed = ReplayRefusal(s, new ExpectedCloseChanged(Later(s), Alice, new LocalDate(2027, 1, 1)));
        Assert.Equal($"events[{s.Events.Count}]", replayed.Path);
    }

    [Fact]
    public void An_event_earlier_than_the_last_is_refused_and_one_at_the_same_moment_is_not()
    {
        var s = new StageScenario("P").InStage(1);
        var earlier = s.Now.Minus(Duration.FromTicks(1));
        var error = Refusal(s, new MilestoneItemDone(earlier, Alice, "s2.customer-visited"));
        Assert.Equal("event.at", error.Path);
        Assert.Equal(KamErrorCodes.OutOfOrder, error.Code);
        Assert.Equal(earlier.ToString(null, CultureInfo.InvariantCulture), error.AttemptedValue);
        Assert.Equal($"Events are applied in time order; the last one was at {s.Now}.", error.Message);

        Assert.True(s.State.TryApply(new MilestoneItemDone(s.Now, Alice, "s2.customer-visited"), out var next, out var none));
        Assert.Null(none);
        Assert.Equal(s.Now, next.LastEventAt);
        Assert.True(next.IsDone("s2.customer-visited"));
    }

    [Fact]
    public void Every_event_names_who_recorded_it()
    {
        var s = new StageScenario("P").InStage(1);
        var error = Refusal(s, new MilestoneItemDone(Later(s), default, "s2.customer-visited"));
        Assert.Equal("event.by", error.Path);
        Assert.Equal(KamErrorCodes.Required, error.Code);
        Assert.Null(error.AttemptedValue);
        Assert.Equal("Every event names the person who recorded it.", error.Message);
    }

    [Fact]
    public void The_first_event_must_be_the_opening_and_a_second_opening_is_refused()
    {
        var initial = OpportunityState.Initial(Playbook.Default);
        Assert.False(initial.IsOpened);
        Assert.Equal("(not opened)", initial.ToString());
        Assert.False(initial.TryApply(new MilestoneItemDone(StageScenario.Start, Alice, "s1.customer-graded"), out var same, out var error));
        Assert.Equal(initial, same);
        Assert.Equal("event", error!.Path);
        Assert.Equal(KamErrorCodes.InvalidState, error.Code);
        Assert.Equal(nameof(MilestoneItemDone), error.AttemptedValue);
        Assert.Equal("The first event of an opportunity must be OpportunityOpened.", error.Message);

        var s = new StageScenario("P-7");
        var again = Refusal(s, new OpportunityOpened(Later(s), Alice, OpportunityId.Parse("P-8"), Acme, Alice, Money.Of(1m, "CNY"), new LocalDate(2026, 1, 1)));
        Assert.Equal("event", again.Path);
        Assert.Equal(KamErrorCodes.InvalidState, again.Code);
        Assert.Equal("P-7", again.AttemptedValue);
        Assert.Equal("The opportunity is already opened.", again.Message);
    }

    [Fact]
    public void The_opening_needs_an_identifier_an_account_an_owner_and_a_value_that_is_not_negative()
    {
        var initial = OpportunityState.Initial(Playbook.Default);
        var close = new LocalDate(2026, 6, 30);

        Assert.False(initial.TryApply(new OpportunityOpened(StageScenario.Start, Alice, default, Acme, Alice, Money.Of(1m, "CNY"), close), out _, out var noId));
        Assert.Equal("event.opportunity", noId!.Path);
        Assert.Equal(KamErrorCodes.Required, noId.Code);
        Assert.Equal("An opportunity needs an identifier.", noId.Message);

        Assert.False(initial.TryApply(new OpportunityOpened(StageScenario.Start, Alice, OpportunityId.Parse("P"), default, Alice, Money.Of(1m, "CNY"), close), out var same, out var noAccount));
        Assert.Equal("event.account", noAccount!.Path);
        Assert.Equal(KamErrorCodes.Required, noAccount.Code);
        Assert.Null(noAccount.AttemptedValue);
        Assert.Equal("An opportunity belongs to an account.", noAccount.Message);
        Assert.False(same.IsOpened);

        Assert.False(initial.TryApply(new OpportunityOpened(StageScenario.Start, Alice, OpportunityId.Parse("P"), Acme, default, Money.Of(1m, "CNY"), close), out _, out var noOwner));
        Assert.Equal("event.owner", noOwner!.Path);
        Assert.Equal(KamErrorCodes.Required, noOwner.Code);
        Assert.Equal("An opportunity needs an owner.", noOwner.Message);

        var negative = Money.Of(-1m, "CNY");
        Assert.False(initial.TryApply(new OpportunityOpened(StageScenario.Start, Alice, OpportunityId.Parse("P"), Acme, Alice, negative, close), out _, out var minus));
        Assert.Equal("event.value", minus!.Path);
        Assert.Equal(KamErrorCodes.OutOfRange, minus.Code);
        Assert.Equal(negative.ToString(null, CultureInfo.InvariantCulture), minus.AttemptedValue);
        Assert.Equal("The value must not be negative.", minus.Message);

        Assert.True(initial.TryApply(new OpportunityOpened(StageScenario.Start, Alice, OpportunityId.Parse("P"), Acme, StageScenario.Bob, Money.Of(0m, "CNY"), close), out var opened, out _));
        Assert.Equal(StageScenario.Bob, opened.Owner);
        Assert.Equal(Acme, opened.Account);
        Assert.Equal(Money.Of(0m, "CNY"), opened.Value);
        Assert.Equal(close, opened.ExpectedClose);
        Assert.Equal(StageScenario.Start, opened.OpenedAt);
        Assert.Equal(StageScenario.Start, opened.StageSince);
        Assert.Equal(StageScenario.Start, opened.LastEventAt);
        Assert.Equal(1, opened.Version);
    }

    [Fact]
    public void A_value_change_keeps_the_currency_and_refuses_a_negative_value()
    {
        var s = new StageScenario("P").InStage(1);
        var usd = Money.Of(5m, "USD");
        var currency = Refusal(s, new ValueChanged(Later(s), Alice, usd));
        Assert.Equal("event.value", currency.Path);
        Assert.Equal(KamErrorCodes.CurrencyMismatch, currency.Code);
        Assert.Equal(usd.ToString(null, CultureInfo.InvariantCulture), currency.AttemptedValue);
        Assert.Equal("The opportunity is valued in CNY.", currency.Message);

        var negative = Money.Of(-0.01m, "CNY");
        var minus = Refusal(s, new ValueChanged(Later(s), Alice, negative));
        Assert.Equal("event.value", minus.Path);
        Assert.Equal(KamErrorCodes.OutOfRange, minus.Code);
        Assert.Equal(negative.ToString(null, CultureInfo.InvariantCulture), minus.AttemptedValue);
        Assert.Equal("The value must not be negative.", minus.Message);

        Assert.Equal(Money.Of(0m, "CNY"), s.Add(at => new ValueChanged(at, Alice, Money.Of(0m, "CNY"))).State.Value);
    }

    [Fact]
    public void An_owner_change_needs_an_owner_and_a_procurement_stage_must_be_defined()
    {
        var s = new StageScenario("P").InStage(1);
        var owner = Refusal(s, new OwnerChanged(Later(s), Alice, default));
        Assert.Equal("event.owner", owner.Path);
        Assert.Equal(KamErrorCodes.Required, owner.Code);
        Assert.Equal("An opportunity needs an owner.", owner.Message);
        Assert.Equal(StageScenario.Carol, s.Add(at => new OwnerChanged(at, Alice, StageScenario.Carol)).State.Owner);

        foreach (var bad in new[] { 0, 9 })
        {
            var stage = Refusal(s, new ProcurementStageObserved(Later(s), Alice, (ProcurementStage)bad));
            Assert.Equal("event.stage", stage.Path);
            Assert.Equal(KamErrorCodes.OutOfRange, stage.Code);
            Assert.Equal(bad.ToString(CultureInfo.InvariantCulture), stage.AttemptedValue);
            Assert.Equal("Not a defined procurement stage.", stage.Message);
        }

        foreach (var good in new[] { ProcurementStage.DiscoverNeed, ProcurementStage.Sign })
        {
            Assert.Equal(good, s.Procurement(good).State.ProcurementStage);
        }
    }

    [Fact]
    public void An_expected_close_change_moves_the_close_date_only()
    {
        var s = new StageScenario("P").InStage(3);
        var before = s.State;
        var after = s.Add(at => new ExpectedCloseChanged(at, Alice, new LocalDate(2027, 3, 31))).State;
        Assert.Equal(new LocalDate(2027, 3, 31), after.ExpectedClose);
        Assert.Equal(before.Stage, after.Stage);
        Assert.Equal(before.StageSince, after.StageSince);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Is_done_refuses_a_key_the_playbook_does_not_have()
    {
        var state = new StageScenario("P").InStage(1).State;
        var ex = Assert.Throws<KamValidationException>(() => state.IsDone("s0.none"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("key", error.Path);
        Assert.Equal(KamErrorCodes.Unknown, error.Code);
        Assert.Equal("s0.none", error.AttemptedValue);
        Assert.Equal("The playbook has no item with this key.", error.Message);
        Assert.Throws<ArgumentNullException>(() => Playbook.Default.IndexOf(null!));
        Assert.False(state.IsDone("s2.customer-visited"));
        Assert.True(state.IsDone("s1.customer-graded"));
    }
}
