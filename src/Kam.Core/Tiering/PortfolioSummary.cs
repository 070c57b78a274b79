namespace Kam.Core.Tiering;

/// <summary>
/// The portfolio seen by tier: accounts, value and share of value per tier, in the policy's tier order (best first).
/// </summary>
/// <remarks>
/// <para>
/// <b>Shares add up to exactly 100%.</b> Each raw share (tier value ÷ total value, tier accounts ÷ all accounts) is cut
/// down to a whole number of 0.0001% units (10⁻⁶ as a fraction); the units still missing to reach 100% go one each to
/// the tiers with the largest cut-off remainders, ties to the better tier (the largest-remainder, or Hamilton, rule).
/// </para>
/// <para>
/// Value can be negative (contribution after cost to serve). A tier whose value is zero or negative gets a 0% share
/// of value and keeps its negative <see cref="TierSummary.Value"/>; shares are taken over the positive tier values.
/// When no tier has positive value the share of value equals the share of accounts; an empty portfolio has 100% in
/// the first tier by convention, so the shares still add up.
/// </para>
/// <para>Immutable; <see cref="Merge"/> combines summaries of disjoint partitions tiered against the same cut points.</para>
/// </remarks>
public sealed class PortfolioSummary
{
    private const decimal Unit = 0.000001m;

    private PortfolioSummary(string valueMeasure, Currency? currency, TierSummary[] tiers)
    {
        ValueMeasure = valueMeasure;
        Currency = currency;
        Tiers = Array.AsReadOnly(tiers);
        var accounts = 0;
        var value = 0d;
        foreach (var tier in tiers)
        {
            accounts += tier.Accounts;
            value += tier.Value;
        }

        Accounts = accounts;
        TotalValue = value;
    }

    /// <summary>Gets the name of the measure whose value is summed (for example "revenue").</summary>
    public string ValueMeasure { get; }

    /// <summary>Gets the currency of the value measure, or <see langword="null"/> when it is not an amount of money.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets one line per tier, best first, including tiers with no accounts.</summary>
    public IReadOnlyList<TierSummary> Tiers { get; }

    /// <summary>Gets the number of accounts in the portfolio.</summary>
    public int Accounts { get; }

    /// <summary>Gets the total value of the portfolio.</summary>
    public double TotalValue { get; }

    /// <summary>Gets the total value as money, rounded to cents, when the value measure is an amount.</summary>
    public Money? TotalAmount => Currency is { } currency ? new Money(Math.Round(Overflow.ToDecimal(TotalValue, TotalPath(ValueMeasure)), 2), currency) : null;

    /// <summary>Combines the summaries of two disjoint partitions tiered with the same tiers (counts and values add).</summary>
    /// <param name="other">The other partition's summary.</param>
    /// <returns>The summary of both partitions, with shares recomputed.</returns>
    /// <exception cref="KamValidationException">The tiers, measure or currency differ.</exception>
    public PortfolioSummary Merge(PortfolioSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var errors = new ValidationCollector();
        if (other.Tiers.Count != Tiers.Count)
        {
            errors.Add("other.tiers", KamErrorCodes.OutOfRange, other.Tiers.Count, "Both summaries must have the same tiers.");
        }
        else
        {
            for (var i = 0; i < Tiers.Count; i++)
            {
                if (!string.Equals(Tiers[i].Tier, other.Tiers[i].Tier, StringComparison.Ordinal))
                {
                    errors.Add($"other.tiers[{i}]", KamErrorCodes.Unknown, other.Tiers[i].Tier, "Both summaries must have the same tiers in the same order.");
                }
            }
        }

        if (!string.Equals(ValueMeasure, other.ValueMeasure, StringComparison.Ordinal))
        {
            errors.Add("other.valueMeasure", KamErrorCodes.Unknown, other.ValueMeasure, "Both summaries must sum the same measure.");
        }

        if (Currency != other.Currency)
        {
            errors.Add("other.currency", KamErrorCodes.CurrencyMismatch, other.Currency?.Code, "Both summaries must be in the same currency.");
        }

        errors.ThrowIfAny();
        var names = new string[Tiers.Count];
        var counts = new int[Tiers.Count];
        var values = new double[Tiers.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Tiers[i].Tier;
            counts[i] = Tiers[i].Accounts + other.Tiers[i].Accounts;
            values[i] = Tiers[i].Value + other.Tiers[i].Value;
        }

        return Create(ValueMeasure, Currency, names, counts, values);
    }

    internal static PortfolioSummary Create(string valueMeasure, Currency? currency, IReadOnlyList<string> tierNames, int[] counts, double[] values)
    {
        var accountWeights = new decimal[counts.Length];
        var valueWeights = new decimal[counts.Length];
        var anyPositive = false;
        var total = 0d;
        for (var i = 0; i < counts.Length; i++)
        {
            accountWeights[i] = counts[i];
            total += values[i];
            if (values[i] > 0d)
            {
                valueWeights[i] = Overflow.ToDecimal(values[i], $"{TotalPath(valueMeasure)} of tier '{tierNames[i]}'");
                anyPositive = true;
            }
        }

        Overflow.ToDecimal(total, TotalPath(valueMeasure));
        var accountShares = Shares(accountWeights, "portfolio accounts");
        var valueShares = anyPositive ? Shares(valueWeights, TotalPath(valueMeasure)) : accountShares;
        var lines = new TierSummary[counts.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new TierSummary(tierNames[i], counts[i], values[i], valueShares[i], accountShares[i]);
        }

        return new PortfolioSummary(valueMeasure, currency, lines);
    }

    /// <summary>The overflow path of a portfolio's total value (<c>portfolio total revenue</c>).</summary>
    private static string TotalPath(string valueMeasure) => $"portfolio total {valueMeasure}";

    /// <summary>Largest-remainder shares in whole 10⁻⁶ units that add up to exactly one.</summary>
    internal static Percentage[] Shares(decimal[] weights, string path)
    {
        var shares = new Percentage[weights.Length];
        if (weights.Length == 0)
        {
            return shares;
        }

        var total = 0m;
        foreach (var w in weights)
        {
            total = Overflow.Add(total, w, path);
        }

        if (total <= 0m)
        {
            shares[0] = Percentage.Hundred;
            for (var i = 1; i < shares.Length; i++)
            {
                shares[i] = Percentage.Zero;
            }

            return shares;
        }

        var units = new long[weights.Length];
        var remainders = new decimal[weights.Length];
        long allotted = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = weights[i] / total / Unit;
            units[i] = (long)decimal.Floor(exact);
            remainders[i] = exact - units[i];
            allotted += units[i];
        }

        var missing = 1_000_000L - allotted;
        var order = new int[weights.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (var k = 0; k < missing; k++)
        {
            units[order[k % order.Length]]++;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = Percentage.FromFraction(units[i] * Unit);
        }

        return shares;
    }
}
