using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>A customer satisfaction score of an account on a date, on the <see cref="HealthPolicy"/>'s scale.</summary>
public sealed class SatisfactionScore
{
    /// <summary>Creates a score.</summary>
    /// <param name="account">The account.</param>
    /// <param name="date">The date of the score.</param>
    /// <param name="score">The score; its scale is checked by the <see cref="HealthEngine"/>.</param>
    /// <exception cref="KamValidationException">The account is the default identifier.</exception>
    public SatisfactionScore(AccountId account, LocalDate date, decimal score)
    {
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "account", account.Value);
        errors.ThrowIfAny();
        Account = account;
        Date = date;
        Score = score;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the date of the score.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the score.</summary>
    public decimal Score { get; }
}
