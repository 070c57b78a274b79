namespace Kam.Core.Value.Retention;

/// <summary>The retention economics of the rule book (docs/rules/value.md, Retention economics): expected lifetime, lifetime value, and what a retention change is worth.</summary>
/// <remarks>
/// Money in decimal; rates as <see cref="Percentage"/>. A retention rate of 100% is refused where it would make a
/// lifetime infinite. Implementations are immutable and thread-safe.
/// </remarks>
public interface IRetentionEconomics
{
    /// <summary>Gets the policy (published ratios) the calculations use by default.</summary>
    RetentionPolicy Policy { get; }

    /// <summary>Gets the expected lifetime 1 / (1 − r), in periods, the current one included (rule book: value, Halving the loss rate doubles the lifetime).</summary>
    /// <param name="retention">The retention rate r; below 100%.</param>
    /// <returns>The expected number of periods.</returns>
    /// <exception cref="KamValidationException">The retention rate is 100%.</exception>
    decimal ExpectedLifetime(Percentage retention);

    /// <summary>Gets the simple lifetime value m·r / (1 + d − r) of a customer worth a constant margin per period.</summary>
    /// <param name="marginPerPeriod">The margin m per period.</param>
    /// <param name="retention">The retention rate r.</param>
    /// <param name="discountRate">The discount rate d per period.</param>
    /// <returns>The lifetime value.</returns>
    /// <exception cref="KamValidationException">r = 100% and d = 0 (the value is infinite).</exception>
    Money SimpleLifetimeValue(Money marginPerPeriod, Percentage retention, Percentage discountRate);

    /// <summary>Gets the finite-horizon, discounted cash-flow lifetime value with per-period margins.</summary>
    /// <param name="assumptions">The margins, retention rate and discount rate.</param>
    /// <returns>The lifetime value and its period-by-period working.</returns>
    /// <exception cref="KamValidationException">There are no margins, or they are in different currencies.</exception>
    CashFlowLifetimeValue DiscountedCashFlow(CashFlowAssumptions assumptions);

    /// <summary>Compares expected lifetime and lifetime value at two retention rates.</summary>
    /// <param name="marginPerPeriod">The margin per period.</param>
    /// <param name="current">The current retention rate; below 100%.</param>
    /// <param name="changed">The changed retention rate; below 100%.</param>
    /// <param name="discountRate">The discount rate per period.</param>
    /// <returns>Both scenarios and the multipliers between them.</returns>
    /// <exception cref="KamValidationException">A retention rate is 100%.</exception>
    RetentionChange CompareRetention(Money marginPerPeriod, Percentage current, Percentage changed, Percentage discountRate);

    /// <summary>Compares the current retention rate with the one whose loss rate is half as large (rule book: value, Halving the loss rate doubles the lifetime).</summary>
    /// <param name="marginPerPeriod">The margin per period.</param>
    /// <param name="current">The current retention rate; below 100%.</param>
    /// <param name="discountRate">The discount rate per period.</param>
    /// <returns>Both scenarios; <see cref="RetentionChange.LifetimeMultiplier"/> is exactly 2.</returns>
    /// <exception cref="KamValidationException">The retention rate is 100%.</exception>
    RetentionChange HalveLossRate(Money marginPerPeriod, Percentage current, Percentage discountRate);

    /// <summary>Computes how the profit of a steady-state customer base changes when retention rises by <paramref name="improvement"/> percentage points.</summary>
    /// <param name="assumptions">The customer base.</param>
    /// <param name="improvement">The rise in retention, in percentage points; null uses the policy's (5 points).</param>
    /// <returns>The base before and after, and the relative profit increase.</returns>
    /// <exception cref="KamValidationException">The assumptions are invalid, or the improved rate reaches 100%, or r(1 + g) ≥ 1.</exception>
    RetentionProfitEffect ProfitEffect(SteadyStateAssumptions assumptions, Percentage? improvement = null);

    /// <summary>
    /// Gets the base retention rate at which an improvement of <paramref name="improvement"/> points raises steady-state
    /// profit by <paramref name="profitIncrease"/>, with constant margins and no acquisition cost: 1 − (1 + u)·Δ / u.
    /// </summary>
    /// <param name="profitIncrease">The relative profit increase u (0.45 = +45%); positive.</param>
    /// <param name="improvement">The improvement Δ in percentage points; null uses the policy's (5 points).</param>
    /// <returns>The implied base retention rate.</returns>
    /// <exception cref="KamValidationException">No retention rate between 0 and 100% gives that increase.</exception>
    Percentage ImpliedBaseRetention(decimal profitIncrease, Percentage? improvement = null);

    /// <summary>Compares the cost of replacing lost customers with the cost of keeping them, at the policy's cost ratio.</summary>
    /// <param name="retentionCostPerCustomer">The cost of keeping one customer for a period.</param>
    /// <param name="customers">The number of customers N; not negative.</param>
    /// <param name="retention">The retention rate r.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="KamValidationException">A value is negative.</exception>
    AcquisitionVersusRetention CompareAcquisitionAndRetention(Money retentionCostPerCustomer, decimal customers, Percentage retention);

    /// <summary>Computes a relationship's asset value and its replacement cost.</summary>
    /// <param name="assumptions">The relationship and the costs of winning a comparable one.</param>
    /// <returns>The asset value and replacement cost.</returns>
    /// <exception cref="KamValidationException">The assumptions are invalid (currencies, negative costs, ramp-up out of range, r = 100% with d = 0).</exception>
    RelationshipReplacement ReplacementCost(RelationshipReplacementAssumptions assumptions);
}
