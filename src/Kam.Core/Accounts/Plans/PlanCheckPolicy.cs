using Kam.Core.Accounts.Serialization;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// The thresholds of the plan checks (<see cref="PlanChecker"/>): how often a plan is reviewed, how long after a
/// review period a review may still come, by which day of the month the operating plan is due, the lead time a
/// project plan needs, and how long an action may run past its due date (rule book: plan with the customer, review
/// with the customer; project plan and operating plan).
/// </summary>
/// <remarks>
/// <see cref="Default"/>: quarterly reviews with 15 days' grace, the operating plan due by the 5th of the month,
/// 30 days' lead time, no grace for actions. The review interval is the rule book's "at least quarterly"; the other
/// numbers are ours. Immutable and validated when created; load from JSON with <see cref="FromJson"/>.
/// </remarks>
public sealed class PlanCheckPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="reviewPeriod">How often the plan is reviewed: <see cref="PeriodKind.Month"/>, <see cref="PeriodKind.Quarter"/> (the default) or <see cref="PeriodKind.Half"/>.</param>
    /// <param name="reviewGraceDays">Days after a review period ends within which its review may still be held (0-92).</param>
    /// <param name="operatingPlanDueDay">The day of the month (1-28) by which the month's operating plan is set: early in the month, not half-way through.</param>
    /// <param name="minimumLeadTimeDays">The fewest days between a project plan's start and its due date (0-3650; 0 only asks for a start date).</param>
    /// <param name="actionGraceDays">Days an open action may run past its due date before it is overdue (0-92).</param>
    /// <exception cref="KamValidationException">A value is out of range; every problem is reported.</exception>
    public PlanCheckPolicy(PeriodKind reviewPeriod = PeriodKind.Quarter, int reviewGraceDays = 15, int operatingPlanDueDay = 5, int minimumLeadTimeDays = 30, int actionGraceDays = 0)
    {
        var errors = new ValidationCollector();
        if (reviewPeriod is not (PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Half))
        {
            errors.Add("reviewPeriod", KamErrorCodes.OutOfRange, reviewPeriod, "A plan is reviewed at least every half-year: Month, Quarter or Half.");
        }

        errors.InRange("reviewGraceDays", reviewGraceDays, 0, 92);
        errors.InRange("operatingPlanDueDay", operatingPlanDueDay, 1, 28);
        errors.InRange("minimumLeadTimeDays", minimumLeadTimeDays, 0, 3650);
        errors.InRange("actionGraceDays", actionGraceDays, 0, 92);
        errors.ThrowIfAny();
        ReviewPeriod = reviewPeriod;
        ReviewGraceDays = reviewGraceDays;
        OperatingPlanDueDay = operatingPlanDueDay;
        MinimumLeadTimeDays = minimumLeadTimeDays;
        ActionGraceDays = actionGraceDays;
    }

    /// <summary>Gets the default policy (see the remarks).</summary>
    public static PlanCheckPolicy Default { get; } = new();

    /// <summary>Gets how often the plan is reviewed.</summary>
    public PeriodKind ReviewPeriod { get; }

    /// <summary>Gets the days after a review period ends within which its review may still be held.</summary>
    public int ReviewGraceDays { get; }

    /// <summary>Gets the day of the month by which the month's operating plan is set.</summary>
    public int OperatingPlanDueDay { get; }

    /// <summary>Gets the fewest days between a project plan's start and its due date.</summary>
    public int MinimumLeadTimeDays { get; }

    /// <summary>Gets the days an open action may run past its due date.</summary>
    public int ActionGraceDays { get; }

    /// <summary>Reads a policy from JSON; every member is optional and defaults as <see cref="Default"/> (schema: docs/schemas/plan-check-policy.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or a value out of range (<c>$.operatingPlanDueDay</c>).</exception>
    public static PlanCheckPolicy FromJson(string json) => PlansJson.ReadPolicy(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PlansJson.Write(this);
}
