using System.Globalization;
using Kam.Core.Accounts.Serialization;

namespace Kam.Core.Accounts.Targets;

/// <summary>
/// The rules of a top-down allocation (rule book: accounts, targets — split by account and period): which weights
/// split a unit's target among its accounts, and the seasonality that splits each account's part among months.
/// </summary>
/// <remarks>
/// <para>
/// Money is split by the largest-remainder method in the currency's minor unit, so the parts always add up to the
/// whole exactly (see <see cref="TargetAllocator"/> for the rounding and how ties are broken).
/// </para>
/// <para>
/// <see cref="Default"/>: last year's share, flat seasonality (every month weighs the same). Immutable and validated
/// when created; load from JSON with <see cref="FromJson"/>.
/// </para>
/// </remarks>
public sealed class AllocationPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="basis">Where the accounts' weights come from.</param>
    /// <param name="tierWeights">The weight of each tier name, for <see cref="AllocationBasis.Tier"/> (required then): none negative, not all zero (copied).</param>
    /// <param name="seasonality">Twelve weights, one per fiscal month (first month of the fiscal year first): none negative, not all zero, each at most 10^9 with at most 6 decimal places (copied); <see langword="null"/> for flat.</param>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public AllocationPolicy(AllocationBasis basis = AllocationBasis.LastYear, IReadOnlyDictionary<string, decimal>? tierWeights = null, IReadOnlyList<decimal>? seasonality = null)
    {
        var errors = new ValidationCollector();
        Checks.Defined(errors, "basis", basis);
        var tiers = tierWeights is null ? new Dictionary<string, decimal>(StringComparer.Ordinal) : new Dictionary<string, decimal>(tierWeights, StringComparer.Ordinal);
        if (basis == AllocationBasis.Tier && tiers.Count == 0)
        {
            errors.Add("tierWeights", KamErrorCodes.Required, null, "Allocation by tier needs the weight of each tier.");
        }

        foreach (var (tier, weight) in tiers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(tier))
            {
                errors.Add("tierWeights", KamErrorCodes.Required, tier, "A tier name must not be blank.");
            }

            errors.NotNegative($"tierWeights['{tier}']", weight);
        }

        if (tiers.Count > 0 && tiers.Values.All(w => w == 0m))
        {
            errors.Add("tierWeights", KamErrorCodes.InvalidSum, 0m, "The tier weights must not all be zero.");
        }

        var months = seasonality is null ? Enumerable.Repeat(1m, 12).ToArray() : seasonality.ToArray();
        if (months.Length != 12)
        {
            errors.Add("seasonality", KamErrorCodes.OutOfRange, months.Length, "Seasonality has exactly 12 weights, one per fiscal month.");
        }
        else
        {
            var ok = true;
            for (var i = 0; i < 12; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"seasonality[{i}]");
                if (errors.NotNegative(path, months[i]) && (months[i] > 1_000_000_000m || decimal.Round(months[i], 6) != months[i]))
                {
                    errors.Add(path, KamErrorCodes.OutOfRange, months[i], "A seasonality weight is at most 1,000,000,000 with at most 6 decimal places.");
                }

                ok &= months[i] >= 0m;
            }

            if (ok && Array.TrueForAll(months, w => w == 0m))
            {
                errors.Add("seasonality", KamErrorCodes.InvalidSum, 0m, "The seasonality weights must not all be zero.");
            }
        }

        errors.ThrowIfAny();
        Basis = basis;
        TierWeights = tiers.AsReadOnly();
        Seasonality = Array.AsReadOnly(months);
    }

    /// <summary>Gets the default policy: last year's share, flat seasonality.</summary>
    public static AllocationPolicy Default { get; } = new();

    /// <summary>Gets where the accounts' weights come from.</summary>
    public AllocationBasis Basis { get; }

    /// <summary>Gets the weight of each tier name (used by <see cref="AllocationBasis.Tier"/>).</summary>
    public IReadOnlyDictionary<string, decimal> TierWeights { get; }

    /// <summary>Gets the twelve seasonality weights, first fiscal month first.</summary>
    public IReadOnlyList<decimal> Seasonality { get; }

    /// <summary>Reads a policy from JSON (the format is in docs/accounts.md; its schema in docs/schemas/allocation-policy.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy invalid; paths are JSON paths (<c>$.seasonality[3]</c>).</exception>
    public static AllocationPolicy FromJson(string json) => AccountsJson.ReadAllocationPolicy(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AccountsJson.Write(this);
}
