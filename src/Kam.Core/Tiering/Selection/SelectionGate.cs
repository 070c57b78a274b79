namespace Kam.Core.Tiering;

/// <summary>
/// A condition every key account must meet: the named measure within [<see cref="Minimum"/>, <see cref="Maximum"/>]
/// (for example "creditRisk" at most 0, "contribution" at least 0). A missing value fails the gate.
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Measure">The measure checked.</param>
/// <param name="Minimum">The lowest passing value, or <see langword="null"/>.</param>
/// <param name="Maximum">The highest passing value, or <see langword="null"/>.</param>
public sealed record SelectionGate(string Measure, double? Minimum = null, double? Maximum = null)
{
    internal bool Passes(double value) => (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);
}
