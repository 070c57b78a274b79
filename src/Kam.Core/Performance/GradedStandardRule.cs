using System.Globalization;

namespace Kam.Core.Performance;

/// <summary>A limit of a graded standard: the sum of the named observations must not exceed <see cref="Max"/>.</summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class ObservationLimit
{
    /// <summary>Creates a limit.</summary>
    /// <param name="observations">The observation names summed (one name for a plain limit, two for "late or early leave"); at least one, none blank; copied.</param>
    /// <param name="max">The largest allowed sum (inclusive); not negative.</param>
    /// <exception cref="KamValidationException">The maximum is negative, or no observation is named, or a name is blank; every problem is reported.</exception>
    public ObservationLimit(IEnumerable<string> observations, decimal max)
        : this(observations?.ToArray()!, max, validate: true)
    {
    }

    private ObservationLimit(string[]? observations, decimal max, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.NotNegative("max", max);
            if (observations is null || observations.Length == 0 || observations.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add("observations", KamErrorCodes.Empty, null, "A limit names at least one observation, none blank.");
            }

            errors.ThrowIfAny();
        }

        Observations = observations!;
        Max = max;
    }

    /// <summary>Gets the observation names summed.</summary>
    public IReadOnlyList<string> Observations { get; }

    /// <summary>Gets the largest allowed sum (inclusive).</summary>
    public decimal Max { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join("+", Observations) + " ≤ " + DecimalText.Normalize(Max).ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds a limit as read from a file, unvalidated: the standard that holds it validates it with full paths.</summary>
    internal static ObservationLimit Unchecked(IReadOnlyList<string>? observations, decimal max) => new(observations?.ToArray(), max, validate: false);
}

/// <summary>One grade of a graded standard: reached when every limit holds; scores <see cref="Score"/>.</summary>
/// <remarks>Immutable: the limits are copied. The <see cref="GradedStandardRule"/> that holds the grade validates it.</remarks>
public sealed class StandardGrade
{
    /// <summary>Creates a grade.</summary>
    /// <param name="grade">The grade's name (A, B, C, D).</param>
    /// <param name="score">The score the grade gives the indicator.</param>
    /// <param name="limits">The limits that must all hold; empty for the last, catch-all grade; copied.</param>
    /// <exception cref="KamValidationException">The name is blank, or the limits or one of them is missing (paths <c>grade</c>, <c>limits</c>, <c>limits[i]</c>).</exception>
    public StandardGrade(string grade, Ratio score, IReadOnlyList<ObservationLimit> limits)
        : this(grade, score, limits, validate: true)
    {
    }

    private StandardGrade(string grade, Ratio score, IReadOnlyList<ObservationLimit> limits, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("grade", grade);
            if (errors.Required("limits", limits))
            {
                for (var i = 0; i < limits.Count; i++)
                {
                    errors.Required(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"limits[{i}]"), limits[i]);
                }
            }

            errors.ThrowIfAny();
        }

        Grade = grade;
        Score = score;
        Limits = limits?.ToArray()!;
    }

    /// <summary>A grade the rule file reader builds before the standard checks it, with paths in the file.</summary>
    internal static StandardGrade Unchecked(string grade, Ratio score, IReadOnlyList<ObservationLimit> limits) => new(grade, score, limits, validate: false);

    /// <summary>Gets the grade's name (A, B, C, D).</summary>
    public string Grade { get; }

    /// <summary>Gets the score the grade gives the indicator.</summary>
    public Ratio Score { get; }

    /// <summary>Gets the limits that must all hold; empty for the last, catch-all grade.</summary>
    public IReadOnlyList<ObservationLimit> Limits { get; }
}

/// <summary>
/// A graded standard: maps observations (late arrivals, absence days…) to the first grade, best first, whose limits
/// all hold. The rule book's attendance standard (docs/rules/performance-and-pay.md) is the worked example (<see cref="AttendanceStandard"/>).
/// </summary>
/// <remarks>
/// The last grade has no limits, so every set of observations gets a grade. An observation a limit names but the
/// actual lacks is an error, never silently zero. Immutable and thread-safe.
/// </remarks>
public sealed class GradedStandardRule : ScoringRule
{
    /// <summary>Creates the standard.</summary>
    /// <param name="grades">The grades, best first; copied.</param>
    /// <exception cref="KamValidationException">Fewer than two grades, a duplicate or blank grade name, a negative limit, a limit naming no observation, or a last grade with limits.</exception>
    public GradedStandardRule(IEnumerable<StandardGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var copy = grades.ToArray();
        Validate(copy);
        Grades = copy;
    }

    /// <summary>Gets the grades, best first.</summary>
    public IReadOnlyList<StandardGrade> Grades { get; }

    /// <inheritdoc />
    public override string Description =>
        "graded: " + string.Join("; ", Grades.Select(g => g.Limits.Count == 0
            ? $"{g.Grade} ({g.Score}) otherwise"
            : $"{g.Grade} ({g.Score}) if {string.Join(", ", g.Limits)}"));

    /// <inheritdoc />
    internal override IndicatorScore Score(IndicatorActual actual, string path)
    {
        ArgumentNullException.ThrowIfNull(actual);
        foreach (var grade in Grades)
        {
            var holds = true;
            foreach (var limit in grade.Limits)
            {
                var sum = 0m;
                foreach (var name in limit.Observations)
                {
                    if (!actual.Observations.TryGetValue(name, out var count))
                    {
                        throw new KamValidationException($"{path}.{name}", KamErrorCodes.Required, null, $"The graded standard needs the observation '{name}'.");
                    }

                    sum += count;
                }

                if (sum > limit.Max)
                {
                    holds = false;
                    break;
                }
            }

            if (holds)
            {
                return new IndicatorScore(grade.Score, grade.Grade);
            }
        }

        // Unreachable: the last grade has no limits (checked when the rule is built).
        var last = Grades[^1];
        return new IndicatorScore(last.Score, last.Grade);
    }

    private static void Validate(StandardGrade[] grades)
    {
        var errors = new ValidationCollector();
        if (grades.Length < 2)
        {
            errors.Add("grades", KamErrorCodes.Empty, grades.Length, "A graded standard needs at least two grades.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grades.Length; i++)
        {
            var grade = grades[i];
            if (grade is null)
            {
                errors.Add($"grades[{i}]", KamErrorCodes.Required, null, "A grade is required.");
                continue;
            }

            if (errors.Required($"grades[{i}].grade", grade.Grade) && !names.Add(grade.Grade))
            {
                errors.Add($"grades[{i}].grade", KamErrorCodes.Duplicate, grade.Grade, "Grade names must be unique.");
            }

            if (!errors.Required($"grades[{i}].limits", grade.Limits))
            {
                continue;
            }

            if (i == grades.Length - 1 && grade.Limits.Count > 0)
            {
                errors.Add($"grades[{i}].limits", KamErrorCodes.InvalidState, grade.Limits.Count, "The last grade catches everything else and must have no limits.");
            }

            for (var j = 0; j < grade.Limits.Count; j++)
            {
                var limit = grade.Limits[j];
                var at = $"grades[{i}].limits[{j}]";
                if (!errors.Required(at, limit))
                {
                    continue;
                }

                errors.NotNegative($"{at}.max", limit.Max);
                if (limit.Observations is null || limit.Observations.Count == 0 || limit.Observations.Any(string.IsNullOrWhiteSpace))
                {
                    errors.Add($"{at}.observations", KamErrorCodes.Empty, null, "A limit names at least one observation, none blank.");
                }
            }
        }

        errors.ThrowIfAny();
    }
}
