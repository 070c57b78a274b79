using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>A promise made to a customer, with its due date and what became of it (rule book: accounts, promises made and kept).</summary>
public sealed class Promise
{
    /// <summary>Creates a promise.</summary>
    /// <param name="account">The account it was made to.</param>
    /// <param name="description">What was promised; not blank.</param>
    /// <param name="made">The date it was made.</param>
    /// <param name="due">The date it is due, on or after <paramref name="made"/>.</param>
    /// <param name="status">What became of it; default open.</param>
    /// <exception cref="KamValidationException">The account is the default identifier, the description blank, the due date before the date made, or the status undefined.</exception>
    public Promise(AccountId account, string description, LocalDate made, LocalDate due, PromiseStatus status = PromiseStatus.Open)
    {
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "account", account.Value);
        errors.Required("description", description);
        if (due < made)
        {
            errors.Add("due", KamErrorCodes.OutOfOrder, due, $"A promise is due on or after the date it was made ({ValidationCollector.Render(made)}).");
        }

        Accounts.Checks.Defined(errors, "status", status);
        errors.ThrowIfAny();
        Account = account;
        Description = description;
        Made = made;
        Due = due;
        Status = status;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets what was promised.</summary>
    public string Description { get; }

    /// <summary>Gets the date it was made.</summary>
    public LocalDate Made { get; }

    /// <summary>Gets the date it is due.</summary>
    public LocalDate Due { get; }

    /// <summary>Gets what became of it.</summary>
    public PromiseStatus Status { get; }
}
