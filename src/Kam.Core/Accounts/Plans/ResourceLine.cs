namespace Kam.Core.Accounts.Plans;

/// <summary>
/// A line of the resource plan of a <see cref="KeyAccountPlan"/>: a person's time, a budget, or both, for one fiscal
/// year, quarter or month (rule book: targets — with a resource plan).
/// </summary>
/// <remarks>Immutable and validated when created; the period and the currency are checked against the plan that holds the line.</remarks>
public sealed class ResourceLine
{
    /// <summary>Creates a resource line.</summary>
    /// <param name="period">A fiscal year, quarter or month of the plan's year.</param>
    /// <param name="purpose">What the resource is for; not blank.</param>
    /// <param name="person">The person whose time is planned, or <see langword="null"/> for a budget-only line.</param>
    /// <param name="days">The person's days in the period: more than 0 with a person, 0 without; at most 366.</param>
    /// <param name="budget">The budget, or <see langword="null"/>; not negative.</param>
    /// <exception cref="KamValidationException">The line is invalid; every problem is reported.</exception>
    public ResourceLine(FiscalPeriod period, string purpose, PersonId? person = null, decimal days = 0m, Money? budget = null)
    {
        var errors = new ValidationCollector();
        PlanRules.TargetPeriod(errors, "period", period);
        errors.Required("purpose", purpose);
        if (person is { } p)
        {
            Checks.Identifier(errors, "person", p.Value);
            if (days <= 0m || days > 366m)
            {
                errors.Add("days", KamErrorCodes.OutOfRange, days, "A person's line plans more than 0 and at most 366 days.");
            }
        }
        else if (days != 0m)
        {
            errors.Add("days", KamErrorCodes.InvalidState, days, "Days are planned for a person; name the person.");
        }

        if (budget is { } b)
        {
            PlanRules.Amount(errors, "budget", b);
        }
        else if (person is null)
        {
            errors.Add("budget", KamErrorCodes.Required, null, "A resource line plans a person's time, a budget, or both.");
        }

        errors.ThrowIfAny();
        Period = period;
        Purpose = purpose;
        Person = person;
        Days = days;
        Budget = budget;
    }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets what the resource is for.</summary>
    public string Purpose { get; }

    /// <summary>Gets the person whose time is planned, or <see langword="null"/>.</summary>
    public PersonId? Person { get; }

    /// <summary>Gets the person's days in the period (0 without a person).</summary>
    public decimal Days { get; }

    /// <summary>Gets the budget, or <see langword="null"/>.</summary>
    public Money? Budget { get; }
}
