using System.Collections.ObjectModel;

namespace Kam.Core.Performance;

/// <summary>
/// What was observed for one indicator in one appraisal period: a single measured value (sales attained, a rating,
/// a share reported on time) or a set of named counts (late arrivals, absence days) for a graded standard.
/// </summary>
/// <remarks>
/// An actual carries either a value, observations, or both; the indicator's rule says which it reads. Observation
/// names are compared ordinally. The observations are copied on construction, so the caller's dictionary is never
/// kept or changed. Immutable and thread-safe.
/// </remarks>
public sealed class IndicatorActual
{
    private static readonly IReadOnlyDictionary<string, decimal> NoObservations =
        new ReadOnlyDictionary<string, decimal>(new Dictionary<string, decimal>(StringComparer.Ordinal));

    private IndicatorActual(decimal? value, IReadOnlyDictionary<string, decimal> observations)
    {
        Value = value;
        Observations = observations;
    }

    /// <summary>Gets the measured value, or <see langword="null"/> when only observations were given.</summary>
    public decimal? Value { get; }

    /// <summary>Gets the named observation counts (empty when only a value was given).</summary>
    public IReadOnlyDictionary<string, decimal> Observations { get; }

    /// <summary>Creates an actual from one measured value.</summary>
    /// <param name="value">The value, in the indicator's unit.</param>
    /// <returns>The actual.</returns>
    public static IndicatorActual Of(decimal value) => new(value, NoObservations);

    /// <summary>Creates an actual from named observation counts (for a graded standard).</summary>
    /// <param name="observations">The counts by name; copied.</param>
    /// <returns>The actual.</returns>
    /// <exception cref="KamValidationException">A count is negative.</exception>
    public static IndicatorActual Observed(IReadOnlyDictionary<string, decimal> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var errors = new ValidationCollector();
        var copy = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, count) in observations)
        {
            errors.NotNegative($"observations.{name}", count);
            copy[name] = count;
        }

        errors.ThrowIfAny();
        return new IndicatorActual(null, new ReadOnlyDictionary<string, decimal>(copy));
    }

    /// <summary>Returns the actual as text (values shown to at most six decimals; the value itself is not rounded).</summary>
    /// <returns>The value, or the observations as <c>name=count</c> pairs in name order.</returns>
    public override string ToString() =>
        Value is { } value
            ? DecimalText.Normalize(Math.Round(value, 6)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Join(", ", Observations.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => o.Key + "=" + DecimalText.Normalize(o.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
