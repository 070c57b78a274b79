using System.Globalization;

namespace Kam.Core.Performance;

/// <summary>Scores an actual as its ratio to a target (actual ÷ target, or target ÷ actual when lower is better), kept between a floor and a cap.</summary>
/// <remarks>
/// A sales attainment of 90 against a target of 100 scores 90%; with a cap of 120% an attainment of 150 scores
/// 120%. When lower is better, an actual of zero scores the cap. Immutable and thread-safe.
/// </remarks>
public sealed class RatioToTargetRule : ScoringRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="target">The target; must be positive.</param>
    /// <param name="floor">The lowest score (usually 0%).</param>
    /// <param name="cap">The highest score; must not be below the floor.</param>
    /// <param name="lowerIsBetter">Whether a smaller actual is better (complaints, days late).</param>
    /// <exception cref="KamValidationException">The target is not positive or the cap is below the floor.</exception>
    public RatioToTargetRule(decimal target, Ratio floor, Ratio cap, bool lowerIsBetter = false)
    {
        var errors = new ValidationCollector();
        if (target <= 0m)
        {
            errors.Add(nameof(target), KamErrorCodes.OutOfRange, target, "The target must be positive.");
        }

        if (cap < floor)
        {
            errors.Add(nameof(cap), KamErrorCodes.OutOfOrder, cap, "The cap must not be below the floor.");
        }

        errors.ThrowIfAny();
        Target = target;
        Floor = floor;
        Cap = cap;
        LowerIsBetter = lowerIsBetter;
    }

    /// <summary>Gets the target.</summary>
    public decimal Target { get; }

    /// <summary>Gets the lowest score.</summary>
    public Ratio Floor { get; }

    /// <summary>Gets the highest score.</summary>
    public Ratio Cap { get; }

    /// <summary>Gets a value indicating whether a smaller actual is better.</summary>
    public bool LowerIsBetter { get; }

    /// <inheritdoc />
    public override string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"{(LowerIsBetter ? "target ÷ actual" : "actual ÷ target")}, target {DecimalText.Normalize(Target)}, floor {Floor}, cap {Cap}");

    /// <inheritdoc />
    internal override IndicatorScore Score(IndicatorActual actual, string path)
    {
        var value = RequireValue(actual, path);
        if (value < 0m)
        {
            throw new KamValidationException(path, KamErrorCodes.OutOfRange, value.ToString(CultureInfo.InvariantCulture), "A ratio-to-target actual must not be negative.");
        }

        var fraction = LowerIsBetter ? (value == 0m ? Cap.Fraction : Target / value) : value / Target;
        return new IndicatorScore(Clamp(fraction, Floor, Cap), null);
    }
}
