namespace Kam.Core.Value.Retention;

/// <summary>A relationship's value as an asset and the cost of replacing it if it were lost (001…txt:235).</summary>
/// <remarks>An immutable value; equality is member-wise.</remarks>
/// <param name="AssetValue">The relationship's lifetime value, m·r / (1 + d − r).</param>
/// <param name="VisibleAcquisitionCost">The visible costs of winning a comparable account.</param>
/// <param name="HiddenAcquisitionCost">The hidden costs of winning a comparable account.</param>
/// <param name="RampUpShortfall">The discounted margin forgone while the new account ramps up: Σ m·(1 − t/(k+1)) / (1 + d)^t for t = 1..k.</param>
public sealed record RelationshipReplacement(Money AssetValue, Money VisibleAcquisitionCost, Money HiddenAcquisitionCost, Money RampUpShortfall)
{
    /// <summary>Gets the replacement cost: acquisition costs plus the ramp-up shortfall.</summary>
    public Money ReplacementCost => VisibleAcquisitionCost + HiddenAcquisitionCost + RampUpShortfall;
}
