namespace Kam.Core.Performance;

/// <summary>The result of one person's appraisal for one period: an overall score, a grade, and a line per indicator.</summary>
/// <remarks>The overall score is exactly the sum of the lines' contributions. Immutable; the lines are copied.</remarks>
public sealed class AppraisalResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="person">The person.</param>
    /// <param name="period">The period.</param>
    /// <param name="score">The overall score.</param>
    /// <param name="grade">The grade of the overall score.</param>
    /// <param name="lines">The breakdown lines.</param>
    internal AppraisalResult(PersonId person, FiscalPeriod period, Ratio score, string grade, IEnumerable<IndicatorResultLine> lines)
    {
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(lines);
        Person = person;
        Period = period;
        Score = score;
        Grade = grade;
        Lines = lines.ToArray();
    }

    /// <summary>Gets the person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the overall score.</summary>
    public Ratio Score { get; }

    /// <summary>Gets the grade.</summary>
    public string Grade { get; }

    /// <summary>Gets the breakdown lines, in scorecard order.</summary>
    public IReadOnlyList<IndicatorResultLine> Lines { get; }
}
