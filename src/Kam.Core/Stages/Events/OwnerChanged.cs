using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was handed to another salesperson.</summary>
public sealed class OwnerChanged : OpportunityEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it changed.</param>
    /// <param name="by">Who changed it.</param>
    /// <param name="owner">The new owner.</param>
    public OwnerChanged(Instant at, PersonId by, PersonId owner)
        : base(at, by)
    {
        Owner = owner;
    }

    /// <summary>Gets the new owner.</summary>
    public PersonId Owner { get; }

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
