namespace Kam.Core.Value.Economics;

/// <summary>One account's profitability over all the periods given: its totals, its periods, and its two ranks.</summary>
/// <remarks>
/// Ranks start at 1; ties are broken by account id (ordinal), so every account has a distinct rank. An account whose
/// <see cref="ContributionRank"/> is worse than its <see cref="RevenueRank"/> earns less than its size suggests.
/// Immutable and safe to share between threads.
/// </remarks>
public sealed class AccountProfitability
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="account">The account.</param>
    /// <param name="totals">The profit-and-loss lines summed over the account's periods.</param>
    /// <param name="periods">The account's periods, in period order.</param>
    /// <param name="revenueRank">The account's rank by gross revenue (1 = largest).</param>
    /// <param name="contributionRank">The account's rank by contribution (1 = most profitable).</param>
    internal AccountProfitability(AccountId account, ProfitLines totals, IReadOnlyList<AccountPeriodProfit> periods, int revenueRank, int contributionRank)
    {
        Account = account;
        Totals = totals;
        Periods = periods;
        RevenueRank = revenueRank;
        ContributionRank = contributionRank;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the profit-and-loss lines summed over the account's periods.</summary>
    public ProfitLines Totals { get; }

    /// <summary>Gets the account's periods, in period order.</summary>
    public IReadOnlyList<AccountPeriodProfit> Periods { get; }

    /// <summary>Gets the account's rank by gross revenue (1 = largest).</summary>
    public int RevenueRank { get; }

    /// <summary>Gets the account's rank by contribution (1 = most profitable).</summary>
    public int ContributionRank { get; }

    /// <summary>Gets how many places the account falls from its revenue rank to its contribution rank (negative when it rises).</summary>
    public int RankDrop => ContributionRank - RevenueRank;
}
