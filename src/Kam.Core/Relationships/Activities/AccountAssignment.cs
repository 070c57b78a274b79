namespace Kam.Core.Relationships.Activities;

/// <summary>An account as the contact standards see it: who manages it and its grade (the key of its <see cref="ContactStandard"/>).</summary>
public sealed class AccountAssignment
{
    /// <summary>Creates an assignment.</summary>
    /// <param name="account">The account.</param>
    /// <param name="manager">Our person who manages the account and is held to its standard.</param>
    /// <param name="grade">The account's grade or tier; not blank.</param>
    /// <exception cref="KamValidationException">An identifier is the default value or the grade is blank.</exception>
    public AccountAssignment(AccountId account, PersonId manager, string grade)
    {
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "account", account.Value);
        Accounts.Checks.Identifier(errors, "manager", manager.Value);
        errors.Required("grade", grade);
        errors.ThrowIfAny();
        Account = account;
        Manager = manager;
        Grade = grade;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the account's manager.</summary>
    public PersonId Manager { get; }

    /// <summary>Gets the account's grade or tier.</summary>
    public string Grade { get; }
}
