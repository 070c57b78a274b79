namespace Kam.Core.Value.Economics;

/// <summary>An amount spent on winning an account, and what it was spent on.</summary>
/// <remarks>The amount must not be negative; engines check it. An immutable value; equality is member-wise.</remarks>
/// <param name="Kind">What the money was spent on (visible or hidden).</param>
/// <param name="Amount">The amount spent.</param>
public readonly record struct AcquisitionCost(AcquisitionCostKind Kind, Money Amount)
{
    /// <summary>Gets a value indicating whether this is a hidden cost.</summary>
    public bool IsHidden => Kind.IsHidden();
}
