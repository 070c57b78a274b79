using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>
/// One input of a pay line: a quantity times a factor (a basis times a rate, one month times a salary, a commission
/// times an accelerator's extra). A line's unrounded amount is the sum of its terms' values.
/// </summary>
public readonly struct PayTerm
{
    internal PayTerm(string label, decimal quantity, decimal factor)
    {
        Label = label;
        Quantity = quantity;
        Factor = factor;
    }

    /// <summary>Gets what the term is (for example <c>band 0–100000 @ 1%</c> or <c>base salary</c>).</summary>
    public string Label { get; }

    /// <summary>Gets the quantity (a basis, a count of months, a commission).</summary>
    public decimal Quantity { get; }

    /// <summary>Gets the factor (a rate as a fraction, an amount per month, a multiplier's extra).</summary>
    public decimal Factor { get; }

    /// <summary>Gets the term's value: <see cref="Quantity"/> × <see cref="Factor"/>, not rounded.</summary>
    public decimal Value => Quantity * Factor;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label}: {DecimalText.Normalize(Quantity)} × {DecimalText.Normalize(Factor)}");
}
