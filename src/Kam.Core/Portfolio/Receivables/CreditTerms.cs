namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// The credit an account is given: the most it may owe us at any time (its credit limit) and the days it has to pay an
/// invoice (its payment terms). Judging credit before selling is what keeps receivables collectable.
/// </summary>
/// <remarks>Immutable and valid from construction; paths are relative to the terms (<c>limit</c>, <c>paymentDays</c>).</remarks>
public sealed class CreditTerms
{
    /// <summary>Creates an account's credit terms.</summary>
    /// <param name="account">The account.</param>
    /// <param name="limit">The credit limit, not negative; <see langword="null"/> for none (no limit check). Its currency is the account's.</param>
    /// <param name="paymentDays">The days from issue to due date of an invoice that gives no due date, 0 to 3,660; <see langword="null"/> for the policy's default.</param>
    /// <exception cref="KamValidationException">The account is missing, the limit is negative, or the days are out of range.</exception>
    public CreditTerms(AccountId account, Money? limit = null, int? paymentDays = null)
    {
        var errors = new ValidationCollector();
        if (account == default)
        {
            errors.Add("account", KamErrorCodes.Required, null, "Credit terms are for one account.");
        }

        if (limit is { IsNegative: true } l)
        {
            errors.Add("limit", KamErrorCodes.OutOfRange, l, "A credit limit must not be negative.");
        }

        if (paymentDays is { } days)
        {
            errors.InRange("paymentDays", days, 0, 3660);
        }

        errors.ThrowIfAny();
        Account = account;
        Limit = limit;
        PaymentDays = paymentDays;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the credit limit, or <see langword="null"/> for none.</summary>
    public Money? Limit { get; }

    /// <summary>Gets the payment days, or <see langword="null"/> for the policy's default.</summary>
    public int? PaymentDays { get; }
}
