using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// A task of the action plan of a <see cref="KeyAccountPlan"/>: what, who, by when, where it stands, the objective it
/// serves, and optionally the opportunity and the playbook item it advances (rule book: what the plan is — stage
/// tasks, people, task assignment).
/// </summary>
/// <remarks>
/// Immutable and validated when created. An action without an owner can be recorded — the plan check flags it
/// (<see cref="PlanFindingKind.ActionWithoutOwner"/>); the objective is checked by the plan that holds the action.
/// </remarks>
public sealed class PlanAction
{
    /// <summary>Creates an action.</summary>
    /// <param name="title">What is to be done; not blank.</param>
    /// <param name="due">The date it is due.</param>
    /// <param name="objective">The key of the plan's objective the action serves; not blank.</param>
    /// <param name="owner">The person of ours who owns it, or <see langword="null"/> when nobody does yet.</param>
    /// <param name="status">Where it stands.</param>
    /// <param name="opportunity">The opportunity it advances, or <see langword="null"/>.</param>
    /// <param name="playbookItem">The key of the playbook item it completes, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">A member is blank, the default value or not defined; every problem is reported.</exception>
    public PlanAction(string title, LocalDate due, string objective, PersonId? owner = null, PlanActionStatus status = PlanActionStatus.Open, OpportunityId? opportunity = null, string? playbookItem = null)
    {
        var errors = new ValidationCollector();
        errors.Required("title", title);
        errors.Required("objective", objective);
        if (owner is { } o)
        {
            Checks.Identifier(errors, "owner", o.Value);
        }

        Checks.Defined(errors, "status", status);
        if (opportunity is { } op)
        {
            Checks.Identifier(errors, "opportunity", op.Value);
        }

        if (playbookItem is not null)
        {
            errors.Required("playbookItem", playbookItem);
        }

        errors.ThrowIfAny();
        Title = title;
        Due = due;
        Objective = objective;
        Owner = owner;
        Status = status;
        Opportunity = opportunity;
        PlaybookItem = playbookItem;
    }

    /// <summary>Gets what is to be done.</summary>
    public string Title { get; }

    /// <summary>Gets the date it is due.</summary>
    public LocalDate Due { get; }

    /// <summary>Gets the key of the objective it serves.</summary>
    public string Objective { get; }

    /// <summary>Gets the owner, or <see langword="null"/>.</summary>
    public PersonId? Owner { get; }

    /// <summary>Gets where it stands.</summary>
    public PlanActionStatus Status { get; }

    /// <summary>Gets the opportunity it advances, or <see langword="null"/>.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the key of the playbook item it completes, or <see langword="null"/>.</summary>
    public string? PlaybookItem { get; }

    /// <summary>Gets a value indicating whether the action is still to be done (open or in progress).</summary>
    public bool IsPending => Status is PlanActionStatus.Open or PlanActionStatus.InProgress;
}
