namespace Kam.Core.Performance;

/// <summary>The default scorecard of a key-account salesperson (rule book: performance and pay, Position performance) and its parts, for hosts to reuse or replace.</summary>
/// <remarks>
/// <para>Structure from the rule book (docs/rules/performance-and-pay.md): KPI 70%, personal skills 20%, attitude 10%. Inside them, this
/// library's example indicators: KPI — sales attainment (actual ÷ quota in %, capped at 120%) 50%, collection rate
/// (collected ÷ due in %) 20%, progress reported on time (sales process) 15%, pipeline coverage
/// (3× quota scores 100%) 15%; skills — manager review on a 1-5 scale 100%; attitude — attendance (the rule book's graded
/// standard, monthly or yearly) 50%, weekly reports and work log on time (in %) 50%.</para>
/// <para>Grade bands: A ≥ 90%, B ≥ 75%, C ≥ 60%, D below.</para>
/// </remarks>
public static class ScorecardDefaults
{
    /// <summary>Gets the default grade bands: A ≥ 90%, B ≥ 75%, C ≥ 60%, D otherwise.</summary>
    public static IReadOnlyList<GradeBand> GradeBands { get; } =
    [
        new("A", Ratio.FromPercent(90m)),
        new("B", Ratio.FromPercent(75m)),
        new("C", Ratio.FromPercent(60m)),
        new("D", Ratio.Zero),
    ];

    /// <summary>Creates the default salesperson scorecard with the attendance standard for the appraisal period's length.</summary>
    /// <param name="yearlyAttendance">Whether attendance is graded with the yearly standard (otherwise the monthly one).</param>
    /// <returns>The scorecard.</returns>
    public static Scorecard Salesperson(bool yearlyAttendance = false)
    {
        var percent100 = Ratio.FromPercent(100m);
        var kpi = new ScorecardSection("kpi", "KPI", Percentage.FromPercent(70m),
        [
            new Indicator("salesAttainment", "Sales attainment (% of quota)", Percentage.FromPercent(50m), new RatioToTargetRule(100m, Ratio.Zero, Ratio.FromPercent(120m))),
            new Indicator("collectionRate", "Collection rate (% of due)", Percentage.FromPercent(20m), new RatioToTargetRule(100m, Ratio.Zero, percent100)),
            new Indicator("progressReportedOnTime", "Progress reported on time (%)", Percentage.FromPercent(15m), new RatioToTargetRule(100m, Ratio.Zero, percent100), SalesProcessMeasure.ProgressReportedOnTime),
            new Indicator("pipelineCoverage", "Pipeline coverage (× quota)", Percentage.FromPercent(15m), new RatioToTargetRule(3m, Ratio.Zero, percent100), SalesProcessMeasure.PipelineCoverage),
        ], []);
        var skills = new ScorecardSection("skills", "Personal skills", Percentage.FromPercent(20m),
        [
            new Indicator("skillsReview", "Manager review (1-5)", Percentage.FromPercent(100m), new BandedRule(
            [
                new ScoreBand(1m, Ratio.FromPercent(40m)),
                new ScoreBand(2m, Ratio.FromPercent(60m)),
                new ScoreBand(3m, Ratio.FromPercent(80m)),
                new ScoreBand(4m, percent100),
                new ScoreBand(5m, Ratio.FromPercent(110m)),
            ])),
        ], []);
        var attitude = new ScorecardSection("attitude", "Attitude", Percentage.FromPercent(10m),
        [
            new Indicator("attendance", "Attendance", Percentage.FromPercent(50m), yearlyAttendance ? AttendanceStandard.Yearly : AttendanceStandard.Monthly),
            new Indicator("reportsOnTime", "Weekly reports and work log on time (%)", Percentage.FromPercent(50m), new LinearRule(50m, 100m, percent100)),
        ], []);
        return new Scorecard("Key-account salesperson", [kpi, skills, attitude], GradeBands);
    }
}
