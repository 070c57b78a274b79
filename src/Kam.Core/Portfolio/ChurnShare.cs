namespace Kam.Core.Portfolio;

/// <summary>One row of a churn breakdown (by reason, cause group or industry): the accounts lost under a key and their share of all accounts lost in the period.</summary>
/// <remarks>Immutable. Shares over nothing lost are absent (null).</remarks>
public sealed class ChurnShare
{
    internal ChurnShare(string? key, long lost, Money lostRevenue, long lostInPeriod, decimal lostRevenueInPeriod, long? baseCount)
    {
        Key = key;
        Lost = lost;
        LostRevenue = lostRevenue;
        Share = lostInPeriod > 0 ? Ratio.FromFraction((decimal)lost / lostInPeriod) : null;
        RevenueShare = lostRevenueInPeriod > 0m ? Ratio.FromFraction(lostRevenue.Amount / lostRevenueInPeriod) : null;
        Base = baseCount;
        ChurnRate = baseCount > 0 ? Ratio.FromFraction((decimal)lost / baseCount.Value) : null;
    }

    /// <summary>Gets the key: a reason code, a cause group or an industry; null for accounts without an industry.</summary>
    public string? Key { get; }

    /// <summary>Gets the number of accounts lost under the key.</summary>
    public long Lost { get; }

    /// <summary>Gets their revenue in the period before (the revenue lost).</summary>
    public Money LostRevenue { get; }

    /// <summary>Gets the share of the accounts lost in the period: lost under the key / lost in the period.</summary>
    public Ratio? Share { get; }

    /// <summary>Gets the share of the revenue lost in the period.</summary>
    public Ratio? RevenueShare { get; }

    /// <summary>Gets, in the breakdown by industry, the accounts of the industry at the start of the period; null in the other breakdowns.</summary>
    public long? Base { get; }

    /// <summary>Gets, in the breakdown by industry, the industry's churn rate (lost / base); null in the other breakdowns or on an empty base.</summary>
    public Ratio? ChurnRate { get; }
}
