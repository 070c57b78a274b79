namespace Kam.Core.Value.Models;

/// <summary>One customer's line of a lifetime-value projection.</summary>
/// <remarks>Immutable; value equality.</remarks>
/// <param name="CustomerId">The customer's identifier.</param>
/// <param name="ProbabilityAlive">The probability that the customer is still active at the end of the calibration period.</param>
/// <param name="ExpectedTransactions">The expected (undiscounted) number of transactions over the horizon.</param>
/// <param name="DiscountedExpectedTransactions">The same, each period discounted.</param>
/// <param name="ExpectedSpendPerTransaction">The Gamma-Gamma conditional expected value of a transaction.</param>
/// <param name="LifetimeValue">The discounted expected profit over the horizon: margin × spend × discounted transactions.</param>
public sealed record CustomerValue(
    string CustomerId,
    double ProbabilityAlive,
    double ExpectedTransactions,
    double DiscountedExpectedTransactions,
    double ExpectedSpendPerTransaction,
    double LifetimeValue);
