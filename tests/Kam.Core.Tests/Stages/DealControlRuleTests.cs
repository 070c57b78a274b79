using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// The deal-control rules at their boundaries: each anomaly rule on both sides of its threshold, the commit and
/// best-case cut points, the period of expected close, the filtered views, the salesperson-level checks and the
/// equality and merge of summaries.
/// </summary>
public sealed class DealControlRuleTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);

    private static PipelineAnalyzer With(AnomalyPolicy? anomalies = null, ForecastPolicy? forecast = null, ProgressPolicy? progress = null, DateTimeZone? zone = null) =>
        new(
            new StagesOptions(
                progress: progress ?? ProgressPolicy.Default,
                anomalies: anomalies ?? AnomalyPolicy.Default,
                forecast: forecast ?? ForecastPolicy.Default,
                timeZone: zone ?? DateTimeZone.Utc),
            FiscalCalendar.Calendar,
            Currency.CNY);

    private static PipelineAnomaly[] Of(DealControlSummary summary, PipelineAnomalyKind kind) => [.. summary.Anomalies.Where(a => a.Kind == kind)];

    private static Money Cny(decimal amount) => Money.Of(amount, "CNY");

    [Fact]
    public void A_project_is_stuck_only_after_more_than_the_allowed_days_in_its_stage()
    {
        var state = new StageScenario("s").InStage(2).State;
        var days = state.DaysInStage(AsOf);
        Assert.True(days > 1);

        Assert.Empty(Of(With(new AnomalyPolicy(maxDaysInStage: days)).Summarize([state], AsOf), PipelineAnomalyKind.StuckInStage));
        var stuck = Assert.Single(Of(With(new AnomalyPolicy(maxDaysInStage: days - 1)).Summarize([state], AsOf), PipelineAnomalyKind.StuckInStage));
        Assert.Equal(days, stuck.Measure);
        Assert.Equal(OpportunityId.Parse("s"), stuck.Opportunity);
        Assert.Equal(StageScenario.Alice, stuck.Owner);
        Assert.Equal($"No stage change for {days} days.", stuck.Reason);
    }

    [Fact]
    public void A_clean_project_has_no_anomaly_at_all()
    {
        var state = new StageScenario("clean").InStage(3).Procurement(ProcurementStage.ApproveProject).State;
        Assert.Empty(Analyzer.Summarize([state], AsOf).Anomalies);
    }

    [Fact]
    public void The_close_date_passes_the_day_after_it_in_the_reporting_time_zone()
    {
        // 20:00 UTC on 1 March is already 2 March in Shanghai.
        var asOf = Instant.FromUtc(2026, 3, 1, 20, 0);
        var onTheDay = new StageScenario("due", expectedClose: new LocalDate(2026, 3, 1)).InStage(6).State;
        var utc = With();
        Assert.Empty(Of(utc.Summarize([onTheDay], asOf), PipelineAnomalyKind.CloseDatePassed));

        var shanghai = With(zone: DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var passed = Assert.Single(Of(shanghai.Summarize([onTheDay], asOf), PipelineAnomalyKind.CloseDatePassed));
        Assert.Equal(1, passed.Measure);
        Assert.Equal("The expected close date passed 1 day(s) ago.", passed.Reason);
        Assert.Equal("close_date_passed", passed.Code);
    }

    [Fact]
    public void High_value_at_low_probability_is_judged_on_each_threshold_inclusively()
    {
        // Stage 3 entered: earned probability 20% (stage 2 completed). Today is 1 March.
        var today = new LocalDate(2026, 3, 1);
        OpportunityState Project(decimal value, int daysToClose) =>
            new StageScenario("big", value: value, expectedClose: today.PlusDays(daysToClose)).InStage(3).State;
        var policy = new AnomalyPolicy(highValue: 500_000m, nearCloseDays: 10, lowProbability: Percentage.FromPercent(25m));

        PipelineAnomaly[] Found(OpportunityState state, AnomalyPolicy p) =>
            Of(With(p).Summarize([state], AsOf), PipelineAnomalyKind.HighValueLowProbability);

        var atEdges = Assert.Single(Found(Project(500_000m, 10), policy));
        Assert.Equal(10, atEdges.Measure);
        Assert.Equal("High value at low probability, 10 day(s) before the expected close.", atEdges.Reason);
        Assert.Equal(0, Assert.Single(Found(Project(500_000m, 0), policy)).Measure);          // closing today
        Assert.Empty(Found(Project(500_000m, 11), policy));                                     // not near its close yet
        Assert.Empty(Found(Project(499_999.99m, 10), policy));                                  // not high value
        Assert.Empty(Found(Project(500_000m, 10), new AnomalyPolicy(highValue: 500_000m, nearCloseDays: 10, lowProbability: Percentage.FromPercent(20m)))); // 20% is not below 20%
        Assert.Single(Found(Project(500_000m, 10), new AnomalyPolicy(highValue: 500_000m, nearCloseDays: 10, lowProbability: Percentage.FromPercent(20.01m))));
        Assert.Empty(Found(Project(500_000m, -1), policy));                                     // passed: reported as that instead
    }

    [Fact]
    public void Each_anomaly_kind_has_its_code_and_a_sentence_with_its_measure()
    {
        var owner = StageScenario.Bob;
        (PipelineAnomalyKind Kind, long Measure, string Code, string Reason)[] expected =
        [
            (PipelineAnomalyKind.StuckInStage, 91, "stuck_in_stage", "No stage change for 91 days."),
            (PipelineAnomalyKind.SkippedStage, 0b1010, "skipped_stage", "Stage(s) 2,4 skipped: not entered while later work is recorded."),
            (PipelineAnomalyKind.Regression, 2, "regression", "Moved back 2 time(s)."),
            (PipelineAnomalyKind.BehindProcurement, 3, "behind_procurement", "The customer is 3 stage(s) ahead of our sales stage: catch up."),
            (PipelineAnomalyKind.AheadOfProcurement, 2, "ahead_of_procurement", "Our sales stage is 2 stage(s) ahead of the customer: premature effort."),
            (PipelineAnomalyKind.AbandonCandidate, 7, "abandon_candidate", "The customer is at procurement stage 7 but we have not completed the stage before it: consider abandoning."),
            (PipelineAnomalyKind.CloseDatePassed, 4, "close_date_passed", "The expected close date passed 4 day(s) ago."),
            (PipelineAnomalyKind.HighValueLowProbability, 5, "high_value_low_probability", "High value at low probability, 5 day(s) before the expected close."),
            (PipelineAnomalyKind.NoNewProjects, 6, "no_new_projects", "None of the 6 open projects is at the top of the funnel (search state)."),
            (PipelineAnomalyKind.AllInOneStage, 3, "all_in_one_stage", "All 3 open projects are in the same stage."),
            (PipelineAnomalyKind.NoDecisionCoverage, 5, "no_decision_coverage", "At stage 5 with no contact at the customer's decision level covered by a relationship."),
        ];
        foreach (var (kind, measure, code, reason) in expected)
        {
            var anomaly = new PipelineAnomaly(kind, null, owner, measure);
            Assert.Equal(code, anomaly.Code);
            Assert.Equal(reason, anomaly.Reason);
        }

        Assert.Equal("Stage(s) 1,8 skipped: not entered while later work is recorded.", new PipelineAnomaly(PipelineAnomalyKind.SkippedStage, null, owner, 0b1000_0001).Reason);
        Assert.Equal("unknown", new PipelineAnomaly((PipelineAnomalyKind)99, null, owner, 1).Code);
        Assert.Equal(string.Empty, new PipelineAnomaly((PipelineAnomalyKind)99, null, owner, 1).Reason);
    }

    [Fact]
    public void Commit_counts_the_earned_probability_and_best_case_the_top_of_the_band_both_from_their_threshold()
    {
        // Earned / top of band: stage 0 → 0%/0%, stage 1 → 0%/10%, stage 4 → 25%/30%, stage 5 → 30%/50%, stage 7 → 75%/90%;
        // stage 4 completed → 30%/30%.
        OpportunityState[] states =
        [
            new StageScenario("s0", value: 1m).State,
            new StageScenario("s1", value: 10m).InStage(1).State,
            new StageScenario("s4", value: 100m).InStage(4).State,
            new StageScenario("s4done", value: 1_000m).InStage(4).Complete(SalesStage.SolutionDemonstration).State,
            new StageScenario("s5", value: 10_000m).InStage(5).State,
            new StageScenario("s7", value: 100_000m).InStage(7).State,
        ];
        var total = Analyzer.Summarize(states, AsOf).Total;
        Assert.Equal(6, total.Count);
        Assert.Equal(Cny(111_111m), total.Value);
        Assert.Equal(Cny(100_000m), total.Commit);            // only the 75% project reaches 75%
        Assert.Equal(Cny(110_000m), total.BestCase);          // bands reaching 50%: stages 5 and 7
        Assert.Equal(Cny(0m + 0m + 25m + 300m + 3_000m + 75_000m), total.Weighted);

        var at30 = With(forecast: new ForecastPolicy(commitFrom: Percentage.FromPercent(30m), bestCaseFrom: Percentage.FromPercent(30m)));
        var lowered = at30.Summarize(states, AsOf).Total;
        Assert.Equal(Cny(111_000m), lowered.Commit);          // 30%, 30% and 75% earned
        Assert.Equal(Cny(111_100m), lowered.BestCase);        // the stage 4 band reaches 30%; stage 1 does not

        var at10 = With(forecast: new ForecastPolicy(bestCaseFrom: Percentage.FromPercent(10m)));
        Assert.Equal(Cny(111_110m), at10.Summarize(states, AsOf).Total.BestCase); // stage 1's band reaches 10%; stage 0 has none
    }

    [Fact]
    public void Expected_closes_fall_into_the_fiscal_period_of_their_own_month_and_year()
    {
        // Consecutive projects closing in the same month of different years, and in adjacent months of one year.
        LocalDate[] closes = [new(2026, 6, 30), new(2026, 7, 1), new(2027, 7, 15), new(2026, 7, 20), new(2026, 7, 31), new(2027, 1, 3)];
        var states = closes.Select((d, i) => new StageScenario($"p{i}", expectedClose: d).InStage(2).State).ToArray();

        var quarters = Analyzer.Summarize(states, AsOf).Forecast();
        Assert.Equal(["FY2026-Q2", "FY2026-Q3", "FY2027-Q1", "FY2027-Q3"], quarters.Select(q => q.Period.ToString()));
        Assert.Equal([1L, 3, 1, 1], quarters.Select(q => q.Figures.Count));

        var months = With(forecast: new ForecastPolicy(period: PeriodKind.Month)).Summarize(states, AsOf).Forecast();
        Assert.Equal(["FY2026-M06", "FY2026-M07", "FY2027-M01", "FY2027-M07"], months.Select(q => q.Period.ToString()));
        Assert.Equal([1L, 3, 1, 1], months.Select(q => q.Figures.Count));
    }

    [Fact]
    public void Views_filter_by_salesperson_and_period()
    {
        var q2 = new LocalDate(2026, 5, 15);
        var q3 = new LocalDate(2026, 8, 15);
        OpportunityState[] states =
        [
            new StageScenario("a1", StageScenario.Alice, 1m, q2).InStage(1).State,
            new StageScenario("a2", StageScenario.Alice, 10m, q3).InStage(4).State,
            new StageScenario("a3", StageScenario.Alice, 100m, q3).InStage(7).State,
            new StageScenario("b1", StageScenario.Bob, 1_000m, q2).InStage(4).State,
            new StageScenario("b2", StageScenario.Bob, 10_000m, q2).State,
        ];
        var summary = Analyzer.Summarize(states, AsOf);
        var periodQ2 = FiscalCalendar.Calendar.PeriodOf(q2, PeriodKind.Quarter);
        var periodQ3 = FiscalCalendar.Calendar.PeriodOf(q3, PeriodKind.Quarter);

        decimal[] StageValues(IReadOnlyList<StageFigures> rows) => [.. rows.Select(r => r.Figures.Value.Amount)];
        Assert.Equal([10_000m, 1m, 0, 0, 1_010m, 0, 0, 100m, 0], StageValues(summary.ByStage()));
        Assert.Equal([0m, 1m, 0, 0, 10m, 0, 0, 100m, 0], StageValues(summary.ByStage(StageScenario.Alice)));
        Assert.Equal([10_000m, 1m, 0, 0, 1_000m, 0, 0, 0, 0], StageValues(summary.ByStage(period: periodQ2)));
        Assert.Equal([0m, 0, 0, 0, 10m, 0, 0, 100m, 0], StageValues(summary.ByStage(StageScenario.Alice, periodQ3)));
        Assert.All(summary.ByStage(StageScenario.Carol), r => Assert.Equal(0, r.Figures.Count));
        Assert.Equal([null, SalesStage.AccountPlanning, SalesStage.CustomerVisit], summary.ByStage().Take(3).Select(r => r.Stage));

        decimal[] FunnelValues(IReadOnlyList<FunnelFigures> rows) => [.. rows.Select(r => r.Figures.Value.Amount)];
        Assert.Equal([FunnelState.Search, FunnelState.InFunnel, FunnelState.Best], summary.ByFunnel().Select(f => f.Funnel));
        Assert.Equal([10_001m, 1_010m, 100m], FunnelValues(summary.ByFunnel()));
        Assert.Equal([10_000m, 1_000m, 0m], FunnelValues(summary.ByFunnel(StageScenario.Bob)));
        Assert.Equal([0m, 10m, 100m], FunnelValues(summary.ByFunnel(period: periodQ3)));
        Assert.Equal([1m, 0m, 0m], FunnelValues(summary.ByFunnel(StageScenario.Alice, periodQ2)));

        Assert.Equal([(StageScenario.Alice, 111m), (StageScenario.Bob, 11_000m)], summary.ByOwner().Select(o => (o.Owner, o.Figures.Value.Amount)));
        Assert.Equal([(StageScenario.Alice, 1m), (StageScenario.Bob, 11_000m)], summary.ByOwner(periodQ2).Select(o => (o.Owner, o.Figures.Value.Amount)));
        Assert.Equal([(StageScenario.Alice, 110m), (StageScenario.Bob, 0m)], summary.ByOwner(periodQ3).Select(o => (o.Owner, o.Figures.Value.Amount)));

        Assert.Equal([(periodQ2, 11_001m), (periodQ3, 110m)], summary.Forecast().Select(p => (p.Period, p.Figures.Value.Amount)));
        Assert.Equal([(periodQ2, 1m), (periodQ3, 110m)], summary.Forecast(StageScenario.Alice).Select(p => (p.Period, p.Figures.Value.Amount)));
        Assert.Equal([(periodQ2, 11_000m)], summary.Forecast(StageScenario.Bob).Select(p => (p.Period, p.Figures.Value.Amount)));
        Assert.Empty(summary.Forecast(StageScenario.Carol));
    }

    [Fact]
    public void Salesperson_checks_need_the_minimum_pipeline_and_look_at_the_top_of_the_funnel()
    {
        static OpportunityState P(string id, PersonId owner, int stage) => new StageScenario(id, owner).InStage(stage).State;
        var dave = PersonId.Parse("dave");
        var erin = PersonId.Parse("erin");
        OpportunityState[] states =
        [
            // Alice: 3 at stage 6 → both checks. Bob: 2 at stage 6 → under the minimum.
            P("a1", StageScenario.Alice, 6), P("a2", StageScenario.Alice, 6), P("a3", StageScenario.Alice, 6),
            P("b1", StageScenario.Bob, 6), P("b2", StageScenario.Bob, 6),
            // Carol: 3 before stage 1 → all in one stage, but at the top of the funnel.
            P("c1", StageScenario.Carol, 0), P("c2", StageScenario.Carol, 0), P("c3", StageScenario.Carol, 0),
            // Dave: one before stage 1, one at stage 2, two at stage 7. Erin: one before stage 1, one at stage 1, two at stage 7.
            P("d1", dave, 0), P("d2", dave, 2), P("d3", dave, 7), P("d4", dave, 7),
            P("e1", erin, 0), P("e2", erin, 1), P("e3", erin, 7), P("e4", erin, 7),
        ];
        var owners = Analyzer.Summarize(states, AsOf).Anomalies.Where(a => a.Opportunity is null).ToArray();
        Assert.Equal(
            [(PipelineAnomalyKind.NoNewProjects, StageScenario.Alice, 3L), (PipelineAnomalyKind.AllInOneStage, StageScenario.Alice, 3L), (PipelineAnomalyKind.AllInOneStage, StageScenario.Carol, 3L)],
            owners.Select(a => (a.Kind, a.Owner, a.Measure)));

        var lenient = With(new AnomalyPolicy(minOwnerPipeline: 2)).Summarize(states, AsOf).Anomalies.Where(a => a.Opportunity is null);
        Assert.Equal(2, lenient.Count(a => a.Owner == StageScenario.Bob));
        var strict = With(new AnomalyPolicy(minOwnerPipeline: 4)).Summarize(states, AsOf).Anomalies.Where(a => a.Opportunity is null);
        Assert.Empty(strict);
    }

    [Fact]
    public void Merging_adds_cells_closed_counts_and_anomalies_and_changes_neither_input()
    {
        var stuckLeft = new StageScenario("old", start: AsOf.Minus(Duration.FromDays(300))).InStage(3).State;
        var left = Analyzer.Summarize([stuckLeft, new StageScenario("l2").InStage(3).State], AsOf);
        var lost = new StageScenario("gone").InStage(2).Add(at => new OpportunityLost(at, StageScenario.Alice)).State;
        var right = Analyzer.Summarize([new StageScenario("r1").InStage(3).State, lost], AsOf);
        var leftTotal = left.Total;
        var rightTotal = right.Total;

        var merged = left.Merge(right);
        Assert.Equal((3L, Cny(300_000m), Cny(60_000m), Cny(0m), Cny(0m)), merged.Total.Key());
        Assert.Equal(1, merged.Conversion.Closed);
        Assert.Equal(0, merged.Conversion.Won);
        Assert.Single(merged.Anomalies, a => a.Kind == PipelineAnomalyKind.StuckInStage);
        Assert.Equal(merged.Anomalies.Count, left.Merge(right).Anomalies.Count);
        // Alice has 3 open projects, all at stage 3, only in the merged whole.
        Assert.Single(merged.Anomalies, a => a.Kind == PipelineAnomalyKind.AllInOneStage && a.Measure == 3);
        Assert.DoesNotContain(left.Anomalies, a => a.Opportunity is null);
        Assert.Equal(leftTotal.Key(), left.Total.Key());
        Assert.Equal(rightTotal.Key(), right.Total.Key());
        Assert.Equal(0, left.Conversion.Closed);
        Assert.Equal(merged, right.Merge(left));
        Assert.Equal(merged.GetHashCode(), right.Merge(left).GetHashCode());
        Assert.True(merged.Equals((object)right.Merge(left)));

        var error = Assert.Single(Assert.Throws<KamValidationException>(() => left.Merge(DealControlSummary.Empty(Currency.CNY, new AnomalyPolicy(nearCloseDays: 1)))).Errors);
        Assert.Equal(("other.Policy", KamErrorCodes.InvalidState), (error.Path, error.Code));
        Assert.Throws<ArgumentNullException>(() => left.Merge(null!));
    }

    [Fact]
    public void Summaries_differing_in_any_part_are_not_equal()
    {
        var a = new StageScenario("a").InStage(3).State;
        var b = new StageScenario("b").InStage(3).State;
        var c = new StageScenario("c").InStage(4).State;
        var stuck = new StageScenario("b", start: AsOf.Minus(Duration.FromDays(300))).InStage(3).State;
        var won = new StageScenario("w").InStage(8).Complete(SalesStage.ContractSigned).Add(at => new OpportunityWon(at, StageScenario.Alice)).State;
        var lost = new StageScenario("w").InStage(8).Complete(SalesStage.ContractSigned).Add(at => new OpportunityLost(at, StageScenario.Alice)).State;

        var ab = Analyzer.Summarize([a, b], AsOf);
        Assert.Equal(ab, Analyzer.Summarize([b, a], AsOf));
        Assert.NotEqual(ab, Analyzer.Summarize([a], AsOf));                       // fewer projects in the same cell
        Assert.NotEqual(ab, Analyzer.Summarize([c, new StageScenario("d").InStage(4).State], AsOf)); // one cell each, another key
        Assert.NotEqual(ab, Analyzer.Summarize([a, stuck], AsOf));                // the same cells, an anomaly more
        var stuckLonger = new StageScenario("b", start: AsOf.Minus(Duration.FromDays(310))).InStage(3).State;
        Assert.NotEqual(Analyzer.Summarize([a, stuck], AsOf), Analyzer.Summarize([a, stuckLonger], AsOf)); // one anomaly each, another measure
        Assert.NotEqual(Analyzer.Summarize([a, won], AsOf), Analyzer.Summarize([a, lost], AsOf)); // closed counts differ
        Assert.NotEqual(ab, With(new AnomalyPolicy(maxDaysInStage: 500)).Summarize([a, b], AsOf));
        Assert.NotEqual(DealControlSummary.Empty(Currency.CNY), DealControlSummary.Empty(Currency.USD));
        Assert.Equal(DealControlSummary.Empty(Currency.CNY), DealControlSummary.Empty(Currency.CNY, AnomalyPolicy.Default));
        Assert.False(ab.Equals(null));
        Assert.False(ab.Equals((object)"summary"));
    }

    [Fact]
    public void The_analyzer_keeps_the_options_it_was_built_with()
    {
        var options = new StagesOptions(anomalies: new AnomalyPolicy(maxDaysInStage: 10), timeZone: DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var analyzer = new PipelineAnalyzer(options, FiscalCalendar.Calendar, Currency.CNY);
        Assert.Equal(10, analyzer.Options.Anomalies.MaxDaysInStage);
        Assert.Same(Playbook.Default, analyzer.Options.Playbook);
        Assert.Equal("Asia/Shanghai", analyzer.Options.TimeZone.Id);
        Assert.Same(ProgressPolicy.Default, analyzer.Options.Progress);
        Assert.Same(ForecastPolicy.Default, analyzer.Options.Forecast);
        Assert.Equal(Currency.CNY, analyzer.Currency);
        Assert.Null(typeof(StagesOptions).GetProperty(nameof(StagesOptions.Anomalies))!.SetMethod);

        Assert.Throws<ArgumentNullException>(() => new PipelineAnalyzer(null!, FiscalCalendar.Calendar, Currency.CNY));
        Assert.Throws<ArgumentNullException>(() => new PipelineAnalyzer(new StagesOptions(), null!, Currency.CNY));
        Assert.Throws<ArgumentNullException>(() => Analyzer.Summarize((IEnumerable<OpportunityState>)null!, AsOf));
    }

    [Fact]
    public void The_span_and_sequence_overloads_agree_and_name_the_unopened_index()
    {
        var states = PipelineAnalyzerTests.RuleBookPipeline();
        Assert.Equal(Analyzer.Summarize(states.AsSpan(), AsOf), Analyzer.Summarize(states.AsEnumerable(), AsOf));
        var withBlank = states.Take(3).Append(OpportunityState.Initial(Playbook.Default));
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => Analyzer.Summarize(withBlank, AsOf)).Errors);
        Assert.Equal(("states[3]", KamErrorCodes.InvalidState), (error.Path, error.Code));
        var spanError = Assert.Single(Assert.Throws<KamValidationException>(() => Analyzer.Summarize(withBlank.ToArray().AsSpan(), AsOf)).Errors);
        Assert.Equal("states[3]", spanError.Path);
        var progressError = Assert.Single(Assert.Throws<KamValidationException>(() => Analyzer.Progress(OpportunityState.Initial(Playbook.Default), AsOf)).Errors);
        Assert.Equal(("state", KamErrorCodes.InvalidState), (progressError.Path, progressError.Code));
    }
}
