using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>We gave the opportunity up, for a reason (for example when the progress comparison advised it).</summary>
/// <remarks>The reason is required and must not be blank.</remarks>
/// <param name="At">When it was abandoned.</param>
/// <param name="By">Who decided.</param>
/// <param name="Reason">Why.</param>
public sealed record OpportunityAbandoned(Instant At, PersonId By, string Reason) : OpportunityClosed(At, By)
{
    private protected override OpportunityStatus Outcome => OpportunityStatus.Abandoned;

    private protected override string? Why => Reason;

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook) =>
        string.IsNullOrWhiteSpace(Reason)
            ? new("event.reason", KamErrorCodes.Required, Reason, "Abandoning an opportunity needs a reason.")
            : base.ApplyTo(ref data, playbook);
}
