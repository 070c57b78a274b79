using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>One relationship-health alert of an account, as of the assessment date.</summary>
public sealed class HealthAlert
{
    internal HealthAlert(HealthAlertKind kind, AccountId account, LocalDate date, string? subject, string message)
    {
        Kind = kind;
        Account = account;
        Date = date;
        Subject = subject;
        Message = message;
    }

    /// <summary>Gets the kind of alert.</summary>
    public HealthAlertKind Kind { get; }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the date the alert refers to: the promise's due date, the last contact (or the assessment date), the date the contact left, the assessment date for a falling index.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets what the alert is about: the promise's description or the contact's identifier; <see langword="null"/> otherwise.</summary>
    public string? Subject { get; }

    /// <summary>Gets the alert in a sentence.</summary>
    public string Message { get; }
}
