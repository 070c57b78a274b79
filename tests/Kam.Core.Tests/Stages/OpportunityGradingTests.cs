using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// Opportunity grading (A to D by days to close and likelihood): each limit on both sides, the explanation of each
/// grade, and every validation rule of a grade and a grading policy with its path.
/// </summary>
public sealed class OpportunityGradingTests
{
    private static AccountMeasures Portfolio(double[] days, double[] likelihood) =>
        AccountMeasures.Create(
            [.. Enumerable.Range(0, days.Length).Select(i => AccountId.Parse($"o{i}"))],
            [MeasureColumn.Numbers("daysToClose", days), MeasureColumn.Numbers("closeLikelihood", likelihood)]);

    private static TierDefinition Tier(string name) => new(name, name + " grade");

    [Fact]
    public void Each_grade_takes_its_limits_inclusively_and_a_miss_on_either_falls_to_the_next()
    {
        // A: ≤ 90 days and ≥ 0.7; B: ≤ 180 and ≥ 0.4; C: ≤ 365 and ≥ 0.2; D: the rest.
        double[] days = [90, 90.5, 90, 180, 180, 365, 365, 366, 0];
        double[] likelihood = [0.7, 0.7, 0.6999, 0.4, 0.3999, 0.2, 0.1999, 1.0, 0];
        var result = new OpportunityGradingEngine(GradingPolicy.Default).Assign(Portfolio(days, likelihood));
        Assert.Equal(["A", "B", "B", "B", "C", "C", "D", "D", "D"], result.Assignments.Select(a => a.Tier));
        Assert.Equal(likelihood, result.Assignments.Select(a => a.Score));
        Assert.Equal(["A", "B", "C", "D"], result.Tiers.Select(t => t.Name));
    }

    [Fact]
    public void The_explanation_lists_the_checks_of_every_grade_tried()
    {
        var result = new OpportunityGradingEngine(GradingPolicy.Default).Assign(Portfolio([200, 30], [0.5, 0.9]));

        var c = result.Explain(0);
        Assert.Equal(6, c.Thresholds.Count); // A, B and C tried
        Assert.Equal(["A", "A", "B", "B", "C", "C"], c.Thresholds.Select(t => t.Tier));
        Assert.Equal(["daysToClose", "closeLikelihood", "daysToClose", "closeLikelihood", "daysToClose", "closeLikelihood"], c.Thresholds.Select(t => t.Quantity));
        Assert.Equal(["<=", ">=", "<=", ">=", "<=", ">="], c.Thresholds.Select(t => t.Comparison));
        Assert.Equal([90d, 0.7, 180d, 0.4, 365d, 0.2], c.Thresholds.Select(t => t.Limit));
        Assert.Equal([200d, 0.5, 200d, 0.5, 200d, 0.5], c.Thresholds.Select(t => t.Value));
        Assert.Equal([false, false, false, true, true, true], c.Thresholds.Select(t => t.Met));
        Assert.Empty(c.Gates);
        Assert.Equal(2, c.Contributions.Count);
        Assert.Equal("daysToClose", c.Contributions[0].Criterion);
        Assert.Equal(200d, c.Contributions[0].RawValue);
        Assert.Equal(0d, c.Contributions[0].Points);
        Assert.Equal("closeLikelihood", c.Contributions[1].Criterion);
        Assert.Equal(0.5, c.Contributions[1].RawValue);
        Assert.Equal(0.5, c.Contributions[1].NormalizedScore);
        Assert.Equal(1d, c.Contributions[1].Weight);
        Assert.Equal(0.5, c.Contributions[1].Points);

        var a = result.Explain(1);
        Assert.Equal(2, a.Thresholds.Count); // only A tried
        Assert.All(a.Thresholds, t => Assert.True(t.Met));
    }

    [Fact]
    public void The_engine_keeps_its_policy_and_refuses_nothing_to_grade()
    {
        var engine = new OpportunityGradingEngine(GradingPolicy.Default);
        Assert.Same(GradingPolicy.Default, engine.Policy);
        Assert.Throws<ArgumentNullException>(() => new OpportunityGradingEngine(null!));
        Assert.Throws<ArgumentNullException>(() => engine.Assign(null!));
        var missing = AccountMeasures.Create([AccountId.Parse("x")], [MeasureColumn.Numbers("daysToClose", [1])]);
        Assert.Throws<KamValidationException>(() => engine.Assign(missing));
    }

    [Fact]
    public void A_policy_with_custom_measure_names_reads_those_columns()
    {
        var policy = new GradingPolicy("days", "p", [new OpportunityGrade(Tier("Hot"), 30, 0.5), new OpportunityGrade(Tier("Cold"), double.MaxValue, 0)]);
        Assert.Equal("days", policy.DaysToCloseMeasure);
        Assert.Equal("p", policy.LikelihoodMeasure);
        Assert.Equal(["Hot", "Cold"], policy.Tiers.Select(t => t.Name));
        var portfolio = AccountMeasures.Create([AccountId.Parse("a"), AccountId.Parse("b")], [MeasureColumn.Numbers("days", [30, 31]), MeasureColumn.Numbers("p", [0.5, 0.9])]);
        var result = new OpportunityGradingEngine(policy).Assign(portfolio);
        Assert.Equal(["Hot", "Cold"], result.Assignments.Select(x => x.Tier));
        Assert.Equal("days", result.Explain(1).Thresholds[0].Quantity);
    }

    [Fact]
    public void A_grade_checks_its_tier_and_limits()
    {
        var ex = Assert.Throws<KamValidationException>(() => new OpportunityGrade(null!, -1, 1.5));
        Assert.Equal(["tier", "maxDaysToClose", "minLikelihood"], ex.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.Required, ex.Errors[0].Code);
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[1].Code);
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[2].Code);
        Assert.Equal(["minLikelihood"], Assert.Throws<KamValidationException>(() => new OpportunityGrade(Tier("A"), 0, -0.1)).Errors.Select(e => e.Path));
        Assert.Equal(["maxDaysToClose"], Assert.Throws<KamValidationException>(() => new OpportunityGrade(Tier("A"), double.NaN, 0)).Errors.Select(e => e.Path));
        var edge = new OpportunityGrade(Tier("A"), 0, 1);
        Assert.Equal((0d, 1d), (edge.MaxDaysToClose, edge.MinLikelihood));
    }

    [Fact]
    public void A_policy_reports_every_problem_with_its_path()
    {
        var ex = Assert.Throws<KamValidationException>(() => new GradingPolicy(" ", "", null!));
        Assert.Equal(["daysToCloseMeasure", "likelihoodMeasure", "grades"], ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Equal(KamErrorCodes.Required, e.Code));

        var nullGrade = Assert.Throws<KamValidationException>(() => new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 30, 0.5), null!, new OpportunityGrade(Tier("C"), 90, 0.1)]));
        Assert.Equal(["grades[1]"], nullGrade.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.Required, nullGrade.Errors[0].Code);
    }

    [Fact]
    public void Each_grade_must_be_no_stricter_than_the_one_before_it()
    {
        var stricterDays = Assert.Throws<KamValidationException>(() => new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 90, 0.5), new OpportunityGrade(Tier("B"), 89, 0.5)]));
        var error = Assert.Single(stricterDays.Errors);
        Assert.Equal("grades[1]", error.Path);
        Assert.Equal(KamErrorCodes.OutOfOrder, error.Code);
        Assert.Equal("B", error.AttemptedValue);
        Assert.Equal("Each grade's limits must be no stricter than the grade before it.", error.Message);

        var stricterLikelihood = Assert.Throws<KamValidationException>(() => new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 90, 0.5), new OpportunityGrade(Tier("B"), 90, 0.51), new OpportunityGrade(Tier("C"), 80, 0.6)]));
        Assert.Equal(["grades[1]", "grades[2]"], stricterLikelihood.Errors.Select(e => e.Path));

        // Equal limits are allowed (no stricter), and a looser grade after a looser one too.
        var equal = new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 90, 0.5), new OpportunityGrade(Tier("B"), 90, 0.5), new OpportunityGrade(Tier("C"), 91, 0.4)]);
        Assert.Equal(3, equal.Grades.Count);
    }

    [Fact]
    public void A_policy_needs_two_grades_with_distinct_names()
    {
        var one = Assert.Throws<KamValidationException>(() => new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 90, 0.5)]));
        Assert.Contains(one.Errors, e => e.Path.StartsWith("grades", StringComparison.Ordinal));
        var twice = Assert.Throws<KamValidationException>(() => new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 90, 0.5), new OpportunityGrade(Tier("A"), 180, 0.4)]));
        Assert.Contains(twice.Errors, e => e.Path.StartsWith("grades[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_copies_its_grades()
    {
        var grades = new List<OpportunityGrade> { new(Tier("A"), 90, 0.5), new(Tier("B"), 180, 0.2) };
        var policy = new GradingPolicy("d", "l", grades);
        grades.Clear();
        Assert.Equal(["A", "B"], policy.Grades.Select(g => g.Tier.Name));
        Assert.Equal(["A", "B"], policy.Tiers.Select(t => t.Name));
    }
    [Fact]
    public void Grading_no_accounts_is_refused_naming_the_policy()
    {
        var none = AccountMeasures.Create([], [MeasureColumn.Numbers("daysToClose", []), MeasureColumn.Numbers("closeLikelihood", [])]);
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => new OpportunityGradingEngine(GradingPolicy.Default).Assign(none)).Errors);
        Assert.Equal(("accounts", KamErrorCodes.Empty), (error.Path, error.Code));
        Assert.Equal("The grading policy needs at least one account.", error.Message);
    }

    [Fact]
    public void The_summary_counts_accounts_per_grade_and_limits_met_exactly_are_met()
    {
        // On the limits exactly: 90 days and 0.7 is an A, and both its checks say met; 365 and 0.2 tries A, B and C.
        var result = new OpportunityGradingEngine(GradingPolicy.Default).Assign(Portfolio([90, 365, 366], [0.7, 0.2, 0.2]));
        Assert.Equal("accounts", result.Summary.ValueMeasure);
        Assert.Equal([1, 0, 1, 1], result.Summary.Tiers.Select(t => t.Accounts));
        Assert.Equal([true, true], result.Explain(0).Thresholds.Select(t => t.Met));
        Assert.Equal([false, false, false, false, true, true], result.Explain(1).Thresholds.Select(t => t.Met));
        Assert.Equal(8, result.Explain(2).Thresholds.Count); // A, B, C and D tried
        Assert.Equal(["A", "B", "C", "D"], GradingPolicy.Default.Grades.Select(g => g.Tier.Name));
        Assert.Equal(
            [
                "All-out: enter the sales process (全力以赴，进入销售流程).",
                "Control the time spent; maintain the account (控制投入时间，客户维护).",
                "Watch for changes; maintain the account (关注变化，客户维护).",
                "Consider last; maintain the account (最后考虑，客户维护).",
            ],
            GradingPolicy.BuildDefault().Tiers.Select(t => t.Description));
    }

    [Fact]
    public void A_grade_read_from_a_file_is_checked_by_the_policy_at_its_full_path()
    {
        // A rule file's grades are built unvalidated and checked by the policy that holds them, with the list index.
        var ex = Assert.Throws<KamValidationException>(() => new GradingPolicy("d", "l", [new OpportunityGrade(Tier("A"), 30, 0.5), OpportunityGrade.Unchecked(Tier("B"), double.NaN, 1.5)]));
        Assert.Equal(["grades[1].maxDaysToClose", "grades[1].minLikelihood"], ex.Errors.Select(e => e.Path).Where(p => p.Contains('.', StringComparison.Ordinal)));
    }
    [Fact]
    public void An_opportunity_that_meets_no_grade_gets_the_last_one()
    {
        // The last grade need not take everything: a miss on every grade still falls to the last, never past it.
        var policy = new GradingPolicy("days", "p", [new OpportunityGrade(Tier("Hot"), 30, 0.5), new OpportunityGrade(Tier("Cold"), 60, 0.1)]);
        var portfolio = AccountMeasures.Create([AccountId.Parse("a")], [MeasureColumn.Numbers("days", [100]), MeasureColumn.Numbers("p", [0])]);
        var result = new OpportunityGradingEngine(policy).Assign(portfolio);
        Assert.Equal("Cold", Assert.Single(result.Assignments).Tier);
        Assert.Equal([false, false, false, false], result.Explain(0).Thresholds.Select(t => t.Met));
    }
}
