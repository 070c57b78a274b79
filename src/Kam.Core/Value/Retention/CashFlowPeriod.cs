namespace Kam.Core.Value.Retention;

/// <summary>One period of a discounted cash-flow lifetime value.</summary>
/// <remarks>An immutable value; equality is member-wise.</remarks>
/// <param name="Period">The period number, from 1.</param>
/// <param name="Margin">The margin an active customer brings in the period.</param>
/// <param name="Survival">The probability that the customer is still active in the period (r^t).</param>
/// <param name="DiscountFactor">The discount factor 1 / (1 + d)^t.</param>
/// <param name="PresentValue">The expected, discounted margin: margin × survival × discount factor.</param>
/// <param name="Cumulative">The lifetime value up to and including this period.</param>
public readonly record struct CashFlowPeriod(int Period, Money Margin, decimal Survival, decimal DiscountFactor, Money PresentValue, Money Cumulative);
