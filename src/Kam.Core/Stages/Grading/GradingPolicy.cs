using Kam.Core.Tiering;
using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Stages.Grading;

/// <summary>
/// Opportunity grading A/B/C/D by expected close time and likelihood to close (rule book: opportunity grading): the
/// grades in order, each with its limits and the action it implies; the last grade takes everything else.
/// </summary>
/// <remarks>
/// <para>
/// The rule book names the two factors and the actions (A: all-out, enter the sales process; B: control time spent,
/// maintain; C: watch for changes, maintain; D: consider last, maintain) but gives no numbers; the default limits
/// (A ≤ 90 days and ≥ 70%, B ≤ 180 days and ≥ 40%, C ≤ 365 days and ≥ 20%) are ours, to be replaced by the host.
/// </para>
/// <para>The score of a graded account is its likelihood. Immutable and validated when created.</para>
/// </remarks>
public sealed class GradingPolicy
{
    /// <summary>Gets the default A/B/C/D grading with the rule book's actions.</summary>
    public static GradingPolicy Default { get; } = BuildDefault();

    /// <summary>Builds the default grading afresh (<see cref="Default"/> is the one built once per process); internal so that
    /// the tests of its contents can check a fresh one, which a mutation tester reusing its test host can change.</summary>
    internal static GradingPolicy BuildDefault() => new("daysToClose", "closeLikelihood",
    [
        new(new TierDefinition("A", "All-out: enter the sales process (全力以赴，进入销售流程)."), 90, 0.7),
        new(new TierDefinition("B", "Control the time spent; maintain the account (控制投入时间，客户维护)."), 180, 0.4),
        new(new TierDefinition("C", "Watch for changes; maintain the account (关注变化，客户维护)."), 365, 0.2),
        new(new TierDefinition("D", "Consider last; maintain the account (最后考虑，客户维护)."), double.MaxValue, 0),
    ]);

    /// <summary>Gets the name of the measure holding the expected days to close.</summary>
    public string DaysToCloseMeasure { get; }

    /// <summary>Gets the name of the measure holding the likelihood to close (0 to 1).</summary>
    public string LikelihoodMeasure { get; }

    /// <summary>Gets the grades, best first.</summary>
    public IReadOnlyList<OpportunityGrade> Grades { get; }

    /// <summary>Gets the grades' tiers, best first.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Creates a grading policy.</summary>
    /// <param name="daysToCloseMeasure">The measure of expected days to close.</param>
    /// <param name="likelihoodMeasure">The measure of likelihood to close.</param>
    /// <param name="grades">The grades, best first; limits loosen from grade to grade; at least two.</param>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public GradingPolicy(string daysToCloseMeasure, string likelihoodMeasure, IReadOnlyList<OpportunityGrade> grades)
    {
        var errors = new ValidationCollector();
        errors.Required("daysToCloseMeasure", daysToCloseMeasure);
        errors.Required("likelihoodMeasure", likelihoodMeasure);
        if (errors.Required("grades", grades))
        {
            var tiers = new List<TierDefinition>();
            for (var i = 0; i < grades.Count; i++)
            {
                var g = grades[i];
                if (!errors.Required($"grades[{i}]", g))
                {
                    continue;
                }

                tiers.Add(g.Tier);
                errors.FiniteInRange($"grades[{i}].maxDaysToClose", g.MaxDaysToClose, 0d);
                errors.FiniteInRange($"grades[{i}].minLikelihood", g.MinLikelihood, 0d, 1d);
                if (i > 0 && grades[i - 1] is { } prev && (g.MaxDaysToClose < prev.MaxDaysToClose || g.MinLikelihood > prev.MinLikelihood))
                {
                    errors.Add($"grades[{i}]", KamErrorCodes.OutOfOrder, g.Tier?.Name, "Each grade's limits must be no stricter than the grade before it.");
                }
            }

            TierDefinition.ValidateList(errors, "grades", tiers, 2);
        }

        errors.ThrowIfAny();
        DaysToCloseMeasure = daysToCloseMeasure;
        LikelihoodMeasure = likelihoodMeasure;
        Grades = Array.AsReadOnly(grades!.ToArray());
        Tiers = Array.AsReadOnly(TierSets.Of(Grades, x => x.Tier));
    }

    /// <summary>Reads a policy from JSON (see docs/tiering.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static GradingPolicy FromJson(string json) => TieringJson.ReadGrading(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
