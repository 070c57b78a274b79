namespace Kam.Core.Value.Economics;

/// <summary>One account's profitability over all the periods given: its totals, its periods, and its two ranks.</summary>
/// <remarks>
/// Ranks start at 1; ties are broken by account id (ordinal), so every account has a distinct rank. An account whose
/// <see cref="ContributionRank"/> is worse than its <see cref="RevenueRank"/> earns less than its size suggests.
/// Immutable and safe to share between threads.
/// </remarks>
/// <param name="Account">The account.</param>
/// <param name="Totals">The profit-and-loss lines summed over the account's periods.</param>
/// <param name="Periods">The account's periods, in period order.</param>
/// <param name="RevenueRank">The account's rank by gross revenue (1 = largest).</param>
/// <param name="ContributionRank">The account's rank by contribution (1 = most profitable).</param>
public sealed record AccountProfitability(
    AccountId Account,
    ProfitLines Totals,
    IReadOnlyList<AccountPeriodProfit> Periods,
    int RevenueRank,
    int ContributionRank)
{
    /// <summary>Gets how many places the account falls from its revenue rank to its contribution rank (negative when it rises).</summary>
    public int RankDrop => ContributionRank - RevenueRank;
}
