namespace Kam.Core.Value.Retention;

/// <summary>The size and profit of a steady-state customer base at one retention rate.</summary>
/// <remarks>Immutable.</remarks>
public sealed class SteadyStateProfit
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="retention">The retention rate.</param>
    /// <param name="customers">The number of active customers, A / (1 − r).</param>
    /// <param name="profitPerPeriod">The profit per period after acquisition costs.</param>
    internal SteadyStateProfit(Percentage retention, decimal customers, Money profitPerPeriod)
    {
        Retention = retention;
        Customers = customers;
        ProfitPerPeriod = profitPerPeriod;
    }

    /// <summary>Gets the retention rate.</summary>
    public Percentage Retention { get; }

    /// <summary>Gets the number of active customers, A / (1 − r).</summary>
    public decimal Customers { get; }

    /// <summary>Gets the profit per period after acquisition costs.</summary>
    public Money ProfitPerPeriod { get; }
}
