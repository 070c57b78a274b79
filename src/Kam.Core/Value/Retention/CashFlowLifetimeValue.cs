namespace Kam.Core.Value.Retention;

/// <summary>A finite-horizon, discounted cash-flow lifetime value with its period-by-period working.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class CashFlowLifetimeValue
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="periods">Each period's working, in order.</param>
    /// <param name="total">The lifetime value: the sum of the periods' present values.</param>
    internal CashFlowLifetimeValue(IReadOnlyList<CashFlowPeriod> periods, Money total)
    {
        Periods = periods;
        Total = total;
    }

    /// <summary>Gets each period's working, in order.</summary>
    public IReadOnlyList<CashFlowPeriod> Periods { get; }

    /// <summary>Gets the lifetime value: the sum of the periods' present values.</summary>
    public Money Total { get; }
}
