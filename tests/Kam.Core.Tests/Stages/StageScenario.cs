using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>Builds event streams for tests: one event per day from a fixed start.</summary>
internal sealed class StageScenario
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    public static readonly PersonId Alice = PersonId.Parse("alice");
    public static readonly PersonId Bob = PersonId.Parse("bob");
    public static readonly PersonId Carol = PersonId.Parse("carol");

    private readonly List<OpportunityEvent> _events = [];
    private Instant _now;

    public static readonly AccountId Acme = AccountId.Parse("ACME");

    public StageScenario(string id, PersonId? owner = null, decimal value = 100_000m, LocalDate? expectedClose = null, Instant? start = null, AccountId? account = null)
    {
        _now = start ?? Start;
        Owner = owner ?? Alice;
        Account = account ?? Acme;
        _events.Add(new OpportunityOpened(_now, Owner, OpportunityId.Parse(id), Account, Owner, Money.Of(value, "CNY"), expectedClose ?? new LocalDate(2026, 6, 30)));
    }

    public PersonId Owner { get; }

    public AccountId Account { get; }

    public IReadOnlyList<OpportunityEvent> Events => _events;

    public Instant Now => _now;

    public static Playbook Playbook => Kam.Core.Stages.Playbooks.Playbook.Default;

    public StageScenario Milestone(string key) => Add(at => new MilestoneItemDone(at, Owner, key));

    public StageScenario Undo(string key) => Add(at => new MilestoneItemUndone(at, Owner, key));

    public StageScenario Success(string key) => Add(at => new SuccessItemMet(at, Owner, key));

    public StageScenario Withdraw(string key) => Add(at => new SuccessItemWithdrawn(at, Owner, key));

    public StageScenario Procurement(ProcurementStage stage) => Add(at => new ProcurementStageObserved(at, Owner, stage));

    public StageScenario Add(Func<Instant, OpportunityEvent> make)
    {
        _now = _now.Plus(Duration.FromDays(1));
        _events.Add(make(_now));
        return this;
    }

    /// <summary>Enters every required milestone of a stage.</summary>
    public StageScenario Enter(SalesStage stage)
    {
        foreach (var item in Playbook.ItemsOf(stage, StageItemKind.Milestone).Where(i => i.Required))
        {
            Milestone(item.Key);
        }

        return this;
    }

    /// <summary>Meets every required success criterion of a stage.</summary>
    public StageScenario Complete(SalesStage stage)
    {
        foreach (var item in Playbook.ItemsOf(stage, StageItemKind.SuccessCriterion).Where(i => i.Required))
        {
            Success(item.Key);
        }

        return this;
    }

    /// <summary>Completes stages 1..k-1 and enters stage k (k = 0: nothing).</summary>
    public StageScenario InStage(int k)
    {
        for (var s = 1; s < k; s++)
        {
            Enter((SalesStage)s).Complete((SalesStage)s);
        }

        return k > 0 ? Enter((SalesStage)k) : this;
    }

    public Opportunity Replay() => Opportunity.Replay(Playbook, _events);

    public OpportunityState State => Replay().State;
}
