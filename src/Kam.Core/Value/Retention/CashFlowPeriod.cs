namespace Kam.Core.Value.Retention;

/// <summary>One period of a discounted cash-flow lifetime value.</summary>
/// <remarks>Immutable.</remarks>
public sealed class CashFlowPeriod
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="period">The period number, from 1.</param>
    /// <param name="margin">The margin an active customer brings in the period.</param>
    /// <param name="survival">The probability that the customer is still active in the period (r^t).</param>
    /// <param name="discountFactor">The discount factor 1 / (1 + d)^t.</param>
    /// <param name="presentValue">The expected, discounted margin: margin × survival × discount factor.</param>
    /// <param name="cumulative">The lifetime value up to and including this period.</param>
    internal CashFlowPeriod(int period, Money margin, decimal survival, decimal discountFactor, Money presentValue, Money cumulative)
    {
        Period = period;
        Margin = margin;
        Survival = survival;
        DiscountFactor = discountFactor;
        PresentValue = presentValue;
        Cumulative = cumulative;
    }

    /// <summary>Gets the period number, from 1.</summary>
    public int Period { get; }

    /// <summary>Gets the margin an active customer brings in the period.</summary>
    public Money Margin { get; }

    /// <summary>Gets the probability that the customer is still active in the period (r^t).</summary>
    public decimal Survival { get; }

    /// <summary>Gets the discount factor 1 / (1 + d)^t.</summary>
    public decimal DiscountFactor { get; }

    /// <summary>Gets the expected, discounted margin: margin × survival × discount factor.</summary>
    public Money PresentValue { get; }

    /// <summary>Gets the lifetime value up to and including this period.</summary>
    public Money Cumulative { get; }
}
