using Kam.Core.Accounts.Attainment;
using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Tests.Stages;
using NodaTime;

namespace Kam.Core.Tests.Accounts;

public sealed class AttainmentBridgeTests
{
    [Fact]
    public void An_open_opportunity_carries_its_account_value_close_and_completed_stage()
    {
        var account = AccountId.Parse("HQ-1");
        var state = new StageScenario("P-1", value: 250_000m, expectedClose: new LocalDate(2026, 9, 30), account: account).InStage(3).State;

        var item = AttainmentOpportunity.From(state, DateTimeZone.Utc);

        Assert.Equal(account, item.Account);
        Assert.Equal(Money.Of(250_000m, "CNY"), item.Value);
        Assert.Equal(new LocalDate(2026, 9, 30), item.ExpectedClose);
        Assert.Equal(SalesStage.CustomerVisit, item.CompletedStage);
        Assert.Equal(OpportunityStatus.Open, item.Status);
        Assert.Null(item.ClosedOn);
    }

    [Fact]
    public void A_won_opportunity_closes_on_the_day_of_its_zone()
    {
        var state = new StageScenario("P-2").InStage(3).Add(at => new OpportunityWon(at, StageScenario.Alice)).State;
        var closedAt = state.ClosedAt!.Value;

        var east = AttainmentOpportunity.From(state, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var west = AttainmentOpportunity.From(state, DateTimeZoneProviders.Tzdb["America/Los_Angeles"]);

        Assert.Equal(OpportunityStatus.Won, east.Status);
        Assert.Equal(closedAt.InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date, east.ClosedOn);
        Assert.Equal(closedAt.InZone(DateTimeZoneProviders.Tzdb["America/Los_Angeles"]).Date, west.ClosedOn);
    }

    [Fact]
    public void A_state_never_opened_is_refused_by_name()
    {
        var error = Assert.Throws<KamValidationException>(() => AttainmentOpportunity.From(OpportunityState.Initial(StageScenario.Playbook), DateTimeZone.Utc));
        Assert.Equal("state", Assert.Single(error.Errors).Path);
    }
}
