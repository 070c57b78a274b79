namespace Kam.Core.Value.Economics;

/// <summary>One account's profit and loss for one period, from gross revenue down to contribution.</summary>
/// <remarks>
/// Contribution = revenue − volume discount − other discounts − cost of goods − cost to serve − acquisition costs
/// (visible and hidden). An immutable value; equality is member-wise.
/// </remarks>
/// <param name="Account">The account.</param>
/// <param name="Period">The period.</param>
/// <param name="Lines">The profit-and-loss lines.</param>
public sealed record AccountPeriodProfit(AccountId Account, FiscalPeriod Period, ProfitLines Lines);
