using Kam.Core.Performance;

namespace Kam.Core.Tests.Performance;

public sealed class AttendanceStandardTests
{
    // The rule book's yearly attendance standard (rule book: performance and pay, Graded standards).
    [Theory]
    [InlineData(3, 0, 0, 3, "A")]
    [InlineData(4, 0, 0, 0, "B")]
    [InlineData(5, 1, 0, 3, "B")]
    [InlineData(5, 0, 1, 3, "B")]
    [InlineData(2, 1, 1, 0, "C")]
    [InlineData(8, 2, 2, 5, "C")]
    [InlineData(9, 2, 0, 0, "D")]
    [InlineData(0, 0, 3, 0, "D")]
    [InlineData(0, 0, 0, 6, "D")]
    public void Yearly_standard_grades_as_the_rule_book_says(int late, int earlyLeave, int absence, int leave, string grade) =>
        Assert.Equal(grade, AttendanceStandard.Yearly.Score(AttendanceStandard.Observe(late, earlyLeave, absence, leave), "attendance").Grade);

    [Theory]
    [InlineData(0, 0, 0, 0, "A")]
    [InlineData(0, 0, 0, 1, "B")]
    [InlineData(1, 0, 0, 0, "C")]
    [InlineData(0, 1, 0, 2, "C")]
    [InlineData(1, 1, 0, 0, "D")]
    public void Monthly_standard_grades_as_the_rule_book_says(int late, int earlyLeave, int absence, int leave, string grade) =>
        Assert.Equal(grade, AttendanceStandard.Monthly.Score(AttendanceStandard.Observe(late, earlyLeave, absence, leave), "attendance").Grade);

    [Fact]
    public void Grades_carry_their_scores()
    {
        Assert.Equal(Ratio.FromPercent(100m), AttendanceStandard.Yearly.Score(AttendanceStandard.Observe(0, 0, 0, 0), "a").Score);
        Assert.Equal(Ratio.FromPercent(40m), AttendanceStandard.Yearly.Score(AttendanceStandard.Observe(20, 0, 0, 0), "a").Score);
    }

    [Fact]
    public void A_missing_observation_is_an_error_never_zero()
    {
        var actual = IndicatorActual.Observed(new Dictionary<string, decimal> { [AttendanceStandard.Late] = 0m });
        var ex = Assert.Throws<KamValidationException>(() => AttendanceStandard.Yearly.Score(actual, "actuals.attendance"));
        Assert.Equal(KamErrorCodes.Required, ex.Errors[0].Code);
        Assert.Equal("actuals.attendance.earlyLeave", ex.Errors[0].Path);
    }

    [Fact]
    public void Negative_counts_and_bad_standards_are_refused()
    {
        Assert.Throws<KamValidationException>(() => AttendanceStandard.Observe(-1, 0, 0, 0));
        var ex = Assert.Throws<KamValidationException>(() => new GradedStandardRule(
        [
            new StandardGrade("A", Ratio.One, [new ObservationLimit(["late"], 1m)]),
            new StandardGrade("A", Ratio.Zero, [new ObservationLimit(["late"], 5m)]),
        ]));
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.Duplicate && e.Path == "grades[1].grade");
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.InvalidState && e.Path == "grades[1].limits");
    }
}
