namespace Kam.Core.Accounts.Plans;

/// <summary>
/// One target's line of a <see cref="PlanReview"/>: planned against actual, the variance, why, and what is done about
/// it (rule book: plan with the customer, review with the customer).
/// </summary>
/// <remarks>Immutable and validated when created; that the plan has the target is checked by the plan that holds the review.</remarks>
public sealed class ReviewLine
{
    /// <summary>Creates a review line.</summary>
    /// <param name="measure">The reviewed target's measure.</param>
    /// <param name="period">The reviewed target's period.</param>
    /// <param name="planned">The planned value (for money, in the plan's currency); at most 10^15 in size.</param>
    /// <param name="actual">The actual value, in the same unit; at most 10^15 in size.</param>
    /// <param name="reasons">Why actual differs from plan, or <see langword="null"/>.</param>
    /// <param name="correctiveActions">What is done about it (copied); none blank.</param>
    /// <exception cref="KamValidationException">The line is invalid; every problem is reported.</exception>
    public ReviewLine(string measure, FiscalPeriod period, decimal planned, decimal actual, string? reasons = null, IReadOnlyList<string>? correctiveActions = null)
    {
        var errors = new ValidationCollector();
        errors.Required("measure", measure);
        PlanRules.TargetPeriod(errors, "period", period);
        errors.InRange("planned", planned, -Money.MaxAmount, Money.MaxAmount);
        errors.InRange("actual", actual, -Money.MaxAmount, Money.MaxAmount);
        if (reasons is not null)
        {
            errors.Required("reasons", reasons);
        }

        var actions = PlanRules.Texts(errors, "correctiveActions", correctiveActions);
        errors.ThrowIfAny();
        Measure = measure;
        Period = period;
        Planned = planned;
        Actual = actual;
        Reasons = reasons;
        CorrectiveActions = Array.AsReadOnly(actions);
    }

    /// <summary>Gets the reviewed target's measure.</summary>
    public string Measure { get; }

    /// <summary>Gets the reviewed target's period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the planned value.</summary>
    public decimal Planned { get; }

    /// <summary>Gets the actual value.</summary>
    public decimal Actual { get; }

    /// <summary>Gets the variance: actual − planned (negative: behind plan).</summary>
    public decimal Variance => Actual - Planned;

    /// <summary>Gets why actual differs from plan, or <see langword="null"/>.</summary>
    public string? Reasons { get; }

    /// <summary>Gets the corrective actions, in the order given.</summary>
    public IReadOnlyList<string> CorrectiveActions { get; }
}
