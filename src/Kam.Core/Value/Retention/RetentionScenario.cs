namespace Kam.Core.Value.Retention;

/// <summary>What one retention rate means for a customer worth a constant margin per period.</summary>
/// <remarks>
/// Two lifetime values are given because the literature uses both: <see cref="UndiscountedLifetimeValue"/> is the
/// seed's "margin × expected lifetime" (m / (1 − r), the current period included), and
/// <see cref="DiscountedLifetimeValue"/> the simple form m·r / (1 + d − r) (future periods only, discounted). An
/// immutable value; equality is member-wise.
/// </remarks>
/// <param name="Retention">The retention rate r.</param>
/// <param name="LossRate">The loss (churn) rate 1 − r.</param>
/// <param name="ExpectedLifetime">The expected lifetime 1 / (1 − r), in periods.</param>
/// <param name="UndiscountedLifetimeValue">Margin × expected lifetime.</param>
/// <param name="DiscountedLifetimeValue">m·r / (1 + d − r).</param>
public sealed record RetentionScenario(
    Percentage Retention,
    Percentage LossRate,
    decimal ExpectedLifetime,
    Money UndiscountedLifetimeValue,
    Money DiscountedLifetimeValue);
