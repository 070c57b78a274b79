namespace Kam.Core.Value.Retention;

/// <summary>A relationship's value as an asset and the cost of replacing it if it were lost (rule book: value, Relationship asset value and replacement cost).</summary>
/// <remarks>Immutable.</remarks>
public sealed class RelationshipReplacement
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="assetValue">The relationship's lifetime value, m·r / (1 + d − r).</param>
    /// <param name="visibleAcquisitionCost">The visible costs of winning a comparable account.</param>
    /// <param name="hiddenAcquisitionCost">The hidden costs of winning a comparable account.</param>
    /// <param name="rampUpShortfall">The discounted margin forgone while the new account ramps up: Σ m·(1 − t/(k+1)) / (1 + d)^t for t = 1..k.</param>
    internal RelationshipReplacement(Money assetValue, Money visibleAcquisitionCost, Money hiddenAcquisitionCost, Money rampUpShortfall)
    {
        AssetValue = assetValue;
        VisibleAcquisitionCost = visibleAcquisitionCost;
        HiddenAcquisitionCost = hiddenAcquisitionCost;
        RampUpShortfall = rampUpShortfall;
    }

    /// <summary>Gets the relationship's lifetime value, m·r / (1 + d − r).</summary>
    public Money AssetValue { get; }

    /// <summary>Gets the visible costs of winning a comparable account.</summary>
    public Money VisibleAcquisitionCost { get; }

    /// <summary>Gets the hidden costs of winning a comparable account.</summary>
    public Money HiddenAcquisitionCost { get; }

    /// <summary>Gets the discounted margin forgone while the new account ramps up: Σ m·(1 − t/(k+1)) / (1 + d)^t for t = 1..k.</summary>
    public Money RampUpShortfall { get; }

    /// <summary>Gets the replacement cost: acquisition costs plus the ramp-up shortfall.</summary>
    public Money ReplacementCost => VisibleAcquisitionCost + HiddenAcquisitionCost + RampUpShortfall;
}
