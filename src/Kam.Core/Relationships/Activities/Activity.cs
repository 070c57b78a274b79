using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>One logged interaction with a customer: when, which account, who of ours, what kind, which contacts, optionally for which opportunity, and its outcome (rule book: accounts, every interaction is logged).</summary>
/// <remarks>Immutable; the contact list is copied. Whether the account and the contacts exist on that date is checked by the <see cref="ActivityLog"/> that holds the activity.</remarks>
public sealed class Activity
{
    /// <summary>Creates an activity.</summary>
    /// <param name="date">The date of the interaction.</param>
    /// <param name="account">The account.</param>
    /// <param name="person">Our person who made the contact.</param>
    /// <param name="kind">The kind of contact.</param>
    /// <param name="contacts">The customer's contacts met or called (copied); <see langword="null"/> for none named.</param>
    /// <param name="opportunity">The opportunity the contact was about, or <see langword="null"/>.</param>
    /// <param name="outcome">The outcome in a few words, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">An identifier is the default value, the kind is not defined, or a contact is listed twice.</exception>
    public Activity(LocalDate date, AccountId account, PersonId person, ActivityKind kind, IReadOnlyList<ContactId>? contacts = null, OpportunityId? opportunity = null, string? outcome = null)
    {
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "account", account.Value);
        Accounts.Checks.Identifier(errors, "person", person.Value);
        Accounts.Checks.Defined(errors, "kind", kind);
        if (opportunity is { } o)
        {
            Accounts.Checks.Identifier(errors, "opportunity", o.Value);
        }

        var copy = contacts is null || contacts.Count == 0 ? [] : contacts.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i].Value.Length == 0)
            {
                Accounts.Checks.Identifier(errors, $"contacts[{i}]", copy[i].Value);
            }
            else if (Array.IndexOf(copy, copy[i], 0, i) >= 0)
            {
                errors.Add($"contacts[{i}]", KamErrorCodes.Duplicate, copy[i], "This contact is listed twice.");
            }
        }

        errors.ThrowIfAny();
        Date = date;
        Account = account;
        Person = person;
        Kind = kind;
        Contacts = copy.Length == 0 ? [] : Array.AsReadOnly(copy);
        Opportunity = opportunity;
        Outcome = outcome;
    }

    /// <summary>Gets the date of the interaction.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets our person who made the contact.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the kind of contact.</summary>
    public ActivityKind Kind { get; }

    /// <summary>Gets the customer's contacts met or called, in the order given.</summary>
    public IReadOnlyList<ContactId> Contacts { get; }

    /// <summary>Gets the opportunity the contact was about, or <see langword="null"/>.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the outcome, or <see langword="null"/>.</summary>
    public string? Outcome { get; }
}
