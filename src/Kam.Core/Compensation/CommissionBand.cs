using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>One band of a commission schedule: basis from <see cref="From"/> (inclusive) up to <see cref="To"/> pays <see cref="Rate"/>.</summary>
/// <param name="From">The lower bound, in the schedule's <see cref="BandMeasure"/>.</param>
/// <param name="To">The upper bound, or <see langword="null"/> for the open top band.</param>
/// <param name="Rate">The commission rate of the band.</param>
public sealed record CommissionBand(decimal From, decimal? To, Percentage Rate)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{DecimalText.Normalize(From)}–{(To is { } to ? DecimalText.Normalize(to).ToString(CultureInfo.InvariantCulture) : "∞")} @ {Rate}");
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
