namespace Kam.Core.Tiering;

/// <summary>
/// One threshold of a policy compared with an account's value: which quantity, the account's value, the limit, and
/// whether the account met it (for example "cumulative share before the account 73% &lt; 80% → A").
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class ThresholdCheck
{
    internal ThresholdCheck(string quantity, double value, string comparison, double limit, bool met, string tier)
    {
        Quantity = quantity;
        Value = value;
        Comparison = comparison;
        Limit = limit;
        Met = met;
        Tier = tier;
    }

    /// <summary>Gets what was compared (a measure name or a derived quantity such as "score").</summary>
    public string Quantity { get; }

    /// <summary>Gets the account's value of that quantity.</summary>
    public double Value { get; }

    /// <summary>Gets the comparison the policy requires, as text (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>).</summary>
    public string Comparison { get; }

    /// <summary>Gets the threshold.</summary>
    public double Limit { get; }

    /// <summary>Gets a value indicating whether the account's value meets the comparison.</summary>
    public bool Met { get; }

    /// <summary>Gets the tier this threshold leads to when met.</summary>
    public string Tier { get; }

    /// <summary>The same check leading to another tier.</summary>
    internal ThresholdCheck WithTier(string tier) => new(Quantity, Value, Comparison, Limit, Met, tier);
}
