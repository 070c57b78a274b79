using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>
/// One input of a pay line: a quantity times a factor (a basis times a rate, one month times a salary, a commission
/// times an accelerator's extra). A line's unrounded amount is the sum of its terms' values.
/// </summary>
/// <param name="Label">What the term is (for example <c>band 0–100000 @ 1%</c> or <c>base salary</c>).</param>
/// <param name="Quantity">The quantity (a basis, a count of months, a commission).</param>
/// <param name="Factor">The factor (a rate as a fraction, an amount per month, a multiplier's extra).</param>
public readonly record struct PayTerm(string Label, decimal Quantity, decimal Factor)
{
    /// <summary>Gets the term's value: <see cref="Quantity"/> × <see cref="Factor"/>, not rounded.</summary>
    public decimal Value => Quantity * Factor;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label}: {DecimalText.Normalize(Quantity)} × {DecimalText.Normalize(Factor)}");
}
