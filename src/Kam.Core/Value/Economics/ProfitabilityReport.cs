namespace Kam.Core.Value.Economics;

/// <summary>
/// Account profitability for a portfolio, ranked by revenue and by contribution so that "the largest account is not
/// necessarily the most profitable" (rule book: value, Account profitability) is visible at a glance.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class ProfitabilityReport
{
    internal ProfitabilityReport(Currency currency, IReadOnlyList<AccountProfitability> byRevenue, IReadOnlyList<AccountProfitability> byContribution, ProfitLines totals)
    {
        Currency = currency;
        ByRevenue = byRevenue;
        ByContribution = byContribution;
        Totals = totals;
    }

    /// <summary>Gets the currency of every amount in the report.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the accounts, largest revenue first.</summary>
    public IReadOnlyList<AccountProfitability> ByRevenue { get; }

    /// <summary>Gets the accounts, largest contribution first.</summary>
    public IReadOnlyList<AccountProfitability> ByContribution { get; }

    /// <summary>Gets the portfolio totals.</summary>
    public ProfitLines Totals { get; }

    /// <summary>Gets the account with the largest revenue.</summary>
    public AccountProfitability LargestAccount => ByRevenue[0];

    /// <summary>Gets the account with the largest contribution.</summary>
    public AccountProfitability MostProfitableAccount => ByContribution[0];

    /// <summary>Gets a value indicating whether the largest account is also the most profitable one.</summary>
    public bool LargestIsMostProfitable => LargestAccount.Account == MostProfitableAccount.Account;

    /// <summary>Gets the accounts whose contribution is negative, largest loss first.</summary>
    public IReadOnlyList<AccountProfitability> LossMakingAccounts =>
        ByContribution.Where(a => a.Totals.Contribution.IsNegative).Reverse().ToArray();
}
