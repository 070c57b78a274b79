using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>We gave the opportunity up, for a reason (for example when the progress comparison advised it).</summary>
/// <remarks>A reason is required: the free text or the reason code, not both blank.</remarks>
public sealed class OpportunityAbandoned : OpportunityClosed
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it was abandoned.</param>
    /// <param name="by">Who decided.</param>
    /// <param name="reason">Why, in free text; may be null or blank only when <paramref name="reasonCode"/> is given.</param>
    /// <param name="reasonCode">Why: a code from the host's reason list, or null.</param>
    public OpportunityAbandoned(Instant at, PersonId by, string? reason, string? reasonCode = null)
        : base(at, by, reasonCode)
    {
        Reason = reason;
    }

    /// <summary>Gets why, in free text (null when only a reason code was given).</summary>
    public string? Reason { get; }

    private protected override OpportunityStatus Outcome => OpportunityStatus.Abandoned;

    private protected override string? Why => Reason;

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook) =>
        string.IsNullOrWhiteSpace(Reason) && ReasonCode is null
            ? new("event.reason", KamErrorCodes.Required, Reason, "Abandoning an opportunity needs a reason.")
            : base.ApplyTo(ref data, playbook);
}
