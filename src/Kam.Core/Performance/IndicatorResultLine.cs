namespace Kam.Core.Performance;

/// <summary>One breakdown line of an appraisal: an indicator, its actual, the rule used, its score and its contribution to the overall score.</summary>
/// <remarks>Immutable; built by the <see cref="IAppraisalEngine"/>.</remarks>
public sealed class IndicatorResultLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="indicatorId">The indicator's identifier.</param>
    /// <param name="name">The indicator's name.</param>
    /// <param name="section">The section path.</param>
    /// <param name="weight">The indicator's effective weight in the whole scorecard.</param>
    /// <param name="actual">The actual, as text.</param>
    /// <param name="rule">The rule's description.</param>
    /// <param name="score">The indicator's score.</param>
    /// <param name="grade">The grade under a graded standard, or <see langword="null"/>.</param>
    /// <param name="contribution">Weight × score.</param>
    internal IndicatorResultLine(string indicatorId, string name, string section, Percentage weight, string actual, string rule, Ratio score, string? grade, Ratio contribution)
    {
        IndicatorId = indicatorId;
        Name = name;
        Section = section;
        Weight = weight;
        Actual = actual;
        Rule = rule;
        Score = score;
        Grade = grade;
        Contribution = contribution;
    }

    /// <summary>Gets the indicator's identifier.</summary>
    public string IndicatorId { get; }

    /// <summary>Gets the indicator's name.</summary>
    public string Name { get; }

    /// <summary>Gets the section path (for example <c>KPI</c> or <c>Attitude</c>).</summary>
    public string Section { get; }

    /// <summary>Gets the indicator's effective weight in the whole scorecard.</summary>
    public Percentage Weight { get; }

    /// <summary>Gets the actual, as text (a value or observations), or the roll-up rule for rolled-up results.</summary>
    public string Actual { get; }

    /// <summary>Gets the rule's description.</summary>
    public string Rule { get; }

    /// <summary>Gets the indicator's score.</summary>
    public Ratio Score { get; }

    /// <summary>Gets the grade under a graded standard, or <see langword="null"/>.</summary>
    public string? Grade { get; }

    /// <summary>Gets the contribution, weight × score: this line's part of the overall score.</summary>
    public Ratio Contribution { get; }
}
