using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>A contact leaves the buying center (left the company or the role); the contact stays on the map with the date, and no longer counts for coverage.</summary>
public sealed class ContactLeft : BuyingCenterEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="date">The date the contact left.</param>
    /// <param name="contact">The contact.</param>
    /// <exception cref="KamValidationException">The contact is the default identifier.</exception>
    public ContactLeft(LocalDate date, ContactId contact)
        : this(date, contact, new ValidationCollector())
    {
    }

    private ContactLeft(LocalDate date, ContactId contact, ValidationCollector errors)
        : base(date, contact, errors) => errors.ThrowIfAny();
}
