using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>We gave the opportunity up, for a reason (for example when the progress comparison advised it).</summary>
/// <remarks>The reason is required and must not be blank.</remarks>
public sealed class OpportunityAbandoned : OpportunityClosed
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it was abandoned.</param>
    /// <param name="by">Who decided.</param>
    /// <param name="reason">Why.</param>
    public OpportunityAbandoned(Instant at, PersonId by, string reason)
        : base(at, by)
    {
        Reason = reason;
    }

    /// <summary>Gets why.</summary>
    public string Reason { get; }

    private protected override OpportunityStatus Outcome => OpportunityStatus.Abandoned;

    private protected override string? Why => Reason;

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook) =>
        string.IsNullOrWhiteSpace(Reason)
            ? new("event.reason", KamErrorCodes.Required, Reason, "Abandoning an opportunity needs a reason.")
            : base.ApplyTo(ref data, playbook);
}
