using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>The laws of the stage machine and of the deal-control summaries, over random event streams.</summary>
public sealed class StageProperties
{
    private static readonly Playbook Book = Playbook.Default;
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);
    private static readonly Instant AsOf = Instant.FromUtc(2026, 4, 1, 0, 0);

    /// <summary>A random command: what to do, with which item, how many hours later (negative: out of order).</summary>
    private static readonly Gen<(int Kind, int Item, int Hours)> Command =
        from kind in Gen.Frequency((30, Gen.Choose(0, 0)), (25, Gen.Choose(1, 1)), (6, Gen.Choose(2, 3)), (5, Gen.Choose(4, 7)), (1, Gen.Choose(8, 10)))
        from item in Gen.Choose(0, Book.Items.Count + 1)
        from hours in Gen.Frequency((9, Gen.Choose(0, 72)), (1, Gen.Choose(-48, -1)))
        select (kind, item, hours);

    private static readonly Gen<OpportunityEvent[]> Stream =
        from id in Gen.Choose(1, 9999)
        from owner in Gen.Elements(StageScenario.Alice, StageScenario.Bob, StageScenario.Carol)
        from account in Gen.Elements("ACME", "BETA", "GAMMA", "DELTA")
        from value in Gen.Choose(0, 2_000_000)
        from commands in Gen.ListOf(Command)
        select ToEvents(id, AccountId.Parse(account), owner, value, commands);

    private static OpportunityEvent[] ToEvents(int id, AccountId account, PersonId owner, int value, IEnumerable<(int Kind, int Item, int Hours)> commands)
    {
        var at = StageScenario.Start.Plus(Duration.FromDays(id % 40));
        var events = new List<OpportunityEvent> { new OpportunityOpened(at, owner, OpportunityId.Parse($"G-{id}"), account, owner, Money.Of(value, "CNY"), new LocalDate(2026, 1, 1).PlusDays(id % 365)) };
        foreach (var (kind, item, hours) in commands)
        {
            at = at.Plus(Duration.FromHours(hours));
            var key = item < Book.Items.Count ? Book.Items[item].Key : "unknown." + item;
            var milestone = item < Book.Items.Count && Book.Items[item].Kind == StageItemKind.Milestone;
            events.Add(kind switch
            {
                0 => milestone ? new MilestoneItemDone(at, owner, key) : new SuccessItemMet(at, owner, key),
                1 => milestone ? new SuccessItemMet(at, owner, key) : new MilestoneItemDone(at, owner, key), // mostly wrong kind: refused
                2 => new MilestoneItemUndone(at, owner, key),
                3 => new SuccessItemWithdrawn(at, owner, key),
                4 => new ProcurementStageObserved(at, owner, (ProcurementStage)(1 + (item % 8))),
                5 => new ValueChanged(at, owner, Money.Of(item * 1000m, item % 7 == 0 ? "USD" : "CNY")),
                6 => new ExpectedCloseChanged(at, owner, new LocalDate(2026, 1, 1).PlusDays(item * 5)),
                7 => new OwnerChanged(at, owner, item % 2 == 0 ? StageScenario.Bob : StageScenario.Carol),
                8 => new OpportunityWon(at, owner),
                9 => new OpportunityLost(at, owner),
                _ => new OpportunityAbandoned(at, owner, item % 3 == 0 ? "" : "no budget"),
            });
        }

        return [.. events];
    }

    private static IEnumerable<PipelineAnomaly> Sorted(IEnumerable<PipelineAnomaly> anomalies) =>
        anomalies.OrderBy(a => a.Owner).ThenBy(a => a.Opportunity ?? default).ThenBy(a => a.Kind).ThenBy(a => a.Measure);

    private static OpportunityState Fold(IEnumerable<OpportunityEvent> events)
    {
        var state = OpportunityState.Initial(Book);
        foreach (var e in events)
        {
            state.TryApply(e, out var next, out _);
            state = next;
        }

        return state;
    }

    [Property(MaxTest = 200)]
    public Property Replaying_the_same_events_gives_the_same_state() =>
        Prop.ForAll(Stream.ToArbitrary(), events => Fold(events) == Fold(events.ToArray()));

    [Property(MaxTest = 200)]
    public Property Every_event_either_applies_or_is_refused_leaving_the_state_unchanged() =>
        Prop.ForAll(Stream.ToArbitrary(), events =>
        {
            var state = OpportunityState.Initial(Book);
            foreach (var e in events)
            {
                var before = state;
                if (state.TryApply(e, out var next, out var error))
                {
                    if (error is not null || next.Version != before.Version + 1 || next.LastEventAt != e.At)
                    {
                        return false;
                    }

                    state = next;
                }
                else if (error is null || next != before || before != state)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property Probability_and_stages_never_decrease_without_an_undo() =>
        Prop.ForAll(Stream.ToArbitrary(), events =>
        {
            var state = OpportunityState.Initial(Book);
            foreach (var e in events)
            {
                if (!state.TryApply(e, out var next, out _))
                {
                    continue;
                }

                if (e is not (MilestoneItemUndone or SuccessItemWithdrawn) && state.IsOpened
                    && (next.Probability < state.Probability || (int)(next.Stage ?? 0) < (int)(state.Stage ?? 0) || next.RegressionCount != state.RegressionCount))
                {
                    return false;
                }

                state = next;
            }

            return state.Band.Low <= state.Band.High && state.Probability == state.Band.Low;
        });

    private static IEnumerable<(AccountId, (long, Money, Money, Money, Money))> ByAccount(DealControlSummary summary) =>
        summary.Accounts.SelectMany(a => summary.ForecastOf(a).Select(p => (a, p.Figures.Key())).Append((a, summary.ByAccount().Single(r => r.Account == a).Figures.Key())));

    [Property(MaxTest = 60)]
    public Property The_accounts_share_out_the_whole_pipeline_in_every_period() =>
        Prop.ForAll(Gen.ListOf(Stream).Select(l => l.ToArray()).ToArbitrary(), streams =>
        {
            var summary = Analyzer.Summarize(streams.Select(Fold).Where(s => s.IsOpened).ToArray(), AsOf);
            static (long, decimal, decimal, decimal, decimal) Sum(IEnumerable<PipelineFigures> figures) =>
                figures.Aggregate(default((long, decimal, decimal, decimal, decimal)), (t, f) => (t.Item1 + f.Count, t.Item2 + f.Value.Amount, t.Item3 + f.Weighted.Amount, t.Item4 + f.Commit.Amount, t.Item5 + f.BestCase.Amount));
            static (long, decimal, decimal, decimal, decimal) Of(PipelineFigures f) => (f.Count, f.Value.Amount, f.Weighted.Amount, f.Commit.Amount, f.BestCase.Amount);
            return Sum(summary.ByAccount().Select(a => a.Figures)) == Of(summary.Total)
                && summary.Forecast().All(p => Sum(summary.ByAccount(p.Period).Select(a => a.Figures)) == Of(p.Figures))
                && summary.Accounts.All(a => Sum(summary.ByStageOf(a).Select(s => s.Figures)) == Of(summary.ByAccount().Single(r => r.Account == a).Figures))
                && summary.ByStage().Select((row, k) => Sum(summary.Accounts.Select(a => summary.ByStageOf(a)[k].Figures)) == Of(row.Figures)).All(x => x);
        });

    [Property(MaxTest = 60)]
    public Property Summaries_merge_associatively_and_commutatively_to_the_whole() =>
        Prop.ForAll(Gen.ListOf(Stream).Select(l => l.ToArray()).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (streams, cut1, cut2) =>
        {
            var states = streams.Select(Fold).Where(s => s.IsOpened).ToArray();
            int i = states.Length * Math.Min(cut1, cut2) / 100, j = states.Length * Math.Max(cut1, cut2) / 100;
            var a = Analyzer.Summarize(states.AsSpan(0, i), AsOf);
            var b = Analyzer.Summarize(states.AsSpan(i, j - i), AsOf);
            var c = Analyzer.Summarize(states.AsSpan(j), AsOf);
            var whole = Analyzer.Summarize(states, AsOf);
            var empty = DealControlSummary.Empty(Currency.CNY);
            return whole.Equals(a.Merge(b).Merge(c))
                && whole.Equals(a.Merge(b.Merge(c)))
                && whole.Equals(c.Merge(a).Merge(b))
                && whole.Equals(empty.Merge(whole))
                && whole.Total.Key() == c.Merge(b).Merge(a).Total.Key()
                && ByAccount(whole).SequenceEqual(ByAccount(c.Merge(b).Merge(a)))
                && ByAccount(whole).SequenceEqual(ByAccount(a.Merge(b.Merge(c))))
                && Sorted(whole.Anomalies).Select(x => x.Key()).SequenceEqual(Sorted(b.Merge(c).Merge(a).Anomalies).Select(x => x.Key()));
        });
}
