namespace Kam.Core.Value.Economics;

/// <summary>One step of a volume-discount schedule: from <see cref="MinimumRevenue"/> of gross revenue in a period, <see cref="Rate"/> off all of it.</summary>
/// <remarks>
/// Discounts are "all units": the rate of the highest tier reached applies to the whole period's revenue, which is
/// how volume discounts make the largest accounts the least profitable (rule book: value, Volume discounts can make
/// the largest customers unprofitable). Immutable; the <see cref="AccountEconomicsPolicy"/> that holds the tiers
/// validates them.
/// </remarks>
public sealed class VolumeDiscountTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="minimumRevenue">The gross revenue in a period from which the tier applies.</param>
    /// <param name="rate">The discount, as a share of gross revenue.</param>
    public VolumeDiscountTier(Money minimumRevenue, Percentage rate)
    {
        MinimumRevenue = minimumRevenue;
        Rate = rate;
    }

    /// <summary>Gets the gross revenue in a period from which the tier applies.</summary>
    public Money MinimumRevenue { get; }

    /// <summary>Gets the discount, as a share of gross revenue.</summary>
    public Percentage Rate { get; }
}
