using Kam.Core;
using NodaTime;

namespace Kam.Cli.Data;

/// <summary>One invoice (invoices.csv): what an account owes from the day it is issued.</summary>
/// <param name="Id">The invoice number, unique in the file.</param>
/// <param name="Account">The account billed.</param>
/// <param name="IssuedOn">The day it was issued.</param>
/// <param name="Amount">The amount billed.</param>
/// <param name="DueOn">The day payment is due, or <see langword="null"/> for the issue date plus the account's payment days.</param>
/// <param name="Deal">The opportunity billed, or <see langword="null"/>.</param>
internal sealed record InvoiceRecord(string Id, AccountId Account, LocalDate IssuedOn, Money Amount, LocalDate? DueOn = null, OpportunityId? Deal = null)
{
    /// <summary>Gets the row of invoices.csv the invoice was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}

/// <summary>One payment (payments.csv): cash received from an account, and the invoices it settles.</summary>
/// <param name="Id">The payment's reference, unique in the file.</param>
/// <param name="Account">The account that paid.</param>
/// <param name="ReceivedOn">The day it was received.</param>
/// <param name="Amount">The amount received.</param>
/// <param name="Settles">The invoice numbers it settles, or <see langword="null"/> for the account's open invoices, the one due first first.</param>
internal sealed record PaymentRecord(string Id, AccountId Account, LocalDate ReceivedOn, Money Amount, IReadOnlyList<string>? Settles = null)
{
    /// <summary>Gets the row of payments.csv the payment was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}

/// <summary>One account's credit terms as <c>kam receivables --accounts</c> reads them (the credit columns of accounts.csv).</summary>
/// <param name="Id">The account.</param>
/// <param name="Name">Its name, or empty.</param>
/// <param name="Currency">The currency of its invoices, payments and credit limit.</param>
/// <param name="CreditLimit">The most it may owe at any time, or <see langword="null"/> for no limit.</param>
/// <param name="PaymentDays">Its payment days, or <see langword="null"/> for the policy's default.</param>
internal sealed record CreditAccountRecord(AccountId Id, string Name, Currency Currency, decimal? CreditLimit = null, int? PaymentDays = null)
{
    /// <summary>Gets the row of accounts.csv the account was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}
