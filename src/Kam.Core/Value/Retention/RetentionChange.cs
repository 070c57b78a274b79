namespace Kam.Core.Value.Retention;

/// <summary>The effect of a change of retention rate on expected lifetime and lifetime value.</summary>
/// <remarks>
/// Halving the loss rate doubles <see cref="LifetimeMultiplier"/> and <see cref="UndiscountedValueMultiplier"/>
/// exactly (rule book: value, Halving the loss rate doubles the lifetime); the discounted value grows by a different factor (more than 2 without discounting, since
/// m·r/(1 − r) also gains the extra renewal; less with a high discount rate). Immutable.
/// </remarks>
public sealed class RetentionChange
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="before">The scenario at the current retention rate.</param>
    /// <param name="after">The scenario at the changed retention rate.</param>
    internal RetentionChange(RetentionScenario before, RetentionScenario after)
    {
        Before = before;
        After = after;
    }

    /// <summary>Gets the scenario at the current retention rate.</summary>
    public RetentionScenario Before { get; }

    /// <summary>Gets the scenario at the changed retention rate.</summary>
    public RetentionScenario After { get; }

    /// <summary>Gets how many times longer customers stay after the change: the ratio of the loss rates, (1 − r₀) / (1 − r₁), computed exactly.</summary>
    public decimal LifetimeMultiplier => Before.LossRate.Fraction / After.LossRate.Fraction;

    /// <summary>Gets how many times larger the undiscounted lifetime value is after the change.</summary>
    public decimal UndiscountedValueMultiplier => LifetimeMultiplier;

    /// <summary>Gets how many times larger the discounted lifetime value is after the change, or null when it was zero before.</summary>
    public decimal? DiscountedValueMultiplier => Before.DiscountedLifetimeValue.IsZero ? null : After.DiscountedLifetimeValue.Amount / Before.DiscountedLifetimeValue.Amount;
}
