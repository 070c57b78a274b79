namespace Kam.Core.Value.Economics;

/// <summary>One step of a volume-discount schedule: from <see cref="MinimumRevenue"/> of gross revenue in a period, <see cref="Rate"/> off all of it.</summary>
/// <remarks>
/// Discounts are "all units": the rate of the highest tier reached applies to the whole period's revenue, which is
/// how volume discounts make the largest accounts the least profitable (rule book: value, Volume discounts can make
/// the largest customers unprofitable). Immutable and valid from construction (a threshold is not negative); the
/// <see cref="AccountEconomicsPolicy"/> that holds the tiers checks their order and currency.
/// </remarks>
public sealed class VolumeDiscountTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="minimumRevenue">The gross revenue in a period from which the tier applies.</param>
    /// <param name="rate">The discount, as a share of gross revenue.</param>
    /// <exception cref="KamValidationException">The threshold is negative (path <c>minimumRevenue</c>).</exception>
    public VolumeDiscountTier(Money minimumRevenue, Percentage rate)
        : this(minimumRevenue, rate, validate: true)
    {
    }

    private VolumeDiscountTier(Money minimumRevenue, Percentage rate, bool validate)
    {
        if (validate && minimumRevenue.IsNegative)
        {
            throw new KamValidationException("minimumRevenue", KamErrorCodes.OutOfRange, minimumRevenue.ToString(null, System.Globalization.CultureInfo.InvariantCulture), "A tier threshold must not be negative.");
        }

        MinimumRevenue = minimumRevenue;
        Rate = rate;
    }

    /// <summary>Gets the gross revenue in a period from which the tier applies.</summary>
    public Money MinimumRevenue { get; }

    /// <summary>Gets the discount, as a share of gross revenue.</summary>
    public Percentage Rate { get; }

    /// <summary>A tier the rule file reader builds before the policy checks it, with paths in the file.</summary>
    internal static VolumeDiscountTier Unchecked(Money minimumRevenue, Percentage rate) => new(minimumRevenue, rate, validate: false);
}
