namespace Kam.Core.Accounts;

/// <summary>
/// One member of an account's team on our side and the member's role there (for example "branch general manager",
/// "key-account specialist"; rule book: accounts, our account team).
/// </summary>
public sealed class AccountTeamMember
{
    /// <summary>Creates a team member.</summary>
    /// <param name="person">The person.</param>
    /// <param name="role">The role on this account's team; not blank.</param>
    /// <exception cref="KamValidationException">The person is the default identifier or the role is blank.</exception>
    public AccountTeamMember(PersonId person, string role)
    {
        var errors = new ValidationCollector();
        Checks.Identifier(errors, "person", person.Value);
        errors.Required("role", role);
        errors.ThrowIfAny();
        Person = person;
        Role = role;
    }

    /// <summary>Gets the person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the person's role on the account's team.</summary>
    public string Role { get; }
}
