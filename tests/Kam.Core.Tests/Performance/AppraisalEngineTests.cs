using Kam.Core.Performance;

namespace Kam.Core.Tests.Performance;

public sealed class AppraisalEngineTests
{
    private static readonly AppraisalEngine Engine = new();
    private static readonly PersonId Sales1 = PersonId.Parse("S1");
    private static readonly FiscalPeriod March = FiscalCalendar.Calendar.Parse("FY2026-M03");

    internal static AppraisalInput SampleInput(FiscalPeriod period, decimal attainment = 110m) => new(
        Sales1,
        period,
        new Dictionary<string, IndicatorActual>
        {
            ["salesAttainment"] = IndicatorActual.Of(attainment),
            ["collectionRate"] = IndicatorActual.Of(90m),
            ["skillsReview"] = IndicatorActual.Of(4m),
            ["attendance"] = AttendanceStandard.Observe(0, 0, 0, 1),
            ["reportsOnTime"] = IndicatorActual.Of(90m),
        },
        new SalesProcessFacts(9, 10, [new StageConversionCount("Qualify", 10, 6), new StageConversionCount("Propose", 6, 3)], Money.Of(300_000m, "CNY"), Money.Of(120_000m, "CNY")));

    [Fact]
    public void Default_scorecard_hand_computed()
    {
        // KPI 70%: 0.5×110% + 0.2×90% + 0.15×90% (9 of 10 reported on time) + 0.15×(2.5÷3) = 0.99
        // Skills 20%: review 4 → 100%; attitude 10%: attendance B 80%, reports (90−50)/(100−50) = 80%.
        // Overall = 0.7×0.99 + 0.2×1 + 0.1×0.8 = 0.973 → A.
        var result = Engine.Appraise(ScorecardDefaults.Salesperson(), SampleInput(March));
        Assert.Equal(0.973m, Math.Round(result.Score.Fraction, 10));
        Assert.Equal("A", result.Grade);
        Assert.Equal(7, result.Lines.Count);
        Assert.Equal(result.Score.Fraction, result.Lines.Sum(l => l.Contribution.Fraction));
        var attendance = Assert.Single(result.Lines, l => l.IndicatorId == "attendance");
        Assert.Equal("B", attendance.Grade);
        Assert.Equal(Percentage.FromPercent(5m), attendance.Weight);
        Assert.Equal("Attitude", attendance.Section);
        Assert.Equal(Ratio.FromPercent(90m), Assert.Single(result.Lines, l => l.IndicatorId == "progressReportedOnTime").Score);
    }

    [Fact]
    public void Sales_process_facts_give_conversion_and_coverage()
    {
        var facts = SampleInput(March).SalesProcess!;
        Assert.Equal(Percentage.FromFraction(9m / 16m), facts.Conversion);
        Assert.Equal(Ratio.FromFraction(2.5m), facts.Coverage);
        Assert.Equal(Percentage.FromPercent(50m), facts.ConversionOf("Propose"));
        Assert.Throws<KamValidationException>(() => facts.ConversionOf("Close"));
        Assert.Throws<KamValidationException>(() => new SalesProcessFacts(11, 10, [], Money.Of(1m, "CNY"), Money.Of(1m, "CNY")));
        Assert.Throws<CurrencyMismatchException>(() => new SalesProcessFacts(1, 1, [], Money.Of(1m, "USD"), Money.Of(1m, "CNY")));
    }

    [Fact]
    public void Missing_actuals_are_reported_with_paths()
    {
        var input = new AppraisalInput(Sales1, March, new Dictionary<string, IndicatorActual>());
        var ex = Assert.Throws<KamValidationException>(() => Engine.Appraise(ScorecardDefaults.Salesperson(), input));
        Assert.Equal(7, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Path == "actuals.pipelineCoverage" && e.Code == KamErrorCodes.Required);
    }

    [Fact]
    public void Months_roll_up_to_a_quarter_by_declared_rules()
    {
        var card = ScorecardDefaults.Salesperson();
        var q1 = FiscalCalendar.Calendar.Parse("FY2026-Q1");
        var months = q1.Children(PeriodKind.Month);
        var parts = new[] { 80m, 100m, 120m }.Select((a, i) => Engine.Appraise(card, SampleInput(months[i], a))).ToArray();
        var mean = Engine.RollUp(card, q1, parts, RollUpRule.MonthWeightedMean);
        Assert.Equal(q1, mean.Period);
        Assert.Equal(1.0m, Assert.Single(mean.Lines, l => l.IndicatorId == "salesAttainment").Score.Fraction);
        Assert.Equal(Math.Round(parts.Average(p => p.Score.Fraction), 20), Math.Round(mean.Score.Fraction, 20));
        Assert.Equal(parts[2].Score, Engine.RollUp(card, q1, parts, RollUpRule.Latest).Score);
        Assert.Equal(0.8m, Assert.Single(Engine.RollUp(card, q1, parts, RollUpRule.Minimum).Lines, l => l.IndicatorId == "salesAttainment").Score.Fraction);
    }

    [Fact]
    public void Roll_ups_refuse_gaps_overlaps_and_strangers()
    {
        var card = ScorecardDefaults.Salesperson();
        var q1 = FiscalCalendar.Calendar.Parse("FY2026-Q1");
        var months = q1.Children(PeriodKind.Month);
        var jan = Engine.Appraise(card, SampleInput(months[0]));
        var feb = Engine.Appraise(card, SampleInput(months[1]));
        Assert.Equal(KamErrorCodes.InvalidSum, Assert.Throws<KamValidationException>(() => Engine.RollUp(card, q1, [jan, feb], RollUpRule.MonthWeightedMean)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.OutOfOrder, Assert.Throws<KamValidationException>(() => Engine.RollUp(card, q1, [jan, jan, feb], RollUpRule.MonthWeightedMean)).Errors[0].Code);
        var april = Engine.Appraise(card, SampleInput(months[2].Next));
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => Engine.RollUp(card, q1, [jan, feb, april], RollUpRule.MonthWeightedMean)).Errors[0].Code);
        Assert.Throws<KamValidationException>(() => Engine.RollUp(card, q1, [], RollUpRule.MonthWeightedMean));
    }

    [Fact]
    public void Weights_must_sum_to_100_percent_at_every_level()
    {
        var rule = new RatioToTargetRule(100m, Ratio.Zero, Ratio.One);
        var ex = Assert.Throws<KamValidationException>(() => new Scorecard(
            "bad",
            [
                new ScorecardSection("kpi", "KPI", Percentage.FromPercent(70m), [new Indicator("a", "A", Percentage.FromPercent(60m), rule)], []),
                new ScorecardSection("skills", "Skills", Percentage.FromPercent(20m), [new Indicator("a", "A again", Percentage.FromPercent(100m), rule)], []),
            ],
            ScorecardDefaults.GradeBands));
        Assert.Contains(ex.Errors, e => e.Path == "$" && e.Code == KamErrorCodes.InvalidSum);
        Assert.Contains(ex.Errors, e => e.Path == "$.sections[0]" && e.Code == KamErrorCodes.InvalidSum);
        Assert.Contains(ex.Errors, e => e.Path == "$.sections[1].indicators[0].id" && e.Code == KamErrorCodes.Duplicate);
    }

    [Fact]
    public void Indicators_can_be_added_in_a_nested_section()
    {
        var rule = new RatioToTargetRule(100m, Ratio.Zero, Ratio.One);
        var card = new Scorecard(
            "nested",
            [
                new ScorecardSection("kpi", "KPI", Percentage.FromPercent(100m), [new Indicator("sales", "Sales", Percentage.FromPercent(50m), rule)],
                [
                    new ScorecardSection("customers", "Customers", Percentage.FromPercent(50m),
                    [
                        new Indicator("retention", "Retention rate", Percentage.FromPercent(50m), rule),
                        new Indicator("satisfaction", "Satisfaction", Percentage.FromPercent(50m), rule),
                    ], []),
                ]),
            ],
            ScorecardDefaults.GradeBands);
        var result = Engine.Appraise(card, new AppraisalInput(Sales1, March, new Dictionary<string, IndicatorActual>
        {
            ["sales"] = IndicatorActual.Of(100m),
            ["retention"] = IndicatorActual.Of(80m),
            ["satisfaction"] = IndicatorActual.Of(60m),
        }));
        Assert.Equal(0.5m + (0.25m * 0.8m) + (0.25m * 0.6m), result.Score.Fraction);
        Assert.Equal("KPI / Customers", result.Lines[1].Section);
        Assert.Equal("B", result.Grade);
    }
}
