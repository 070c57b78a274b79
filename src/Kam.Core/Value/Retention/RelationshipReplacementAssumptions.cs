using Kam.Core.Value.Economics;

namespace Kam.Core.Value.Retention;

/// <summary>The inputs of a relationship's asset value and replacement cost (rule book: value, Relationship asset value and replacement cost).</summary>
/// <remarks>
/// A lost relationship is replaced by winning a comparable account: that costs its acquisition costs (visible and
/// hidden) plus the margin forgone while the new account ramps up linearly to the old one's margin over
/// <see cref="RampUpPeriods"/> periods. An immutable value when built from an immutable list.
/// </remarks>
public sealed class RelationshipReplacementAssumptions
{
    /// <summary>Gets the margin the relationship brings per period.</summary>
    public required Money MarginPerPeriod { get; init; }

    /// <summary>Gets the relationship's retention rate per period; below 100%.</summary>
    public required Percentage Retention { get; init; }

    /// <summary>Gets the discount rate per period.</summary>
    public required Percentage DiscountRate { get; init; }

    /// <summary>Gets the costs of winning a comparable account.</summary>
    public required IReadOnlyList<AcquisitionCost> AcquisitionCosts { get; init; }

    /// <summary>Gets the number of periods a new account needs to reach the full margin; 0 to 1,000. Default: 0.</summary>
    public int RampUpPeriods { get; init; }
}
