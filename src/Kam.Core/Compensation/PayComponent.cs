namespace Kam.Core.Compensation;

/// <summary>One component of a pay plan, explained on every statement line it produces.</summary>
/// <remarks>
/// The set of components is closed (see the derived types) so that plans round-trip through JSON. Components are
/// validated when built; amounts are in the plan's currency (checked by <see cref="PayPlan"/>). Immutable and
/// thread-safe.
/// </remarks>
public abstract class PayComponent
{
    private protected PayComponent(string name, PayComponentKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new KamValidationException(nameof(name), KamErrorCodes.Required, name, "A component needs a name.");
        }

        Name = name;
        Kind = kind;
    }

    /// <summary>Gets the component's name, unique in its plan.</summary>
    public string Name { get; }

    /// <summary>Gets the component's kind.</summary>
    public PayComponentKind Kind { get; }

    /// <summary>Gets the rule of the component as text, shown on its statement lines.</summary>
    public abstract string Rule { get; }

    /// <summary>Adds the component's own validation errors (amounts in the plan's currency, not negative).</summary>
    /// <param name="errors">The collector.</param>
    /// <param name="path">The component's path.</param>
    /// <param name="currency">The plan's currency.</param>
    internal abstract void Validate(ValidationCollector errors, string path, Currency currency);

    /// <summary>Checks that an amount is in the plan's currency and not negative.</summary>
    /// <param name="errors">The collector.</param>
    /// <param name="path">The amount's path.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The plan's currency.</param>
    private protected static void CheckAmount(ValidationCollector errors, string path, Money amount, Currency currency)
    {
        if (amount.Currency != currency)
        {
            errors.Add(path, KamErrorCodes.CurrencyMismatch, amount, $"Amounts of this plan are in {currency.Code}.");
        }

        errors.NotNegative(path, amount.Amount);
    }
}
