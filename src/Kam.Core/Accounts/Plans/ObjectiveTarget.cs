namespace Kam.Core.Accounts.Plans;

/// <summary>
/// A measurable target of a <see cref="PlanObjective"/>: a measure and a fiscal year, quarter or month, and either a
/// value of its own or — when it has none — a reference to the account's target of that measure and period in the
/// <see cref="Targets.TargetPlan"/> (rule book: targets).
/// </summary>
/// <remarks>Immutable. The period is checked against the plan's year by the <see cref="KeyAccountPlan"/>; a reference is resolved by the <see cref="PlanChecker"/>.</remarks>
public sealed class ObjectiveTarget
{
    /// <summary>Creates a reference to the account's target of a measure and period in the target plan.</summary>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">A fiscal year, quarter or month.</param>
    /// <exception cref="KamValidationException">The measure is blank or the period is not a year, quarter or month.</exception>
    public ObjectiveTarget(string measure, FiscalPeriod period)
        : this(measure, period, null, Currency.None)
    {
    }

    /// <summary>Creates a target of a ratio or score measure that carries its own value.</summary>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">A fiscal year, quarter or month.</param>
    /// <param name="value">The target value.</param>
    /// <exception cref="KamValidationException">The measure is blank or the period is not a year, quarter or month.</exception>
    public ObjectiveTarget(string measure, FiscalPeriod period, decimal value)
        : this(measure, period, value, Currency.None)
    {
    }

    /// <summary>Creates a target of a money measure that carries its own amount.</summary>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">A fiscal year, quarter or month.</param>
    /// <param name="value">The target amount (its currency must be the plan's).</param>
    /// <exception cref="KamValidationException">The measure is blank, the period is not a year, quarter or month, or the amount is negative or finer than its minor unit.</exception>
    public ObjectiveTarget(string measure, FiscalPeriod period, Money value)
        : this(measure, period, value.Amount, value.Currency)
    {
    }

    private ObjectiveTarget(string measure, FiscalPeriod period, decimal? value, Currency currency)
    {
        var errors = new ValidationCollector();
        errors.Required("measure", measure);
        PlanRules.TargetPeriod(errors, "period", period);
        if (value is { } v && currency != Currency.None)
        {
            PlanRules.Amount(errors, "value", new Money(v, currency));
        }

        errors.ThrowIfAny();
        Measure = measure;
        Period = period;
        Value = value;
        Currency = currency;
    }

    /// <summary>Gets the measure's key.</summary>
    public string Measure { get; }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the target's own value (for money, the amount in <see cref="Currency"/>), or <see langword="null"/> for a reference to the target plan.</summary>
    public decimal? Value { get; }

    /// <summary>Gets the currency of an own money value, or <see cref="Currency.None"/>.</summary>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the target refers to the target plan instead of carrying its own value.</summary>
    public bool IsReference => Value is null;
}
