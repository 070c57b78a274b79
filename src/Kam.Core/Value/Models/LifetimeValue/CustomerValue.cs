
namespace Kam.Core.Value.Models.LifetimeValue;

/// <summary>One customer's line of a lifetime-value projection.</summary>
/// <remarks>Immutable.</remarks>
public sealed class CustomerValue
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="customerId">The customer's identifier.</param>
    /// <param name="probabilityAlive">The probability that the customer is still active at the end of the calibration period.</param>
    /// <param name="expectedTransactions">The expected (undiscounted) number of transactions over the horizon.</param>
    /// <param name="discountedExpectedTransactions">The same, each period discounted.</param>
    /// <param name="expectedSpendPerTransaction">The Gamma-Gamma conditional expected value of a transaction.</param>
    /// <param name="lifetimeValue">The discounted expected profit over the horizon: margin × spend × discounted transactions.</param>
    internal CustomerValue(string customerId, double probabilityAlive, double expectedTransactions, double discountedExpectedTransactions, double expectedSpendPerTransaction, double lifetimeValue)
    {
        CustomerId = customerId;
        ProbabilityAlive = probabilityAlive;
        ExpectedTransactions = expectedTransactions;
        DiscountedExpectedTransactions = discountedExpectedTransactions;
        ExpectedSpendPerTransaction = expectedSpendPerTransaction;
        LifetimeValue = lifetimeValue;
    }

    /// <summary>Gets the customer's identifier.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the probability that the customer is still active at the end of the calibration period.</summary>
    public double ProbabilityAlive { get; }

    /// <summary>Gets the expected (undiscounted) number of transactions over the horizon.</summary>
    public double ExpectedTransactions { get; }

    /// <summary>Gets the expected number of transactions over the horizon, each period discounted.</summary>
    public double DiscountedExpectedTransactions { get; }

    /// <summary>Gets the Gamma-Gamma conditional expected value of a transaction.</summary>
    public double ExpectedSpendPerTransaction { get; }

    /// <summary>Gets the discounted expected profit over the horizon: margin × spend × discounted transactions.</summary>
    public double LifetimeValue { get; }
}
