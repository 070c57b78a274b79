namespace Kam.Core.Performance;

/// <summary>
/// How an indicator turns an actual into a score, where a score of 100% means "target met": ratio to target,
/// linear between thresholds, banded, or a graded standard (A/B/C/D).
/// </summary>
/// <remarks>
/// The set of rules is closed (the constructor is not accessible outside the library) so that every rule can be
/// written to and read from JSON. Rules validate themselves when built; a rule never scores an actual NaN or
/// negative. Immutable and thread-safe.
/// </remarks>
public abstract class ScoringRule
{
    private protected ScoringRule()
    {
    }

    /// <summary>Gets a short text describing the rule, shown on every breakdown line that uses it.</summary>
    public abstract string Description { get; }

    /// <summary>Scores an actual.</summary>
    /// <param name="actual">The observed actual.</param>
    /// <param name="path">The path used in an error when the actual lacks what the rule reads.</param>
    /// <returns>The score and, for graded standards, the grade reached.</returns>
    /// <exception cref="KamValidationException">The actual lacks a value or an observation the rule needs.</exception>
    internal abstract IndicatorScore Score(IndicatorActual actual, string path);

    /// <summary>Reads the single value of an actual, or reports that it is missing.</summary>
    /// <param name="actual">The actual.</param>
    /// <param name="path">The error path.</param>
    /// <returns>The value.</returns>
    private protected static decimal RequireValue(IndicatorActual actual, string path)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return actual.Value ?? throw new KamValidationException(path, KamErrorCodes.Required, null, "This indicator is scored from a single value; none was given.");
    }

    /// <summary>Clamps a fraction into a ratio between a floor and a cap.</summary>
    /// <param name="fraction">The raw fraction.</param>
    /// <param name="floor">The lowest score.</param>
    /// <param name="cap">The highest score.</param>
    /// <returns>The clamped ratio.</returns>
    private protected static Ratio Clamp(decimal fraction, Ratio floor, Ratio cap) =>
        Ratio.FromFraction(Math.Min(Math.Max(fraction, floor.Fraction), cap.Fraction));
}

/// <summary>The score one rule gave one actual: a ratio (100% = target met) and, for graded standards, the grade.</summary>
/// <param name="Score">The score.</param>
/// <param name="Grade">The grade reached under a graded standard, or <see langword="null"/>.</param>
internal readonly record struct IndicatorScore(Ratio Score, string? Grade);
