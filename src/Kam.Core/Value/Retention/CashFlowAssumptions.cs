namespace Kam.Core.Value.Retention;

/// <summary>The inputs of a finite-horizon, discounted cash-flow lifetime value: a margin for each future period, a retention rate and a discount rate.</summary>
/// <remarks>
/// Period t (1-based) contributes <c>Margins[t-1] · r^t / (1 + d)^t</c>: the customer must survive t renewals to pay
/// the margin of period t, and the margin is received at the end of the period. With constant margins and an
/// unbounded horizon the sum tends to the simple form m·r/(1 + d − r). Build margins that grow at a constant rate
/// with <see cref="GrowingMargins"/>. Immutable: the margins are copied; the engine validates the assumptions.
/// </remarks>
public sealed class CashFlowAssumptions
{
    /// <summary>Creates the assumptions (validated by the engine that uses them).</summary>
    /// <param name="margins">The margin of each future period, in one currency; at least one.</param>
    /// <param name="retention">The probability that a customer active in a period is still active in the next one; below 100%.</param>
    /// <param name="discountRate">The discount rate per period.</param>
    public CashFlowAssumptions(IReadOnlyList<Money> margins, Percentage retention, Percentage discountRate)
    {
        Margins = margins?.ToArray()!;
        Retention = retention;
        DiscountRate = discountRate;
    }

    /// <summary>Gets the margin of each future period, in one currency; at least one.</summary>
    public IReadOnlyList<Money> Margins { get; }

    /// <summary>Gets the probability that a customer active in a period is still active in the next one; below 100%.</summary>
    public Percentage Retention { get; }

    /// <summary>Gets the discount rate per period.</summary>
    public Percentage DiscountRate { get; }

    /// <summary>Builds margins that start at <paramref name="firstMargin"/> and grow by <paramref name="growth"/> each period.</summary>
    /// <param name="firstMargin">The margin of the first period.</param>
    /// <param name="growth">The growth per period as a fraction (0.05 = +5%; negative for decline); greater than −1.</param>
    /// <param name="horizon">The number of periods; 1 to 1,000.</param>
    /// <returns>The margins, one per period.</returns>
    /// <exception cref="KamValidationException">The growth is −100% or less, or the horizon is out of range.</exception>
    public static IReadOnlyList<Money> GrowingMargins(Money firstMargin, decimal growth, int horizon)
    {
        var errors = new ValidationCollector();
        errors.InRange(nameof(horizon), horizon, 1, 1_000);
        if (growth <= -1m)
        {
            errors.Add(nameof(growth), KamErrorCodes.OutOfRange, growth, "Growth must be greater than -100%.");
        }

        errors.ThrowIfAny();
        var margins = new Money[horizon];
        var margin = firstMargin;
        for (var t = 0; t < horizon; t++)
        {
            margins[t] = margin;
            margin = margin * (1m + growth);
        }

        return margins;
    }
}
