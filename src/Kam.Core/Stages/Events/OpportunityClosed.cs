using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The base of the three events that close an opportunity: won, lost, abandoned.</summary>
/// <remarks>A closed opportunity keeps its state and history and refuses every further event.</remarks>
public abstract class OpportunityClosed : OpportunityEvent
{
    private protected OpportunityClosed(Instant at, PersonId by)
        : base(at, by)
    {
    }

    private protected abstract OpportunityStatus Outcome { get; }

    private protected virtual string? Why => null;

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        data.Status = Outcome;
        data.CloseReason = Why;
        data.ClosedAt = At;
        return null;
    }
}
