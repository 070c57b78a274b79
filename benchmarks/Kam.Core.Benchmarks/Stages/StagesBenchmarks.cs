using BenchmarkDotNet.Attributes;
using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Benchmarks.Stages;

/// <summary>
/// The stage machine at scale: replaying 1,000,000 opportunities of 20 events each and computing all four
/// deal-control views (goal: under 2 s on one core), and applying one event (goal: under 1 µs).
/// </summary>
[MemoryDiagnoser]
public class StagesBenchmarks
{
    private const int Opportunities = 1_000_000;
    private const int EventsPerOpportunity = 20;
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    private readonly Playbook _playbook = Playbook.Default;
    private readonly PipelineAnalyzer _analyzer = new(Currency.CNY);
    private OpportunityEvent[][] _streams = [];
    private OpportunityState[] _states = [];
    private OpportunityState _opened;
    private OpportunityEvent _next = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var people = Enumerable.Range(1, 50).Select(i => PersonId.Parse($"rep-{i:00}")).ToArray();
        var templates = Enumerable.Range(0, 512).Select(_ => Template(random, people[0], _playbook)).ToArray();
        _streams = new OpportunityEvent[Opportunities][];
        for (var i = 0; i < Opportunities; i++)
        {
            var owner = people[random.Next(people.Length)];
            var opened = new OpportunityOpened(T0, owner, OpportunityId.Parse($"OPP-{i:0000000}"), AccountId.Parse($"ACC-{i % 20_000:00000}"), owner, new Money(random.Next(10_000, 5_000_000), Currency.CNY), new LocalDate(2026, 1, 1).PlusDays(random.Next(0, 720)));
            _streams[i] = [opened, .. templates[random.Next(templates.Length)]];
        }

        _states = new OpportunityState[Opportunities];
        _opened = OpportunityState.Initial(_playbook).Apply(_streams[0][0]);

        _next = new MilestoneItemDone(T0.Plus(Duration.FromDays(1)), people[0], "s1.customer-graded");
    }

    [Benchmark(Description = "Replay 1,000,000 opportunities x 20 events + pipeline, anomalies, forecast, conversion")]
    public long ReplayAndSummarize()
    {
        var streams = _streams;
        var states = _states;
        for (var i = 0; i < streams.Length; i++)
        {
            var state = OpportunityState.Initial(_playbook);
            foreach (var e in streams[i])
            {
                state.TryApply(e, out state, out _);
            }

            states[i] = state;
        }

        var summary = _analyzer.Summarize(states, AsOf);
        return summary.Total.Count + summary.Anomalies.Count + summary.Forecast().Count + summary.Conversion.Closed;
    }

    [Benchmark(Description = "Apply one event")]
    public OpportunityState ApplyOneEvent() => _opened.Apply(_next);

    /// <summary>The events after the opening of one opportunity (20 with it): milestones and criteria up to a random stage, value changes, a new close date, then won, lost or a milestone undone; also used by the account-review benchmark.</summary>
    internal static OpportunityEvent[] Template(Random random, PersonId by, Playbook playbook)
    {
        var events = new List<OpportunityEvent>();
        var at = T0;
        var target = random.Next(0, 9);
        void Add(Func<Instant, OpportunityEvent> make)
        {
            at = at.Plus(Duration.FromDays(random.Next(1, 6)));
            events.Add(make(at));
        }

        for (var stage = 1; stage <= target && events.Count < EventsPerOpportunity - 3; stage++)
        {
            foreach (var item in playbook.ItemsOf((SalesStage)stage, StageItemKind.Milestone))
            {
                Add(t => new MilestoneItemDone(t, by, item.Key));
            }

            if (stage % 3 == 0)
            {
                Add(t => new ProcurementStageObserved(t, by, (ProcurementStage)stage));
            }

            foreach (var item in playbook.ItemsOf((SalesStage)stage, StageItemKind.SuccessCriterion))
            {
                Add(t => new SuccessItemMet(t, by, item.Key));
            }
        }

        while (events.Count < EventsPerOpportunity - 2)
        {
            Add(t => new ValueChanged(t, by, new Money(random.Next(10_000, 5_000_000), Currency.CNY)));
        }

        if (events.Count > EventsPerOpportunity - 2)
        {
            events.RemoveRange(EventsPerOpportunity - 2, events.Count - (EventsPerOpportunity - 2));
        }

        Add(t => new ExpectedCloseChanged(t, by, new LocalDate(2026, 1, 1).PlusDays(random.Next(0, 720))));
        switch (random.Next(0, 5))
        {
            case 0:
                Add(t => new OpportunityWon(t, by));
                break;
            case 1:
                Add(t => new OpportunityLost(t, by, "price"));
                break;
            default:
                var milestones = playbook.Items.Where(i => i.Kind == StageItemKind.Milestone).ToArray();
                Add(t => new MilestoneItemUndone(t, by, milestones[random.Next(milestones.Length)].Key));
                break;
        }

        return [.. events];
    }
}
