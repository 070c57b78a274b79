namespace Kam.Core.Accounts.Targets;

/// <summary>
/// One target: a value of a measure for an account or a unit in one fiscal period — a year, a quarter or a month
/// (rule book: accounts, targets — targets are split by account and period).
/// </summary>
/// <remarks>
/// Immutable. The measure, the currency and the period are checked against a <see cref="TargetPlan"/> when the
/// target is put in one; the subject is checked against an <see cref="AccountHierarchy"/> when the plan is used with one.
/// </remarks>
public sealed class Target
{
    /// <summary>Creates a target of a ratio or score measure.</summary>
    /// <param name="subject">The account or unit.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The period: a fiscal year, quarter or month.</param>
    /// <param name="value">The target value.</param>
    /// <exception cref="KamValidationException">The subject is missing, the measure blank or the period a half-year or undefined.</exception>
    public Target(TargetSubject subject, string measure, FiscalPeriod period, decimal value)
        : this(subject, measure, period, value, Currency.None)
    {
    }

    /// <summary>Creates a target of a money measure.</summary>
    /// <param name="subject">The account or unit.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The period: a fiscal year, quarter or month.</param>
    /// <param name="value">The target amount; its currency must be the measure's.</param>
    /// <exception cref="KamValidationException">The subject is missing, the measure blank or the period a half-year or undefined.</exception>
    public Target(TargetSubject subject, string measure, FiscalPeriod period, Money value)
        : this(subject, measure, period, value.Amount, value.Currency)
    {
    }

    private Target(TargetSubject subject, string measure, FiscalPeriod period, decimal value, Currency currency)
    {
        var errors = new ValidationCollector();
        if (!subject.IsAccount && !subject.IsUnit)
        {
            errors.Add("subject", KamErrorCodes.Required, null, "A target names an account or a unit.");
        }

        errors.Required("measure", measure);
        if (period.Kind is not (PeriodKind.Year or PeriodKind.Quarter or PeriodKind.Month))
        {
            errors.Add("period", KamErrorCodes.OutOfRange, Enum.IsDefined(period.Kind) ? period : null, "A target is set for a fiscal year, a quarter or a month.");
        }

        errors.ThrowIfAny();
        Subject = subject;
        Measure = measure;
        Period = period;
        Value = value;
        Currency = currency;
    }

    /// <summary>Gets the account or unit the target is set for.</summary>
    public TargetSubject Subject { get; }

    /// <summary>Gets the measure's key.</summary>
    public string Measure { get; }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the target value (for money, the amount in <see cref="Currency"/>).</summary>
    public decimal Value { get; }

    /// <summary>Gets the currency of a money target, or <see cref="Currency.None"/> for a ratio or score.</summary>
    public Currency Currency { get; }
}
