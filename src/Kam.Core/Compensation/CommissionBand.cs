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
/// <param name="Above">The attainment above which the multiplier applies (usually 100%).</param>
/// <param name="Multiplier">The multiplier (at least 1; 1.5 pays half as much again).</param>
/// <remarks>With several accelerators, each applies to the slice between its threshold and the next one's.</remarks>
public sealed record Accelerator(Ratio Above, decimal Multiplier);

/// <summary>A decelerator: when attainment is below <see cref="Below"/>, the whole commission is multiplied by <see cref="Factor"/>.</summary>
/// <param name="Below">The attainment threshold.</param>
/// <param name="Factor">The factor paid below the threshold (for example 50%).</param>
public sealed record Decelerator(Ratio Below, Percentage Factor);
