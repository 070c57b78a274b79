using Kam.Core.Accounts;
using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>A contact joins an account's buying center (is mapped for the first time) with a profile.</summary>
public sealed class ContactJoined : BuyingCenterEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="date">The date the contact was mapped.</param>
    /// <param name="contact">The contact; an identifier no other contact of any account has.</param>
    /// <param name="account">The account whose buying center the contact belongs to.</param>
    /// <param name="profile">What is known about the contact.</param>
    /// <exception cref="KamValidationException">An identifier is the default value or the profile is missing.</exception>
    public ContactJoined(LocalDate date, ContactId contact, AccountId account, ContactProfile profile)
        : this(date, contact, account, profile, new ValidationCollector())
    {
    }

    private ContactJoined(LocalDate date, ContactId contact, AccountId account, ContactProfile profile, ValidationCollector errors)
        : base(date, contact, errors)
    {
        Checks.Identifier(errors, "account", account.Value);
        errors.Required("profile", (object?)profile);
        errors.ThrowIfAny();
        Account = account;
        Profile = profile;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the contact's profile.</summary>
    public ContactProfile Profile { get; }
}
