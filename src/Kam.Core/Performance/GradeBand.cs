namespace Kam.Core.Performance;

/// <summary>A grade of the overall result: reached when the overall score is at least <see cref="MinScore"/>.</summary>
/// <remarks>Immutable and valid from construction; the <see cref="Scorecard"/> that holds the bands checks their order.</remarks>
public sealed class GradeBand
{
    /// <summary>Creates a grade band.</summary>
    /// <param name="grade">The grade's name; not blank.</param>
    /// <param name="minScore">The lowest overall score that earns it.</param>
    /// <exception cref="KamValidationException">The grade's name is blank.</exception>
    public GradeBand(string grade, Ratio minScore)
        : this(grade, minScore, validate: true)
    {
    }

    private GradeBand(string grade, Ratio minScore, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("grade", grade);
            errors.ThrowIfAny();
        }

        Grade = grade;
        MinScore = minScore;
    }

    /// <summary>Gets the grade's name.</summary>
    public string Grade { get; }

    /// <summary>Gets the lowest overall score that earns the grade.</summary>
    public Ratio MinScore { get; }

    /// <summary>Builds a band as read from a file, unvalidated: the scorecard that holds it validates it with full paths.</summary>
    internal static GradeBand Unchecked(string grade, Ratio minScore) => new(grade, minScore, validate: false);
}
