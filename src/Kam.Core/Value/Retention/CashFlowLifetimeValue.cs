namespace Kam.Core.Value.Retention;

/// <summary>A finite-horizon, discounted cash-flow lifetime value with its period-by-period working.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
/// <param name="Periods">Each period's working, in order.</param>
/// <param name="Total">The lifetime value: the sum of the periods' present values.</param>
public sealed record CashFlowLifetimeValue(IReadOnlyList<CashFlowPeriod> Periods, Money Total);
