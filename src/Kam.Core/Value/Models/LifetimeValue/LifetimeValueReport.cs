
namespace Kam.Core.Value.Models.LifetimeValue;

/// <summary>A lifetime-value projection of a customer base: one line per customer and the totals.</summary>
/// <remarks>Immutable; lines are in input order.</remarks>
public sealed class LifetimeValueReport
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="customers">The lines, in input order.</param>
    /// <param name="totalExpectedTransactions">The sum of the expected transactions over the horizon.</param>
    /// <param name="totalLifetimeValue">The sum of the customers' lifetime values: the value of the customer base.</param>
    internal LifetimeValueReport(IReadOnlyList<CustomerValue> customers, double totalExpectedTransactions, double totalLifetimeValue)
    {
        Customers = customers;
        TotalExpectedTransactions = totalExpectedTransactions;
        TotalLifetimeValue = totalLifetimeValue;
    }

    /// <summary>Gets the lines, in input order.</summary>
    public IReadOnlyList<CustomerValue> Customers { get; }

    /// <summary>Gets the sum of the expected transactions over the horizon.</summary>
    public double TotalExpectedTransactions { get; }

    /// <summary>Gets the sum of the customers' lifetime values: the value of the customer base.</summary>
    public double TotalLifetimeValue { get; }
}
