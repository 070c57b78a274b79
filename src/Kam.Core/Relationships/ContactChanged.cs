using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>What is known about a contact changes (a new title, level, attitude, decision style, boss…): the profile replaces the previous one.</summary>
public sealed class ContactChanged : BuyingCenterEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="date">The date of the change.</param>
    /// <param name="contact">The contact.</param>
    /// <param name="profile">The contact's whole profile from this date.</param>
    /// <exception cref="KamValidationException">The contact is the default identifier or the profile is missing.</exception>
    public ContactChanged(LocalDate date, ContactId contact, ContactProfile profile)
        : this(date, contact, profile, new ValidationCollector())
    {
    }

    private ContactChanged(LocalDate date, ContactId contact, ContactProfile profile, ValidationCollector errors)
        : base(date, contact, errors)
    {
        errors.Required("profile", (object?)profile);
        errors.ThrowIfAny();
        Profile = profile;
    }

    /// <summary>Gets the contact's profile from this date.</summary>
    public ContactProfile Profile { get; }
}
