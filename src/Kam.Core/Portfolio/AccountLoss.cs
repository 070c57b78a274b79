using NodaTime;

namespace Kam.Core.Portfolio;

/// <summary>A key account lost: when, why (a code of the host's reason list, for the outcome lost), to whom, with the free text kept beside.</summary>
/// <remarks>Immutable; validated when built. Whether the reason list holds the code is checked by the <see cref="ChurnAnalyzer"/>.</remarks>
public sealed class AccountLoss
{
    /// <summary>Creates the record.</summary>
    /// <param name="account">The account lost.</param>
    /// <param name="lostOn">The day it was lost.</param>
    /// <param name="reasonCode">Why: a code of the reason list; not blank.</param>
    /// <param name="competitor">The competitor who took the account, if known.</param>
    /// <param name="note">Why, in free text, if recorded.</param>
    /// <exception cref="KamValidationException">The account is the default value, the reason code is blank, or a competitor given is blank.</exception>
    public AccountLoss(AccountId account, LocalDate lostOn, string reasonCode, string? competitor = null, string? note = null)
    {
        var errors = new ValidationCollector();
        if (account == default)
        {
            errors.Add("account", KamErrorCodes.Required, null, "An account is required.");
        }

        errors.Required("reasonCode", reasonCode);
        if (competitor is not null && string.IsNullOrWhiteSpace(competitor))
        {
            errors.Add("competitor", KamErrorCodes.Required, competitor, "A competitor, when given, must not be blank.");
        }

        errors.ThrowIfAny();
        Account = account;
        LostOn = lostOn;
        ReasonCode = reasonCode;
        Competitor = competitor;
        Note = note;
    }

    /// <summary>Gets the account lost.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day it was lost.</summary>
    public LocalDate LostOn { get; }

    /// <summary>Gets the reason code.</summary>
    public string ReasonCode { get; }

    /// <summary>Gets the competitor who took the account, if known.</summary>
    public string? Competitor { get; }

    /// <summary>Gets the free-text reason, if recorded.</summary>
    public string? Note { get; }
}
