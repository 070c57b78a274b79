using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// A month of the continuous operating plan of a <see cref="KeyAccountPlan"/>: last month reviewed and this month's
/// priorities set, on a date that should fall early in the month (rule book: project plan and operating plan).
/// </summary>
/// <remarks>Immutable and validated when created; the month is checked against the plan's year by the plan.</remarks>
public sealed class OperatingPlanEntry
{
    /// <summary>Creates a month's entry.</summary>
    /// <param name="month">The fiscal month.</param>
    /// <param name="setOn">The date the month's priorities were set.</param>
    /// <param name="priorities">The month's priorities (copied); at least one, none blank.</param>
    /// <exception cref="KamValidationException">The period is not a month or the priorities are empty or blank.</exception>
    public OperatingPlanEntry(FiscalPeriod month, LocalDate setOn, IReadOnlyList<string> priorities)
    {
        var errors = new ValidationCollector();
        if (month.Kind != PeriodKind.Month)
        {
            errors.Add("month", KamErrorCodes.OutOfRange, Enum.IsDefined(month.Kind) ? month : null, "An operating-plan entry is for one fiscal month.");
        }

        var list = PlanRules.Texts(errors, "priorities", priorities);
        if (list.Length == 0)
        {
            errors.Add("priorities", KamErrorCodes.Empty, null, "A month's operating plan sets at least one priority.");
        }

        errors.ThrowIfAny();
        Month = month;
        SetOn = setOn;
        Priorities = Array.AsReadOnly(list);
    }

    /// <summary>Gets the fiscal month.</summary>
    public FiscalPeriod Month { get; }

    /// <summary>Gets the date the priorities were set.</summary>
    public LocalDate SetOn { get; }

    /// <summary>Gets the month's priorities, in the order given.</summary>
    public IReadOnlyList<string> Priorities { get; }
}
