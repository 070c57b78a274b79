using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// A project plan of a <see cref="KeyAccountPlan"/>: a campaign or a deal with its start and due date — the lead time
/// it needs — coordinated with the monthly operating plan (rule book: project plan and operating plan).
/// </summary>
/// <remarks>Immutable and validated when created. A project without a start date can be recorded — the plan check flags it (<see cref="PlanFindingKind.NoLeadTime"/>).</remarks>
public sealed class ProjectPlan
{
    /// <summary>Creates a project plan.</summary>
    /// <param name="name">The campaign or deal; not blank.</param>
    /// <param name="due">The date it must be done by.</param>
    /// <param name="start">The date work starts, or <see langword="null"/> when not planned; not after <paramref name="due"/>.</param>
    /// <param name="objective">The key of the plan's objective it serves, or <see langword="null"/>.</param>
    /// <param name="opportunity">The opportunity it pursues, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The name is blank, the start is after the due date, or an identifier is the default value.</exception>
    public ProjectPlan(string name, LocalDate due, LocalDate? start = null, string? objective = null, OpportunityId? opportunity = null)
    {
        var errors = new ValidationCollector();
        errors.Required("name", name);
        if (start is { } s && s > due)
        {
            errors.Add("start", KamErrorCodes.OutOfOrder, s, $"The start must not be after the due date ({ValidationCollector.Render(due)}).");
        }

        if (objective is not null)
        {
            errors.Required("objective", objective);
        }

        if (opportunity is { } o)
        {
            Checks.Identifier(errors, "opportunity", o.Value);
        }

        errors.ThrowIfAny();
        Name = name;
        Due = due;
        Start = start;
        Objective = objective;
        Opportunity = opportunity;
    }

    /// <summary>Gets the campaign or deal.</summary>
    public string Name { get; }

    /// <summary>Gets the date it must be done by.</summary>
    public LocalDate Due { get; }

    /// <summary>Gets the date work starts, or <see langword="null"/>.</summary>
    public LocalDate? Start { get; }

    /// <summary>Gets the key of the objective it serves, or <see langword="null"/>.</summary>
    public string? Objective { get; }

    /// <summary>Gets the opportunity it pursues, or <see langword="null"/>.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the lead time in days (from start to due), or <see langword="null"/> without a start.</summary>
    public int? LeadTimeDays => Start is { } s ? NodaTime.Period.DaysBetween(s, Due) : null;
}
