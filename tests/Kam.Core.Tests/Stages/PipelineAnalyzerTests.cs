using Kam.Core.DependencyInjection;
using Kam.Core.Stages;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

public sealed class PipelineAnalyzerTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);

    /// <summary>The rule book's example (rule book: stages, the deal-control system): 28 projects of 3 salespeople, 6/5/5/4/3/2/2/1 over stages 1..8.</summary>
    internal static OpportunityState[] RuleBookPipeline()
    {
        int[] distribution = [6, 5, 5, 4, 3, 2, 2, 1];
        PersonId[] owners = [StageScenario.Alice, StageScenario.Bob, StageScenario.Carol];
        var states = new List<OpportunityState>();
        var n = 0;
        for (var stage = 1; stage <= 8; stage++)
        {
            for (var i = 0; i < distribution[stage - 1]; i++, n++)
            {
                states.Add(new StageScenario($"P-{n + 1:000}", owners[n % 3], expectedClose: new LocalDate(2026, 6, 30)).InStage(stage).State);
            }
        }

        return [.. states];
    }

    [Fact]
    public void The_seeds_28_projects_give_the_seeds_distribution_and_bands()
    {
        var summary = Analyzer.Summarize(RuleBookPipeline(), AsOf);
        var rows = summary.ByStage();
        Assert.Null(rows[0].Stage);
        Assert.Equal(0, rows[0].Figures.Count);
        Assert.Equal([6L, 5, 5, 4, 3, 2, 2, 1], rows.Skip(1).Select(r => r.Figures.Count));
        Assert.Equal(28, summary.Total.Count);
        Assert.Equal(Money.Of(2_800_000m, "CNY"), summary.Total.Value);
        Assert.Equal([11L, 12, 5], summary.ByFunnel().Select(f => f.Figures.Count));
        Assert.Equal([StageScenario.Alice, StageScenario.Bob, StageScenario.Carol], summary.Owners);
        Assert.Equal(28, summary.ByOwner().Sum(o => o.Figures.Count));
        Assert.Equal([10L, 9, 9], summary.ByOwner().Select(o => o.Figures.Count));

        // "有5个销售项目处于客户拜访与初步调研阶段，其项目的销售成功率在10%到20%之间"
        Assert.All(RuleBookPipeline().Where(s => s.Stage == SalesStage.CustomerVisit), s => Assert.Equal("10%–20%", s.Band.ToString()));
        Assert.All(RuleBookPipeline().Where(s => s.Stage == SalesStage.ContractSigned), s => Assert.Equal("90%–100%", s.Band.ToString()));
    }

    [Fact]
    public void The_forecast_weights_value_by_the_earned_probability()
    {
        var summary = Analyzer.Summarize(RuleBookPipeline(), AsOf);
        var quarter = Assert.Single(summary.Forecast());
        Assert.Equal("FY2026-Q2", quarter.Period.ToString());
        // 100,000 × (5×10% + 5×20% + 4×25% + 3×30% + 2×50% + 2×75% + 1×90%) = 680,000
        Assert.Equal(Money.Of(680_000m, "CNY"), quarter.Figures.Weighted);
        Assert.Equal(Money.Of(300_000m, "CNY"), quarter.Figures.Commit);   // stages 7 and 8: earned ≥ 75%
        Assert.Equal(Money.Of(800_000m, "CNY"), quarter.Figures.BestCase); // stages 5-8: band reaches ≥ 50%
        Assert.Equal(quarter.Figures.Key(), summary.ByOwner().Select(o => o.Figures).Aggregate((a, b) => new PipelineFigures(a.Count + b.Count, a.Value + b.Value, a.Weighted + b.Weighted, a.Commit + b.Commit, a.BestCase + b.BestCase)).Key());
    }

    [Fact]
    public void One_opportunitys_progress_view()
    {
        var state = new StageScenario("001").InStage(2).Procurement(ProcurementStage.ApproveProject).State;
        var view = Analyzer.Progress(state, AsOf);
        Assert.Equal(SalesStage.CustomerVisit, view.Stage);
        Assert.Equal(SalesStage.AccountPlanning, view.CompletedStage);
        Assert.Equal("10%–20%", view.Band.ToString());
        Assert.Equal(FunnelState.Search, view.Funnel);
        Assert.Equal(["s2.proposal-requested"], view.NextRequiredItems.Select(i => i.Key));
        Assert.Equal(ProgressAlignment.Behind, view.Progress.Alignment);
        Assert.Equal((int)(AsOf - state.StageSince).TotalDays, view.DaysInStage);
        Assert.Throws<KamValidationException>(() => Analyzer.Progress(OpportunityState.Initial(Playbook.Default), AsOf));
    }

    [Fact]
    public void Anomalies_name_the_opportunity_the_code_and_why()
    {
        var bob = StageScenario.Bob;
        OpportunityState[] states =
        [
            new StageScenario("stuck", start: AsOf.Minus(Duration.FromDays(200))).InStage(1).State,
            new StageScenario("skip").InStage(1).Complete(SalesStage.AccountPlanning).Enter(SalesStage.PreliminaryProposal).State,
            new StageScenario("back").InStage(3).Undo("s3.proposal-submitted").State,
            new StageScenario("behind").InStage(1).Procurement(ProcurementStage.SetCriteria).State,
            new StageScenario("ahead").InStage(4).Procurement(ProcurementStage.StudyFeasibility).State,
            new StageScenario("abandon").InStage(4).Procurement(ProcurementStage.CommercialNegotiation).State,
            new StageScenario("late", expectedClose: new LocalDate(2026, 2, 1)).InStage(2).State,
            new StageScenario("big", value: 5_000_000m, expectedClose: new LocalDate(2026, 3, 20)).InStage(3).State,
            new StageScenario("b1", bob).InStage(5).State,
            new StageScenario("b2", bob).InStage(5).State,
            new StageScenario("b3", bob).InStage(5).State,
        ];
        var anomalies = Analyzer.Summarize(states, AsOf).Anomalies;

        void Has(PipelineAnomalyKind kind, string? id, long measure)
        {
            var found = anomalies.Where(a => a.Kind == kind && a.Opportunity?.Value == id).ToArray();
            Assert.True(found.Length == 1, $"{kind} {id}: {string.Join("; ", anomalies)}");
            Assert.Equal(measure, found[0].Measure);
            Assert.False(string.IsNullOrWhiteSpace(found[0].Reason));
        }

        Has(PipelineAnomalyKind.StuckInStage, "stuck", 196);
        Has(PipelineAnomalyKind.SkippedStage, "skip", 1 << 1);
        Has(PipelineAnomalyKind.Regression, "back", 1);
        Has(PipelineAnomalyKind.BehindProcurement, "behind", 3);
        Has(PipelineAnomalyKind.AheadOfProcurement, "ahead", 2);
        Has(PipelineAnomalyKind.AbandonCandidate, "abandon", 7);
        Has(PipelineAnomalyKind.CloseDatePassed, "late", 28);
        Has(PipelineAnomalyKind.HighValueLowProbability, "big", 19);
        Has(PipelineAnomalyKind.NoNewProjects, null, 3);
        Has(PipelineAnomalyKind.AllInOneStage, null, 3);
        Assert.Equal("stuck_in_stage", anomalies.First(a => a.Kind == PipelineAnomalyKind.StuckInStage).Code);
        Assert.DoesNotContain(anomalies, a => a.Owner == StageScenario.Alice && a.Opportunity is null); // Alice's pipeline is spread out
    }

    [Fact]
    public void Closed_opportunities_give_conversion_rates_win_rates_and_durations()
    {
        var won1 = new StageScenario("w1").InStage(8).Complete(SalesStage.ContractSigned).Add(at => new OpportunityWon(at, StageScenario.Alice));
        var won2 = new StageScenario("w2").InStage(8).Complete(SalesStage.ContractSigned).Add(at => new OpportunityWon(at, StageScenario.Alice));
        var lost = new StageScenario("l1").InStage(5).Complete(SalesStage.FormalSolutionDesign).Add(at => new OpportunityLost(at, StageScenario.Alice));
        var gaveUp = new StageScenario("a1").InStage(2).Add(at => new OpportunityAbandoned(at, StageScenario.Alice, "no budget"));
        var summary = Analyzer.Summarize([won1.State, won2.State, lost.State, gaveUp.State], AsOf);
        var conversion = summary.Conversion;

        Assert.Equal(0, summary.Total.Count); // closed ones are not in the open pipeline
        Assert.Equal(4, conversion.Closed);
        Assert.Equal(2, conversion.Won);
        var stage2 = conversion.Stages[1];
        Assert.Equal(4, stage2.Entered);
        Assert.Equal(3, stage2.Advanced);
        Assert.Equal(Percentage.FromPercent(75), stage2.ConversionToNext);
        Assert.Equal(Percentage.FromFraction(2m / 3m), conversion.Stages[4].WinRateAfterCompletion); // 3 completed stage 5, 2 won
        Assert.Equal(Percentage.FromPercent(50), conversion.Stages[0].WinRateAfterCompletion); // all 4 completed stage 1, 2 won
        Assert.Equal(2, conversion.Stages[4].WonAfterCompleted);
        Assert.Equal(3, conversion.Stages[4].Completed);
        Assert.Equal(Percentage.Hundred, conversion.Stages[7].WinRateAfterCompletion);
        // One event a day: stage 1 is entered on day 4 (its 4th milestone) and stage 2 on day 8 (1 success + 3 milestones later).
        Assert.Equal(4d, conversion.Stages[0].MeanDaysInStage);
        Assert.Null(conversion.MeasuredProbabilities()); // win rates 50%, 66.7%, 66.7% … do not rise strictly
    }

    [Fact]
    public void Summaries_of_partitions_merge_into_the_summary_of_the_whole()
    {
        var all = RuleBookPipeline();
        var whole = Analyzer.Summarize(all, AsOf);
        var left = Analyzer.Summarize(all.AsSpan(0, 10), AsOf);
        var right = Analyzer.Summarize(all.AsSpan(10), AsOf);
        Assert.Equal(whole, left.Merge(right));
        Assert.Equal(whole, right.Merge(left));
        Assert.Equal(whole, DealControlSummary.Empty(Currency.CNY).Merge(whole));
        Assert.Equal(whole.ByStage().Select(r => (r.Stage, r.Figures.Key())), right.Merge(left).ByStage().Select(r => (r.Stage, r.Figures.Key())));
        Assert.Throws<CurrencyMismatchException>(() => whole.Merge(DealControlSummary.Empty(Currency.USD)));
        Assert.Throws<KamValidationException>(() => whole.Merge(DealControlSummary.Empty(Currency.CNY, new AnomalyPolicy(maxDaysInStage: 5))));
    }

    [Fact]
    public void Opportunities_in_another_currency_or_not_opened_are_refused()
    {
        var usd = new PipelineAnalyzer(Currency.USD);
        Assert.Throws<CurrencyMismatchException>(() => usd.Summarize(RuleBookPipeline(), AsOf));
        var ex = Assert.Throws<KamValidationException>(() => Analyzer.Summarize([RuleBookPipeline()[0], OpportunityState.Initial(Playbook.Default)], AsOf));
        Assert.Equal("states[1]", ex.Errors[0].Path);
    }

    [Fact]
    public void AddKamCore_registers_the_analyzer_with_the_stages_options()
    {
        using var services = new ServiceCollection()
            .AddKamCore(o => o.Stages = new StagesOptions(anomalies: new AnomalyPolicy(maxDaysInStage: 30)))
            .BuildServiceProvider();
        var analyzer = services.GetRequiredService<IPipelineAnalyzer>();
        Assert.Equal(30, analyzer.Options.Anomalies.MaxDaysInStage);
        Assert.Same(Playbook.Default, services.GetRequiredService<Playbook>());
        Assert.Same(analyzer, services.GetRequiredService<IPipelineAnalyzer>());

        // An invalid policy cannot exist, so it cannot reach the options; a missing section is still refused at start.
        Assert.Equal("maxDaysInStage", Assert.Single(Assert.Throws<KamValidationException>(() => new AnomalyPolicy(maxDaysInStage: 0)).Errors).Path);
        Assert.Equal(["options.Stages"], Kam.Core.Tests.DependencyInjection.AddKamCoreTests.FailedPaths(o => o.Stages = null!));
    }
}
