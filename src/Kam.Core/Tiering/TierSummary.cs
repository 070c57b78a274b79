namespace Kam.Core.Tiering;

/// <summary>One tier's line in a <see cref="PortfolioSummary"/>: how many accounts, how much value, which shares.</summary>
/// <remarks>
/// Shares are rounded to 0.0001% with the largest-remainder rule described on <see cref="PortfolioSummary"/>, so the
/// shares of all tiers add up to exactly 100%. Immutable.
/// </remarks>
public sealed class TierSummary
{
    internal TierSummary(string tier, int accounts, double value, Percentage shareOfValue, Percentage shareOfAccounts)
    {
        Tier = tier;
        Accounts = accounts;
        Value = value;
        ShareOfValue = shareOfValue;
        ShareOfAccounts = shareOfAccounts;
    }

    /// <summary>Gets the tier's name.</summary>
    public string Tier { get; }

    /// <summary>Gets the number of accounts in the tier.</summary>
    public int Accounts { get; }

    /// <summary>Gets the sum of the value measure over the tier's accounts (may be negative for contribution).</summary>
    public double Value { get; }

    /// <summary>Gets the tier's share of the portfolio's value.</summary>
    public Percentage ShareOfValue { get; }

    /// <summary>Gets the tier's share of the portfolio's accounts.</summary>
    public Percentage ShareOfAccounts { get; }
}
