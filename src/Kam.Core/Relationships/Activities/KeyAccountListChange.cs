using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>An explicit, recorded exception to a frozen key-account list: an account added or removed during the year, from a date, with the reason and who approved it.</summary>
public sealed class KeyAccountListChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="date">The date the change takes effect.</param>
    /// <param name="account">The account added or removed.</param>
    /// <param name="added"><see langword="true"/> to add the account; <see langword="false"/> to remove it.</param>
    /// <param name="reason">Why the frozen list is changed; not blank.</param>
    /// <param name="approvedBy">Who approved the change, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The account is the default identifier or the reason is blank.</exception>
    public KeyAccountListChange(LocalDate date, AccountId account, bool added, string reason, PersonId? approvedBy = null)
    {
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "account", account.Value);
        errors.Required("reason", reason);
        if (approvedBy is { } p)
        {
            Accounts.Checks.Identifier(errors, "approvedBy", p.Value);
        }

        errors.ThrowIfAny();
        Date = date;
        Account = account;
        Added = added;
        Reason = reason;
        ApprovedBy = approvedBy;
    }

    /// <summary>Gets the date the change takes effect.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the account added or removed.</summary>
    public AccountId Account { get; }

    /// <summary>Gets whether the account is added (<see langword="true"/>) or removed.</summary>
    public bool Added { get; }

    /// <summary>Gets the reason.</summary>
    public string Reason { get; }

    /// <summary>Gets who approved the change, or <see langword="null"/>.</summary>
    public PersonId? ApprovedBy { get; }
}
