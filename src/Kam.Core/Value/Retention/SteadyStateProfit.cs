namespace Kam.Core.Value.Retention;

/// <summary>The size and profit of a steady-state customer base at one retention rate.</summary>
/// <remarks>An immutable value; equality is member-wise.</remarks>
/// <param name="Retention">The retention rate.</param>
/// <param name="Customers">The number of active customers, A / (1 − r).</param>
/// <param name="ProfitPerPeriod">The profit per period after acquisition costs.</param>
public sealed record SteadyStateProfit(Percentage Retention, decimal Customers, Money ProfitPerPeriod);
