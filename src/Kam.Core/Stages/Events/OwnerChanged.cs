using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was handed to another salesperson.</summary>
/// <param name="At">When it changed.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Owner">The new owner.</param>
public sealed record OwnerChanged(Instant At, PersonId By, PersonId Owner) : OpportunityEvent(At, By)
{
    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (Owner == default)
        {
            return new("event.owner", KamErrorCodes.Required, null, "An opportunity needs an owner.");
        }

        data.Owner = Owner;
        return null;
    }
}
