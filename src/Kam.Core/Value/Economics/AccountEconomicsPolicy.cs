using System.Globalization;
using Kam.Core.Serialization;
using Kam.Core.Value.Serialization;

namespace Kam.Core.Value.Economics;

/// <summary>The rules of the profitability calculation: the volume-discount schedule given to large accounts.</summary>
/// <remarks>
/// <para>
/// The rule book (docs/rules/value.md, Volume discounts can make the largest customers unprofitable) says that volume discounts can make the largest accounts unprofitable but gives no
/// schedule, so <see cref="Default"/> has none: discounts then come only from <see cref="AccountPeriodFigures.Discounts"/>.
/// A host sets its own schedule in code or in JSON (<see cref="FromJson"/>):
/// <c>{"volumeDiscounts": [{"minimumRevenue": "1000000 CNY", "rate": "5%"}]}</c>.
/// </para>
/// <para>
/// A policy is validated when it is built: tier thresholds are non-negative, strictly ascending and in one currency.
/// Immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed class AccountEconomicsPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="volumeDiscounts">The volume-discount tiers, in ascending order of threshold.</param>
    /// <exception cref="KamValidationException">The tiers are not valid (paths <c>volumeDiscounts[i]....</c>).</exception>
    public AccountEconomicsPolicy(IEnumerable<VolumeDiscountTier> volumeDiscounts)
    {
        ArgumentNullException.ThrowIfNull(volumeDiscounts);
        VolumeDiscounts = volumeDiscounts.ToArray();
        var errors = Check(VolumeDiscounts, "volumeDiscounts");
        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }

    /// <summary>Gets the default policy: no volume-discount schedule.</summary>
    public static AccountEconomicsPolicy Default { get; } = new([]);

    /// <summary>Gets the volume-discount tiers, in ascending order of threshold.</summary>
    public IReadOnlyList<VolumeDiscountTier> VolumeDiscounts { get; }

    /// <summary>Reads a policy from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; paths start at <c>$</c>.</exception>
    public static AccountEconomicsPolicy FromJson(string json) => KamJson.Read(json, ValueJsonContext.Strict.AccountEconomicsPolicyDto, FromDto);

    internal static AccountEconomicsPolicy FromDto(AccountEconomicsPolicyDto dto)
    {
        var tiers = dto.VolumeDiscounts.Select(t => VolumeDiscountTier.Unchecked(t.MinimumRevenue, t.Rate)).ToArray();
        var errors = Check(tiers, "$.volumeDiscounts");
        return errors.Count > 0 ? throw new KamValidationException(errors) : new AccountEconomicsPolicy(tiers);
    }

    /// <summary>Writes the policy as JSON (the format <see cref="FromJson"/> reads).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => KamJson.Serialize(ToDto(), ValueJsonContext.Strict.AccountEconomicsPolicyDto);

    /// <summary>The policy's JSON form.</summary>
    internal AccountEconomicsPolicyDto ToDto() =>
        new() { VolumeDiscounts = VolumeDiscounts.Select(t => new VolumeDiscountTierDto { MinimumRevenue = t.MinimumRevenue, Rate = t.Rate }).ToArray() };

    /// <summary>Gets the volume-discount rate for a period's gross revenue: the rate of the highest tier reached, or 0.</summary>
    /// <param name="revenue">The gross revenue of one account in one period.</param>
    /// <returns>The rate that applies to all of it.</returns>
    /// <exception cref="CurrencyMismatchException">The revenue is in another currency than the schedule.</exception>
    public Percentage VolumeDiscountRate(Money revenue)
    {
        var rate = Percentage.Zero;
        foreach (var tier in VolumeDiscounts)
        {
            if (revenue >= tier.MinimumRevenue)
            {
                rate = tier.Rate;
            }
        }

        return rate;
    }

    private static List<KamValidationError> Check(IReadOnlyList<VolumeDiscountTier> tiers, string path)
    {
        var errors = new ValidationCollector();
        for (var i = 0; i < tiers.Count; i++)
        {
            if (!errors.Required(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), tiers[i]))
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}].minimumRevenue");
            errors.NotNegative(at, tiers[i].MinimumRevenue.Amount);
            if (i == 0 || tiers[0] is null || tiers[i - 1] is null)
            {
                continue;
            }

            if (tiers[i].MinimumRevenue.Currency != tiers[0].MinimumRevenue.Currency)
            {
                errors.Add(at, KamErrorCodes.CurrencyMismatch, tiers[i].MinimumRevenue, "Every tier threshold must be in the currency of the first tier.");
            }
            else if (tiers[i].MinimumRevenue <= tiers[i - 1].MinimumRevenue)
            {
                errors.Add(at, KamErrorCodes.OutOfOrder, tiers[i].MinimumRevenue, "Tier thresholds must be strictly ascending.");
            }
        }

        return [.. errors.Errors];
    }
}
