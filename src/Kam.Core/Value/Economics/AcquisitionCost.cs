namespace Kam.Core.Value.Economics;

/// <summary>An amount spent on winning an account, and what it was spent on.</summary>
/// <remarks>The amount must not be negative; the engines that use the cost check it. Immutable.</remarks>
public sealed class AcquisitionCost
{
    /// <summary>Creates a cost.</summary>
    /// <param name="kind">What the money was spent on (visible or hidden).</param>
    /// <param name="amount">The amount spent.</param>
    public AcquisitionCost(AcquisitionCostKind kind, Money amount)
    {
        Kind = kind;
        Amount = amount;
    }

    /// <summary>Gets what the money was spent on (visible or hidden).</summary>
    public AcquisitionCostKind Kind { get; }

    /// <summary>Gets the amount spent.</summary>
    public Money Amount { get; }

    /// <summary>Gets a value indicating whether this is a hidden cost.</summary>
    public bool IsHidden => Kind.IsHidden();
}
