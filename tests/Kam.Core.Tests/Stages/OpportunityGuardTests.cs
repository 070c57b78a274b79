using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;


namespace Kam.Core.Tests.Stages;

/// <summary>
/// The guards of an opportunity and its state: null arguments name themselves, a default or unopened state says how to
/// start, a blank reason code or competitor on a closing event is refused at its own path, and a state that has seen no
/// procurement stage reports none.
/// </summary>
public sealed class OpportunityGuardTests
{
    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var events = new StageScenario("P-1").Events;

        Assert.Equal("playbook", Assert.Throws<ArgumentNullException>(() => Opportunity.Replay(null!, events)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => Opportunity.Replay(Playbook.Default, null!)).ParamName);
        Assert.Equal("playbook", Assert.Throws<ArgumentNullException>(() => OpportunityState.Initial(null!)).ParamName);
        Assert.Equal("event", Assert.Throws<ArgumentNullException>(() => OpportunityState.Initial(Playbook.Default).TryApply(null!, out _, out _)).ParamName);
    }

    [Fact]
    public void A_default_state_says_to_start_from_the_initial_one_and_an_unopened_one_that_it_is_not_opened()
    {
        var fromDefault = Assert.Throws<InvalidOperationException>(() => default(OpportunityState).Playbook);
        Assert.Contains("OpportunityState.Initial(playbook)", fromDefault.Message, StringComparison.Ordinal);

        var unopened = Assert.Throws<InvalidOperationException>(() => OpportunityState.Initial(Playbook.Default).Status);
        Assert.Equal("The opportunity has not been opened yet.", unopened.Message);
    }

    [Fact]
    public void No_procurement_stage_is_reported_until_one_is_observed()
    {
        var scenario = new StageScenario("P-2");
        Assert.Null(scenario.State.ProcurementStage);

        scenario.Procurement(ProcurementStage.DiscoverNeed);
        Assert.Equal(ProcurementStage.DiscoverNeed, scenario.State.ProcurementStage);
    }

    [Theory]
    [InlineData(" ", null, "event.reasonCode", "A reason code, when given, must not be blank.")]
    [InlineData(null, "\t", "event.competitor", "The winning competitor, when given, must not be blank.")]
    public void A_blank_reason_code_or_competitor_is_refused_at_its_path(string? code, string? competitor, string path, string message)
    {
        var scenario = new StageScenario("P-3");
        var lost = new OpportunityLost(scenario.Now.Plus(NodaTime.Duration.FromDays(1)), StageScenario.Alice, "price", code, competitor);

        Assert.False(scenario.State.TryApply(lost, out var next, out var error));
        Assert.Equal(path, error!.Path);
        Assert.Equal(KamErrorCodes.Required, error.Code);
        Assert.Equal(code ?? competitor, error.AttemptedValue);
        Assert.Equal(message, error.Message);
        Assert.Equal(scenario.State, next);
    }

    [Fact]
    public void A_given_reason_code_and_competitor_are_kept()
    {
        var scenario = new StageScenario("P-4");
        scenario.Add(at => new OpportunityLost(at, StageScenario.Alice, "price", "lost-price", "Rival Ltd"));

        Assert.Equal(OpportunityStatus.Lost, scenario.State.Status);
        Assert.Equal("lost-price", scenario.State.CloseReasonCode);
        Assert.Equal("Rival Ltd", scenario.State.WinningCompetitor);
        Assert.Equal("price", scenario.State.CloseReason);
    }
}
