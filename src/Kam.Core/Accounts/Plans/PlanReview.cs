using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// A review of a <see cref="KeyAccountPlan"/> for one period — the Check and Act of the plan's PDCA loop: per target
/// planned against actual, the variance, reasons and corrective actions, and whether the customer took part (a joint
/// review) (rule book: plan with the customer, review with the customer).
/// </summary>
/// <remarks>
/// Immutable and validated when created. A review of a month is the operating plan's monthly review; of a quarter (the
/// default interval, <see cref="PlanCheckPolicy.ReviewPeriod"/>), a half or the year, the plan's review. The period
/// and the lines' targets are checked by the plan that holds the review.
/// </remarks>
public sealed class PlanReview
{
    /// <summary>Creates a review.</summary>
    /// <param name="period">The period reviewed: a fiscal month, quarter, half or year.</param>
    /// <param name="heldOn">The date the review was held; not before the period starts.</param>
    /// <param name="customerTookPart">Whether the customer took part (a joint review).</param>
    /// <param name="lines">The targets reviewed (copied); at most one per measure and period.</param>
    /// <param name="supervisor">The key-account manager's supervisor who took part, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The review is invalid; every problem is reported.</exception>
    public PlanReview(FiscalPeriod period, LocalDate heldOn, bool customerTookPart, IReadOnlyList<ReviewLine>? lines = null, PersonId? supervisor = null)
    {
        var errors = new ValidationCollector();
        var periodOk = Enum.IsDefined(period.Kind);
        if (!periodOk)
        {
            errors.Add("period", KamErrorCodes.OutOfRange, null, "A review is of a fiscal month, quarter, half or year.");
        }
        else if (heldOn < period.Interval.Start)
        {
            errors.Add("heldOn", KamErrorCodes.OutOfOrder, heldOn, $"A review of {period} is held after it starts ({ValidationCollector.Render(period.Interval.Start)}).");
        }

        var list = PlanRules.Parts(errors, "lines", lines);
        var seen = new HashSet<(string, FiscalPeriod)>();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is { } line && !seen.Add((line.Measure, line.Period)))
            {
                errors.Add($"lines[{i}]", KamErrorCodes.Duplicate, $"{line.Measure} {line.Period}", "Another line reviews the same target.");
            }
        }

        if (supervisor is { } s)
        {
            Checks.Identifier(errors, "supervisor", s.Value);
        }

        errors.ThrowIfAny();
        Period = period;
        HeldOn = heldOn;
        CustomerTookPart = customerTookPart;
        Lines = Array.AsReadOnly(list);
        Supervisor = supervisor;
    }

    /// <summary>Gets the period reviewed.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the date the review was held.</summary>
    public LocalDate HeldOn { get; }

    /// <summary>Gets a value indicating whether the customer took part.</summary>
    public bool CustomerTookPart { get; }

    /// <summary>Gets the targets reviewed, in the order given.</summary>
    public IReadOnlyList<ReviewLine> Lines { get; }

    /// <summary>Gets the supervisor who took part, or <see langword="null"/>.</summary>
    public PersonId? Supervisor { get; }
}
