namespace Kam.Core.Value.Retention;

/// <summary>What one retention rate means for a customer worth a constant margin per period.</summary>
/// <remarks>
/// Two lifetime values are given because the literature uses both: <see cref="UndiscountedLifetimeValue"/> is the
/// rule book's "margin × expected lifetime" (m / (1 − r), the current period included), and
/// <see cref="DiscountedLifetimeValue"/> the simple form m·r / (1 + d − r) (future periods only, discounted). An
/// immutable value.
/// </remarks>
public sealed class RetentionScenario
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="retention">The retention rate r.</param>
    /// <param name="lossRate">The loss (churn) rate 1 − r.</param>
    /// <param name="expectedLifetime">The expected lifetime 1 / (1 − r), in periods.</param>
    /// <param name="undiscountedLifetimeValue">Margin × expected lifetime.</param>
    /// <param name="discountedLifetimeValue">m·r / (1 + d − r).</param>
    internal RetentionScenario(Percentage retention, Percentage lossRate, decimal expectedLifetime, Money undiscountedLifetimeValue, Money discountedLifetimeValue)
    {
        Retention = retention;
        LossRate = lossRate;
        ExpectedLifetime = expectedLifetime;
        UndiscountedLifetimeValue = undiscountedLifetimeValue;
        DiscountedLifetimeValue = discountedLifetimeValue;
    }

    /// <summary>Gets the retention rate r.</summary>
    public Percentage Retention { get; }

    /// <summary>Gets the loss (churn) rate 1 − r.</summary>
    public Percentage LossRate { get; }

    /// <summary>Gets the expected lifetime 1 / (1 − r), in periods.</summary>
    public decimal ExpectedLifetime { get; }

    /// <summary>Gets margin × expected lifetime.</summary>
    public Money UndiscountedLifetimeValue { get; }

    /// <summary>Gets m·r / (1 + d − r).</summary>
    public Money DiscountedLifetimeValue { get; }
}
