using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// Deal-control edges: the progress view of an unopened state, the periods of consecutive expected closes, the
/// identity and the refusals of a merge, and which anomaly policies count as the same rules.
/// </summary>
public sealed class DealControlEdgeTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static PipelineAnalyzer Monthly() =>
        new(new StagesOptions(forecast: new ForecastPolicy(PeriodKind.Month)), FiscalCalendar.Calendar, Currency.CNY);

    [Fact]
    public void The_progress_view_needs_an_opened_opportunity()
    {
        var analyzer = new PipelineAnalyzer(Currency.CNY);
        var ex = Assert.Throws<KamValidationException>(() => analyzer.Progress(OpportunityState.Initial(Playbook.Default), AsOf));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("state", error.Path);
        Assert.Equal(KamErrorCodes.InvalidState, error.Code);
        Assert.Null(error.AttemptedValue);
        Assert.Equal("The opportunity has not been opened.", error.Message);

        var sequence = Assert.Throws<KamValidationException>(() => analyzer.Summarize((IEnumerable<OpportunityState>)[new StageScenario("a").State, new StageScenario("b").State, OpportunityState.Initial(Playbook.Default)], AsOf));
        Assert.Equal("states[2]", sequence.Errors[0].Path);
        Assert.Equal("The opportunity has not been opened.", sequence.Errors[0].Message);
        Assert.Throws<ArgumentNullException>(() => analyzer.Summarize((IEnumerable<OpportunityState>)null!, AsOf));
    }

    [Fact]
    public void The_progress_view_reports_the_position_and_the_comparison()
    {
        var s = new StageScenario("P").InStage(3).Procurement(ProcurementStage.SetCriteria);
        var progress = new PipelineAnalyzer(Currency.CNY).Progress(s.State, s.Now.Plus(Duration.FromDays(10)));
        Assert.Equal(OpportunityId.Parse("P"), progress.Opportunity);
        Assert.Equal(StageScenario.Alice, progress.Owner);
        Assert.Equal(SalesStage.PreliminaryProposal, progress.Stage);
        Assert.Equal(SalesStage.CustomerVisit, progress.CompletedStage);
        Assert.Equal(Percentage.FromPercent(20), progress.Probability);
        Assert.Equal(FunnelState.InFunnel, progress.Funnel);
        Assert.Equal(11, progress.DaysInStage);
        Assert.Equal(1, progress.Progress.Gap);
    }

    [Fact]
    public void Consecutive_closes_in_the_same_month_of_another_year_fall_into_another_period()
    {
        var jan26 = new StageScenario("a", expectedClose: new LocalDate(2026, 1, 10)).InStage(1).State;
        var jan26b = new StageScenario("b", expectedClose: new LocalDate(2026, 1, 31)).InStage(1).State;
        var jan27 = new StageScenario("c", expectedClose: new LocalDate(2027, 1, 10)).InStage(1).State;
        var feb27 = new StageScenario("d", expectedClose: new LocalDate(2027, 2, 10)).InStage(1).State;
        var forecast = Monthly().Summarize([jan26, jan26b, jan27, feb27], AsOf).Forecast();
        Assert.Equal(3, forecast.Count);
        Assert.Equal([2L, 1L, 1L], forecast.Select(p => p.Figures.Count));
        Assert.Equal(
            [FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 1, 1), PeriodKind.Month), FiscalCalendar.Calendar.PeriodOf(new LocalDate(2027, 1, 1), PeriodKind.Month), FiscalCalendar.Calendar.PeriodOf(new LocalDate(2027, 2, 1), PeriodKind.Month)],
            forecast.Select(p => p.Period));
    }

    [Fact]
    public void The_empty_summary_is_the_identity_of_merge()
    {
        var summary = new PipelineAnalyzer(Currency.CNY).Summarize([new StageScenario("a").InStage(3).State, new StageScenario("b").InStage(5).State], AsOf);
        var empty = DealControlSummary.Empty(Currency.CNY);
        Assert.Same(AnomalyPolicy.Default, empty.Policy);
        Assert.Equal(0, empty.Total.Count);
        Assert.Empty(empty.Owners);
        Assert.Empty(empty.Anomalies);
        Assert.Empty(empty.Forecast());
        Assert.Equal(9, empty.ByStage().Count);
        Assert.Equal(summary, summary.Merge(empty));
        Assert.Equal(summary, empty.Merge(summary));
        Assert.Equal(summary.Total.Key(), empty.Merge(summary).Total.Key());
        Assert.False(summary.Equals(empty));
        Assert.False(summary.Equals(null));
        Assert.False(summary.Equals((object)"summary"));
    }

    [Fact]
    public void Summaries_in_different_currencies_do_not_merge()
    {
        var cny = DealControlSummary.Empty(Currency.CNY);
        var usd = DealControlSummary.Empty(Currency.USD);
        Assert.Throws<CurrencyMismatchException>(() => cny.Merge(usd));
        Assert.False(cny.Equals(usd));
    }

    [Fact]
    public void Policies_with_the_same_thresholds_are_the_same_rules_and_any_difference_is_not()
    {
        var summary = DealControlSummary.Empty(Currency.CNY, new AnomalyPolicy());
        Assert.Equal(summary, summary.Merge(DealControlSummary.Empty(Currency.CNY, new AnomalyPolicy())));
        AnomalyPolicy[] different =
        [
            new(maxDaysInStage: 91),
            new(highValue: 999_999m),
            new(lowProbability: Percentage.FromPercent(31)),
            new(nearCloseDays: 29),
            new(minOwnerPipeline: 4),
        ];
        foreach (var policy in different)
        {
            var other = DealControlSummary.Empty(Currency.CNY, policy);
            var error = Assert.Single(Assert.Throws<KamValidationException>(() => summary.Merge(other)).Errors);
            Assert.Equal("Summaries made under different anomaly policies cannot be merged.", error.Message);
            Assert.False(summary.Equals(other));
        }
    }

    [Fact]
    public void Views_of_one_salesperson_cover_only_their_cells()
    {
        var alice = new StageScenario("a", value: 10m).InStage(1).State;
        var bob = new StageScenario("b", owner: StageScenario.Bob, value: 20m).InStage(6).State;
        var summary = new PipelineAnalyzer(Currency.CNY).Summarize([alice, bob], AsOf);
        Assert.Equal([StageScenario.Alice, StageScenario.Bob], summary.Owners);
        Assert.Equal(Money.Of(10m, "CNY"), summary.ByStage(StageScenario.Alice).Single(r => r.Stage == SalesStage.AccountPlanning).Figures.Value);
        Assert.Equal(0, summary.ByStage(StageScenario.Alice).Single(r => r.Stage == SalesStage.ProjectEvaluation).Figures.Count);
        Assert.Equal([1L, 0L, 0L], summary.ByFunnel(StageScenario.Alice).Select(f => f.Figures.Count));
        Assert.Equal([0L, 0L, 1L], summary.ByFunnel(StageScenario.Bob).Select(f => f.Figures.Count));
        Assert.Empty(summary.Forecast(StageScenario.Carol));
        Assert.Equal(0, summary.ByStage(StageScenario.Carol).Sum(r => r.Figures.Count));
        Assert.Equal([10m, 20m], summary.ByOwner().Select(o => o.Figures.Value.Amount));
        Assert.Single(summary.Forecast(StageScenario.Bob));
    }
}
