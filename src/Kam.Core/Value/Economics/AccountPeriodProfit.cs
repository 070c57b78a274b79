namespace Kam.Core.Value.Economics;

/// <summary>One account's profit and loss for one period, from gross revenue down to contribution.</summary>
/// <remarks>
/// Contribution = revenue − volume discount − other discounts − cost of goods − cost to serve − acquisition costs
/// (visible and hidden). Immutable.
/// </remarks>
public sealed class AccountPeriodProfit
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">The period.</param>
    /// <param name="lines">The profit-and-loss lines.</param>
    internal AccountPeriodProfit(AccountId account, FiscalPeriod period, ProfitLines lines)
    {
        Account = account;
        Period = period;
        Lines = lines;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the profit-and-loss lines.</summary>
    public ProfitLines Lines { get; }
}
