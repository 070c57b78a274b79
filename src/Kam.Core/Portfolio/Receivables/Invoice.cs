using NodaTime;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>An invoice to an account: what the account owes us, from the day it is issued until it is paid.</summary>
/// <remarks>
/// The constructor only records the values; <see cref="ReceivablesAnalyzer"/> checks every invoice it is given and
/// reports each problem with its path (<c>invoices[3].amount</c>): an identifier that is blank or repeated, no account, a
/// negative amount, an amount in another currency than the account's, a due date before the issue date. Immutable.
/// </remarks>
public readonly struct Invoice
{
    /// <summary>Creates an invoice.</summary>
    /// <param name="id">The invoice number, unique among all invoices; payments name it.</param>
    /// <param name="account">The account billed.</param>
    /// <param name="issuedOn">The day the invoice was issued.</param>
    /// <param name="amount">The amount billed, in the account's currency; not negative.</param>
    /// <param name="dueOn">The day payment is due; <see langword="null"/> for the issue date plus the account's payment days (its <see cref="CreditTerms"/>, else the policy's default).</param>
    /// <param name="deal">The deal (opportunity) the invoice bills, if any: payments on it become that deal's collections.</param>
    public Invoice(string id, AccountId account, LocalDate issuedOn, Money amount, LocalDate? dueOn = null, OpportunityId? deal = null)
    {
        Id = id;
        Account = account;
        IssuedOn = issuedOn;
        Amount = amount;
        DueOn = dueOn;
        Deal = deal;
    }

    /// <summary>Gets the invoice number.</summary>
    public string Id { get; }

    /// <summary>Gets the account billed.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day the invoice was issued.</summary>
    public LocalDate IssuedOn { get; }

    /// <summary>Gets the amount billed.</summary>
    public Money Amount { get; }

    /// <summary>Gets the day payment is due as given, or <see langword="null"/> when it follows from the payment days.</summary>
    public LocalDate? DueOn { get; }

    /// <summary>Gets the deal (opportunity) the invoice bills, if any.</summary>
    public OpportunityId? Deal { get; }
}
