namespace Kam.Core.Value.Economics;

/// <summary>One step of a volume-discount schedule: from <see cref="MinimumRevenue"/> of gross revenue in a period, <see cref="Rate"/> off all of it.</summary>
/// <remarks>
/// Discounts are "all units": the rate of the highest tier reached applies to the whole period's revenue, which is
/// how volume discounts make the largest accounts the least profitable (SPEC.md §4, 000…txt:395-397). An immutable
/// value; equality is member-wise.
/// </remarks>
/// <param name="MinimumRevenue">The gross revenue in a period from which the tier applies.</param>
/// <param name="Rate">The discount, as a share of gross revenue.</param>
public readonly record struct VolumeDiscountTier(Money MinimumRevenue, Percentage Rate);
