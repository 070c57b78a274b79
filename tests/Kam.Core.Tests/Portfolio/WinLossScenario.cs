using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Tests.Portfolio;

/// <summary>Builds closed opportunities and accounts for the win/loss and churn tests.</summary>
internal static class WinLossScenario
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    public static readonly PersonId Alice = PersonId.Parse("alice");
    public static readonly PersonId Bob = PersonId.Parse("bob");
    public static readonly UnitId Unit = UnitId.Parse("KA");

    public static Account NewAccount(string id, string? industry) => new(AccountId.Parse(id), id, AccountLevel.Headquarters, Alice, Unit, industry: industry);

    /// <summary>An opportunity opened at <paramref name="opened"/>, taken to <paramref name="stage"/> and closed <paramref name="days"/> days after opening.</summary>
    public static OpportunityState Closed(string id, string account, PersonId owner, decimal value, int stage, int days, Func<Instant, PersonId, OpportunityEvent> close, Instant? opened = null, string currency = "CNY")
    {
        var start = opened ?? Start;
        var events = new List<OpportunityEvent> { new OpportunityOpened(start, owner, OpportunityId.Parse(id), AccountId.Parse(account), owner, Money.Of(value, currency), new LocalDate(2026, 6, 30)) };
        var at = start;
        for (var k = 1; k <= stage; k++)
        {
            foreach (var item in Playbook.Default.ItemsOf((SalesStage)k, StageItemKind.Milestone).Where(i => i.Required))
            {
                at = at.Plus(Duration.FromMinutes(1));
                events.Add(new MilestoneItemDone(at, owner, item.Key));
            }
        }

        var closing = start.Plus(Duration.FromDays(days));
        events.Add(close(closing > at ? closing : at.Plus(Duration.FromMinutes(1)), owner));
        return Opportunity.Replay(Playbook.Default, events).State;
    }

    public static Func<Instant, PersonId, OpportunityEvent> Won(string? code = null) => (at, by) => new OpportunityWon(at, by, code);

    public static Func<Instant, PersonId, OpportunityEvent> Lost(string? code = null, string? competitor = null) => (at, by) => new OpportunityLost(at, by, "free text", code, competitor);

    public static Func<Instant, PersonId, OpportunityEvent> Abandoned(string? code = null) => (at, by) => new OpportunityAbandoned(at, by, "free text", code);

    /// <summary>The worked example of docs/portfolio.md: five closed opportunities of three accounts.</summary>
    public static OpportunityState[] DocExample() =>
    [
        Closed("W1", "CITY", Alice, 80_000m, 7, 40, Won("won-value")),
        Closed("W2", "MINE", Bob, 500_000m, 8, 100, Won("won-relationship")),
        Closed("L1", "CITY", Alice, 300_000m, 5, 60, Lost("lost-price", "Rival Co")),
        Closed("L2", "TOWER", Bob, 1_200_000m, 6, 120, Lost("lost-competitor-offer", "Rival Co")),
        Closed("A1", "CITY", Alice, 50_000m, 2, 30, Abandoned("abandoned-behind")),
    ];

    public static Account[] DocAccounts() => [NewAccount("CITY", "government"), NewAccount("MINE", "mining"), NewAccount("TOWER", "real estate")];
}
