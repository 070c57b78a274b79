using System.Globalization;

namespace Kam.Core.Performance;

/// <summary>Scores an actual linearly between two thresholds: 0% at <see cref="ZeroAt"/>, 100% at <see cref="FullAt"/>, clamped to 0%..<see cref="Cap"/>.</summary>
/// <remarks>
/// When <see cref="FullAt"/> is below <see cref="ZeroAt"/> the scale runs downwards (fewer is better). Example:
/// visits per month, 0% at 4 visits and 100% at 12 visits: 8 visits score 50%. Immutable and thread-safe.
/// </remarks>
public sealed class LinearRule : ScoringRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="zeroAt">The actual that scores 0%.</param>
    /// <param name="fullAt">The actual that scores 100%; must differ from <paramref name="zeroAt"/>.</param>
    /// <param name="cap">The highest score (at least 100%).</param>
    /// <exception cref="KamValidationException">The thresholds are equal or the cap is below 100%.</exception>
    public LinearRule(decimal zeroAt, decimal fullAt, Ratio cap)
    {
        var errors = new ValidationCollector();
        if (zeroAt == fullAt)
        {
            errors.Add(nameof(fullAt), KamErrorCodes.OutOfOrder, fullAt, "The two thresholds must differ.");
        }

        if (cap < Ratio.One)
        {
            errors.Add(nameof(cap), KamErrorCodes.OutOfRange, cap, "The cap must be at least 100%.");
        }

        errors.ThrowIfAny();
        ZeroAt = zeroAt;
        FullAt = fullAt;
        Cap = cap;
    }

    /// <summary>Gets the actual that scores 0%.</summary>
    public decimal ZeroAt { get; }

    /// <summary>Gets the actual that scores 100%.</summary>
    public decimal FullAt { get; }

    /// <summary>Gets the highest score.</summary>
    public Ratio Cap { get; }

    /// <inheritdoc />
    public override string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"linear: 0% at {DecimalText.Normalize(ZeroAt)}, 100% at {DecimalText.Normalize(FullAt)}, cap {Cap}");

    /// <inheritdoc />
    internal override IndicatorScore Score(IndicatorActual actual, string path)
    {
        var value = RequireValue(actual, path);
        return new IndicatorScore(Clamp((value - ZeroAt) / (FullAt - ZeroAt), Ratio.Zero, Cap), null);
    }
}
