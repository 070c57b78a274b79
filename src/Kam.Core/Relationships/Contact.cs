using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>One contact of an account's buying center as of a date: the account, the profile then in force, when the contact was mapped and, if so, when the contact left.</summary>
public sealed class Contact
{
    internal Contact(ContactId id, AccountId account, ContactProfile profile, LocalDate joined, LocalDate? left)
    {
        Id = id;
        Account = account;
        Profile = profile;
        Joined = joined;
        Left = left;
    }

    /// <summary>Gets the contact's identifier.</summary>
    public ContactId Id { get; }

    /// <summary>Gets the account whose buying center the contact belongs to.</summary>
    public AccountId Account { get; }

    /// <summary>Gets what is known about the contact as of the map's date.</summary>
    public ContactProfile Profile { get; }

    /// <summary>Gets the date the contact was mapped.</summary>
    public LocalDate Joined { get; }

    /// <summary>Gets the date the contact left, or <see langword="null"/> while the contact is present.</summary>
    public LocalDate? Left { get; }
}
