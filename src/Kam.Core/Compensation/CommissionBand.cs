using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>One band of a commission schedule: basis from <see cref="From"/> (inclusive) up to <see cref="To"/> pays <see cref="Rate"/>.</summary>
/// <remarks>Immutable and valid from construction; the <see cref="CommissionSchedule"/> that holds the bands checks that they touch.</remarks>
public sealed class CommissionBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="from">The lower bound, in the schedule's <see cref="BandMeasure"/>; not negative.</param>
    /// <param name="to">The upper bound, above <paramref name="from"/>, or <see langword="null"/> for the open top band.</param>
    /// <param name="rate">The commission rate of the band.</param>
    /// <exception cref="KamValidationException">The lower bound is negative or the upper bound is not above it; every problem is reported.</exception>
    public CommissionBand(decimal from, decimal? to, Percentage rate)
        : this(from, to, rate, validate: true)
    {
    }

    private CommissionBand(decimal from, decimal? to, Percentage rate, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.NotNegative("from", from);
            if (to is { } upper && upper <= from)
            {
                errors.Add("to", KamErrorCodes.OutOfOrder, upper, "A band ends above where it starts.");
            }

            errors.ThrowIfAny();
        }

        From = from;
        To = to;
        Rate = rate;
    }

    /// <summary>Gets the lower bound (inclusive), in the schedule's <see cref="BandMeasure"/>.</summary>
    public decimal From { get; }

    /// <summary>Gets the upper bound, or <see langword="null"/> for the open top band.</summary>
    public decimal? To { get; }

    /// <summary>Gets the commission rate of the band.</summary>
    public Percentage Rate { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{DecimalText.Normalize(From)}–{(To is { } to ? DecimalText.Normalize(to).ToString(CultureInfo.InvariantCulture) : "∞")} @ {Rate}");

    /// <summary>Builds a band as read from a file, unvalidated: the schedule that holds it validates it with full paths.</summary>
    internal static CommissionBand Unchecked(decimal from, decimal? to, Percentage rate) => new(from, to, rate, validate: false);
}

/// <summary>An accelerator: the commission earned on the basis above <see cref="Above"/> of quota is multiplied by <see cref="Multiplier"/>.</summary>
/// <remarks>
/// With several accelerators, each applies to the slice between its threshold and the next one's. Immutable and valid
/// from construction; the <see cref="CommissionSchedule"/> that holds them checks that the thresholds rise.
/// </remarks>
public sealed class Accelerator
{
    /// <summary>Creates an accelerator.</summary>
    /// <param name="above">The attainment above which the multiplier applies (usually 100%).</param>
    /// <param name="multiplier">The multiplier: at least 1 (1.5 pays half as much again).</param>
    /// <exception cref="KamValidationException">The multiplier is below 1 (path <c>multiplier</c>).</exception>
    public Accelerator(Ratio above, decimal multiplier)
        : this(above, multiplier, validate: true)
    {
    }

    private Accelerator(Ratio above, decimal multiplier, bool validate)
    {
        if (validate && multiplier < 1m)
        {
            var errors = new ValidationCollector();
            errors.Add("multiplier", KamErrorCodes.OutOfRange, multiplier, "An accelerator's multiplier is at least 1.");
            errors.ThrowIfAny();
        }

        Above = above;
        Multiplier = multiplier;
    }

    /// <summary>Gets the attainment above which the multiplier applies.</summary>
    public Ratio Above { get; }

    /// <summary>Gets the multiplier (at least 1).</summary>
    public decimal Multiplier { get; }

    /// <summary>Builds an accelerator as read from a file, unvalidated: the schedule that holds it validates it with full paths.</summary>
    internal static Accelerator Unchecked(Ratio above, decimal multiplier) => new(above, multiplier, validate: false);
}

/// <summary>A decelerator: when attainment is below <see cref="Below"/>, the whole commission is multiplied by <see cref="Factor"/>.</summary>
/// <remarks>Immutable; every value of its types is valid.</remarks>
public sealed class Decelerator
{
    /// <summary>Creates a decelerator.</summary>
    /// <param name="below">The attainment threshold.</param>
    /// <param name="factor">The factor paid below the threshold (for example 50%).</param>
    public Decelerator(Ratio below, Percentage factor)
    {
        Below = below;
        Factor = factor;
    }

    /// <summary>Gets the attainment threshold.</summary>
    public Ratio Below { get; }

    /// <summary>Gets the factor paid below the threshold.</summary>
    public Percentage Factor { get; }
}
