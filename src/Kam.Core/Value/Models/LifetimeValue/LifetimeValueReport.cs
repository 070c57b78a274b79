namespace Kam.Core.Value.Models;

/// <summary>A lifetime-value projection of a customer base: one line per customer and the totals.</summary>
/// <remarks>Immutable; lines are in input order.</remarks>
/// <param name="Customers">The lines, in input order.</param>
/// <param name="TotalExpectedTransactions">The sum of the expected transactions over the horizon.</param>
/// <param name="TotalLifetimeValue">The sum of the customers' lifetime values: the value of the customer base.</param>
public sealed record LifetimeValueReport(IReadOnlyList<CustomerValue> Customers, double TotalExpectedTransactions, double TotalLifetimeValue);
