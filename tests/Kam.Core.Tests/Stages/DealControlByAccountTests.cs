using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>Every opportunity belongs to an account: the state, the progress view, the anomalies and the pipeline views by account.</summary>
public sealed class DealControlByAccountTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);
    private static readonly AccountId Beta = AccountId.Parse("BETA");
    private static readonly AccountId Gamma = AccountId.Parse("GAMMA");

    // ACME: 100,000 in stage 2 closing in Q2 and 50,000 before stage 1 closing in Q1 (Bob's); BETA: 40,000 in stage 5
    // closing in Q2 and a won one; GAMMA: only a lost one.
    private static OpportunityState[] States() =>
    [
        new StageScenario("P-1", value: 100_000m).InStage(2).State,
        new StageScenario("P-2", StageScenario.Bob, 50_000m, new LocalDate(2026, 3, 31)).State,
        new StageScenario("P-3", value: 40_000m, account: Beta).InStage(5).State,
        new StageScenario("P-4", value: 70_000m, account: Beta).InStage(3).Add(at => new OpportunityWon(at, StageScenario.Alice)).State,
        new StageScenario("P-5", StageScenario.Carol, account: Gamma).Add(at => new OpportunityLost(at, StageScenario.Carol)).State,
    ];

    [Fact]
    public void The_account_is_carried_by_the_event_the_state_the_opportunity_the_progress_and_the_anomalies()
    {
        var scenario = new StageScenario("P-9", account: Beta).InStage(2);
        var opened = Assert.IsType<OpportunityOpened>(scenario.Events[0]);
        Assert.Equal(Beta, opened.Account);
        Assert.Equal(Beta, scenario.State.Account);
        Assert.Equal(Beta, scenario.Replay().Account);
        Assert.Equal(Beta, Analyzer.Progress(scenario.State, AsOf).Account);
        Assert.Equal(default, OpportunityState.Initial(StageScenario.Playbook).Account);

        // The close date passed: an anomaly of the opportunity, which names its account; the salesperson's own have none.
        var late = new StageScenario("P-10", expectedClose: new LocalDate(2026, 1, 31), account: Beta).State;
        var summary = Analyzer.Summarize([late, scenario.State], AsOf);
        var anomaly = Assert.Single(summary.Anomalies, a => a.Kind == PipelineAnomalyKind.CloseDatePassed);
        Assert.Equal(Beta, anomaly.Account);
        Assert.All(summary.Anomalies.Where(a => a.Opportunity is null), a => Assert.Null(a.Account));
    }

    [Fact]
    public void The_open_pipeline_is_summed_per_account_and_per_period()
    {
        var summary = Analyzer.Summarize(States(), AsOf);
        Assert.Equal([StageScenario.Acme, Beta], summary.Accounts); // GAMMA has no open project
        var rows = summary.ByAccount();
        Assert.Equal([StageScenario.Acme, Beta], rows.Select(r => r.Account));
        Assert.Equal([2L, 1], rows.Select(r => r.Figures.Count));
        Assert.Equal([Money.Of(150_000m, "CNY"), Money.Of(40_000m, "CNY")], rows.Select(r => r.Figures.Value));

        // Stage 2 entered means stage 1 completed: 10% earned; stage 5 entered: stage 4 completed, 30%.
        Assert.Equal([Money.Of(10_000m, "CNY"), Money.Of(12_000m, "CNY")], rows.Select(r => r.Figures.Weighted));
        Assert.Equal(summary.Total.Key(), (rows.Sum(r => r.Figures.Count), Sum(rows, f => f.Value), Sum(rows, f => f.Weighted), Sum(rows, f => f.Commit), Sum(rows, f => f.BestCase)));

        var q1 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 3, 31), PeriodKind.Quarter);
        var q2 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 6, 30), PeriodKind.Quarter);
        var inQ1 = Assert.Single(summary.ByAccount(q1));
        Assert.Equal(StageScenario.Acme, inQ1.Account);
        Assert.Equal(Money.Of(50_000m, "CNY"), inQ1.Figures.Value);
        Assert.Equal([StageScenario.Acme, Beta], summary.ByAccount(q2).Select(r => r.Account));

        Assert.Equal([1L, 0, 1, 0, 0, 0, 0, 0, 0], summary.ByStageOf(StageScenario.Acme).Select(s => s.Figures.Count));
        Assert.Equal([0L, 0, 1, 0, 0, 0, 0, 0, 0], summary.ByStageOf(StageScenario.Acme, q2).Select(s => s.Figures.Count));
        Assert.Equal([0L, 1, 0], summary.ByFunnelOf(Beta).Select(f => f.Figures.Count));
        Assert.Equal([2L, 0, 0], summary.ByFunnelOf(StageScenario.Acme).Select(f => f.Figures.Count));
        Assert.Equal([q1, q2], summary.ForecastOf(StageScenario.Acme).Select(p => p.Period));
        Assert.Equal([Money.Of(50_000m, "CNY"), Money.Of(100_000m, "CNY")], summary.ForecastOf(StageScenario.Acme).Select(p => p.Figures.Value));

        // An account without open projects: zero rows, no forecast.
        Assert.All(summary.ByStageOf(Gamma), s => Assert.Equal(0, s.Figures.Count));
        Assert.Empty(summary.ForecastOf(Gamma));

        // The owner views are unchanged by the account dimension.
        Assert.Equal([2L, 1], summary.ByOwner().Select(o => o.Figures.Count)); // Alice: P-1 and P-3; Bob: P-2
    }

    [Fact]
    public void Equality_does_not_depend_on_merge_order_when_anomalies_differ_only_by_account()
    {
        // Two opportunities with the same identifier in two accounts, both past their close date: the same anomaly but
        // for the account. Summaries merged in either order are equal (the canonical order includes the account).
        var acme = new StageScenario("P-9", expectedClose: new LocalDate(2026, 1, 31)).InStage(1).State;
        var beta = new StageScenario("P-9", expectedClose: new LocalDate(2026, 1, 31), account: Beta).InStage(1).State;
        var left = Analyzer.Summarize([acme], AsOf);
        var right = Analyzer.Summarize([beta], AsOf);

        Assert.Equal(2, left.Merge(right).Anomalies.Count(a => a.Kind == PipelineAnomalyKind.CloseDatePassed));
        Assert.Equal(left.Merge(right), right.Merge(left));
        Assert.Equal(Analyzer.Summarize([acme, beta], AsOf), Analyzer.Summarize([beta, acme], AsOf));
    }

    [Fact]
    public void The_account_views_merge_and_take_part_in_equality()
    {
        var states = States();
        var whole = Analyzer.Summarize(states, AsOf);
        var merged = Analyzer.Summarize(states.AsSpan(2), AsOf).Merge(Analyzer.Summarize(states.AsSpan(0, 2), AsOf));
        Assert.Equal(whole, merged);
        Assert.Equal(whole.ByAccount().Select(r => (r.Account, r.Figures.Key())), merged.ByAccount().Select(r => (r.Account, r.Figures.Key())));

        // The same owner cells but another account: not equal.
        var moved = new StageScenario("P-1", value: 100_000m, account: Gamma).InStage(2).State;
        Assert.NotEqual(whole, Analyzer.Summarize([moved, .. states.Skip(1)], AsOf));
    }

    private static Money Sum(IEnumerable<AccountFigures> rows, Func<PipelineFigures, Money> of) =>
        Money.Of(rows.Sum(r => of(r.Figures).Amount), "CNY");
}
