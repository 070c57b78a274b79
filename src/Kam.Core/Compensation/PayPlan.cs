using Kam.Core.Compensation.Serialization;
using NodaTime;

namespace Kam.Core.Compensation;

/// <summary>
/// A pay plan: a list of components (base salary, performance pay, commission, year-end bonus, team bonus, uniform
/// benefits, allowances), a currency, an effective date range and the rounding mode applied once per statement line.
/// </summary>
/// <remarks>
/// <para>Validated when built, with JSON-style paths (<c>$.components[2].monthly</c>): a name; unique component
/// names; at most one commission component; every amount in the plan's currency and not negative; a defined
/// rounding mode; <see cref="EffectiveTo"/> not before <see cref="EffectiveFrom"/>. Load one from JSON with
/// <see cref="FromJson"/>; build the rule book's plans with <see cref="PayPlanTemplates"/> (rule book: performance and pay).</para>
/// <para>Immutable and thread-safe; the component list is copied.</para>
/// </remarks>
public sealed class PayPlan
{
    /// <summary>Creates and validates a plan.</summary>
    /// <param name="name">The plan's name.</param>
    /// <param name="currency">The currency of every amount.</param>
    /// <param name="rounding">How each line is rounded to the currency's minor units (once).</param>
    /// <param name="effectiveFrom">The first day the plan applies.</param>
    /// <param name="effectiveTo">The last day the plan applies, or <see langword="null"/> for open-ended.</param>
    /// <param name="components">The components.</param>
    /// <exception cref="KamValidationException">The plan breaks a rule listed in the remarks.</exception>
    public PayPlan(string name, Currency currency, MidpointRounding rounding, LocalDate effectiveFrom, LocalDate? effectiveTo, IEnumerable<PayComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var copy = components.ToArray();
        var errors = new ValidationCollector();
        errors.Required("$.name", name);
        if (!Enum.IsDefined(rounding))
        {
            errors.Add("$.rounding", KamErrorCodes.OutOfRange, rounding, "Not a defined rounding mode.");
        }

        if (effectiveTo is { } to && to < effectiveFrom)
        {
            errors.Add("$.effectiveTo", KamErrorCodes.OutOfOrder, to, $"The plan ends before it starts ({effectiveFrom:uuuu-MM-dd}).");
        }

        if (copy.Length == 0)
        {
            errors.Add("$.components", KamErrorCodes.Empty, null, "A plan needs at least one component.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var commissions = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            var at = $"$.components[{i}]";
            if (!errors.Required(at, copy[i]))
            {
                continue;
            }

            if (!names.Add(copy[i].Name))
            {
                errors.Add($"{at}.name", KamErrorCodes.Duplicate, copy[i].Name, "Component names must be unique in a plan.");
            }

            if (copy[i] is CommissionComponent && ++commissions > 1)
            {
                errors.Add(at, KamErrorCodes.Duplicate, copy[i].Name, "A plan has at most one commission component.");
            }

            copy[i].Validate(errors, at, currency);
        }

        errors.ThrowIfAny();
        Name = name;
        Currency = currency;
        Rounding = rounding;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Components = copy;
        Commission = copy.OfType<CommissionComponent>().FirstOrDefault();
    }

    /// <summary>Gets the plan's name.</summary>
    public string Name { get; }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets how each statement line is rounded to the currency's minor units.</summary>
    public MidpointRounding Rounding { get; }

    /// <summary>Gets the first day the plan applies.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last day the plan applies, if it ends.</summary>
    public LocalDate? EffectiveTo { get; }

    /// <summary>Gets the components, in statement order.</summary>
    public IReadOnlyList<PayComponent> Components { get; }

    /// <summary>Gets the commission component, if the plan has one.</summary>
    public CommissionComponent? Commission { get; }

    /// <summary>Rounds an unrounded line amount once, with the plan's mode, to the currency's minor units.</summary>
    /// <param name="amount">The unrounded amount.</param>
    /// <returns>The rounded amount.</returns>
    internal Money Round(decimal amount) => new Money(amount, Currency).Round(Rounding);

    /// <summary>Reads a pay plan from its JSON rule file (see docs/compensation.md for the format).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The pay plan, validated.</returns>
    /// <exception cref="KamValidationException">The text is not a valid pay plan; every error names its JSON path (<c>$.…</c>).</exception>
    public static PayPlan FromJson(string json) => PayPlanJson.FromJson(json);

    /// <summary>Writes the pay plan as its JSON rule file; <see cref="FromJson"/> reads it back to the same pay plan.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PayPlanJson.ToJson(this);
}
