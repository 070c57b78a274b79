namespace Kam.Core.Tiering;

/// <summary>
/// A gate on a criterion: an account whose raw value falls outside [<see cref="Minimum"/>, <see cref="Maximum"/>]
/// can never be above <see cref="CapTier"/>, whatever its score. This is how "revenue alone is not enough" and
/// "credit risk blocks key-account status" are written (SPEC.md §2, 000…txt:419-425, 001…txt:217).
/// </summary>
/// <remarks>A missing value fails the gate unless the missing-value policy imputes one. Immutable; equality is structural.</remarks>
/// <param name="CapTier">The best tier an account failing the gate may reach.</param>
/// <param name="Minimum">The lowest passing raw value, or <see langword="null"/> for no lower limit (1 for "must be yes").</param>
/// <param name="Maximum">The highest passing raw value, or <see langword="null"/> for no upper limit (0 for "must be no").</param>
public sealed record CriterionGate(string CapTier, double? Minimum = null, double? Maximum = null)
{
    internal bool Passes(double value) => (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);
}
