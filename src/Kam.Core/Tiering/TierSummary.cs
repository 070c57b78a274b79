namespace Kam.Core.Tiering;

/// <summary>One tier's line in a <see cref="PortfolioSummary"/>: how many accounts, how much value, which shares.</summary>
/// <remarks>
/// Shares are rounded to 0.0001% with the largest-remainder rule described on <see cref="PortfolioSummary"/>, so the
/// shares of all tiers add up to exactly 100%. Immutable; equality is structural.
/// </remarks>
/// <param name="Tier">The tier's name.</param>
/// <param name="Accounts">The number of accounts in the tier.</param>
/// <param name="Value">The sum of the value measure over the tier's accounts (may be negative for contribution).</param>
/// <param name="ShareOfValue">The tier's share of the portfolio's value.</param>
/// <param name="ShareOfAccounts">The tier's share of the portfolio's accounts.</param>
public sealed record TierSummary(string Tier, int Accounts, double Value, Percentage ShareOfValue, Percentage ShareOfAccounts);
