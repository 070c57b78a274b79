using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The base of the three events that close an opportunity: won, lost, abandoned.</summary>
/// <remarks>A closed opportunity keeps its state and history and refuses every further event.</remarks>
public abstract class OpportunityClosed : OpportunityEvent
{
    private protected OpportunityClosed(Instant at, PersonId by, string? reasonCode)
        : base(at, by)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>Gets the structured close reason: a code from the host's reason list (<c>Kam.Core.Portfolio.CloseReasonCatalog</c>), or null when none was given.</summary>
    /// <remarks>The stage machine only checks that a code given is not blank; whether the list knows it is checked where the closed opportunities are analyzed.</remarks>
    public string? ReasonCode { get; }

    private protected abstract OpportunityStatus Outcome { get; }

    private protected virtual string? Why => null;

    private protected virtual string? WinningCompetitor => null;

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (ReasonCode is not null && string.IsNullOrWhiteSpace(ReasonCode))
        {
            return new("event.reasonCode", KamErrorCodes.Required, ReasonCode, "A reason code, when given, must not be blank.");
        }

        if (WinningCompetitor is not null && string.IsNullOrWhiteSpace(WinningCompetitor))
        {
            return new("event.competitor", KamErrorCodes.Required, WinningCompetitor, "The winning competitor, when given, must not be blank.");
        }

        data.Status = Outcome;
        data.CloseReason = Why;
        data.CloseReasonCode = ReasonCode;
        data.Competitor = WinningCompetitor;
        data.ClosedAt = At;
        return null;
    }
}
