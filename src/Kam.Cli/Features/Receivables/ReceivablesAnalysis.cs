using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Portfolio.Receivables;
using NodaTime;

namespace Kam.Cli.Features.Receivables;

/// <summary>What <c>kam receivables</c> computed.</summary>
/// <param name="Report">The library's report: every account's receivables and the roll-up.</param>
/// <param name="Names">The accounts' names (accounts.csv), by account.</param>
/// <param name="Invoices">The number of invoices read.</param>
/// <param name="Payments">The number of payments read.</param>
internal sealed record ReceivablesResult(ReceivablesReport Report, IReadOnlyDictionary<AccountId, string> Names, int Invoices, int Payments)
{
    /// <summary>Gets the accounts with something open, the largest open balance first (then by account).</summary>
    public IReadOnlyList<AccountReceivables> ByOpenBalance { get; } =
        [.. Report.Accounts.OrderByDescending(a => a.OpenBalance.Amount).ThenBy(a => a.Account.Value, StringComparer.Ordinal)];

    /// <summary>Gets an account's label: its identifier and, when known, its name.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The label.</returns>
    public string Label(AccountId account) =>
        Names.TryGetValue(account, out var name) && name.Length > 0 ? $"{account} {name}" : account.Value;
}

/// <summary>Runs the receivables analysis of <c>kam receivables</c>: maps the rows to the library's types and names the cell of every error.</summary>
internal static class ReceivablesAnalysis
{
    /// <summary>Analyzes the receivables.</summary>
    /// <param name="input">The rows read.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="asOf">The day, or <see langword="null"/> for the latest day an invoice was issued or a payment received.</param>
    /// <param name="engines">The composition root's engine factory.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">The data is refused (a payment larger than what it settles, an unknown invoice, …); each error names its cell.</exception>
    public static ReceivablesResult Run(ReceivablesInput input, ReceivablesPolicy policy, LocalDate? asOf, EngineFactory engines)
    {
        var (invoices, payments, terms) = ToLibrary(input);
        var day = asOf ?? Latest(input) ?? LocalDate.FromDateTime(DateTime.Today);
        try
        {
            var report = engines.Receivables(policy, input.Currency).Analyze(invoices, payments, terms, day);
            var names = input.Accounts?.Where(a => a.Name.Length > 0).ToDictionary(a => a.Id, a => a.Name) ?? [];
            return new ReceivablesResult(report, names, invoices.Length, payments.Length);
        }
        catch (KamValidationException ex)
        {
            throw Locate(ex, input);
        }
    }

    /// <summary>Maps the rows to the library's invoices, payments and credit terms (in the rows' order: the library's error indexes are the rows').</summary>
    /// <param name="input">The rows read.</param>
    /// <returns>The library's inputs; no terms without an accounts file.</returns>
    public static (Invoice[] Invoices, Payment[] Payments, CreditTerms[]? Terms) ToLibrary(ReceivablesInput input) =>
    (
        [.. input.Invoices.Select(i => new Invoice(i.Id, i.Account, i.IssuedOn, i.Amount, i.DueOn, i.Deal))],
        [.. input.Payments.Select(p => new Payment(p.Id, p.Account, p.ReceivedOn, p.Amount, p.Settles))],
        input.Accounts?.Select(a => new CreditTerms(a.Id, a.CreditLimit is { } limit ? new Money(limit, a.Currency) : null, a.PaymentDays)).ToArray()
    );

    /// <summary>Gets the latest day an invoice was issued or a payment received, or <see langword="null"/> for no rows.</summary>
    /// <param name="input">The rows.</param>
    /// <returns>The day.</returns>
    public static LocalDate? Latest(ReceivablesInput input) =>
        input.Invoices.Select(i => (LocalDate?)i.IssuedOn).Concat(input.Payments.Select(p => (LocalDate?)p.ReceivedOn)).Max();

    /// <summary>Names the cell of each of the library's errors (<c>payments[3].amount</c> → <c>payments.csv:5:5</c>).</summary>
    /// <param name="error">The library's error.</param>
    /// <param name="input">The rows read.</param>
    /// <returns>The error with cells.</returns>
    public static KamValidationException Locate(KamValidationException error, ReceivablesInput input)
    {
        var invoices = input.Invoices;
        var payments = input.Payments;
        var accounts = input.Accounts ?? [];
        return RecordErrors.Locate(
            error,
            new RecordMap("invoices", invoices.Count, i => invoices[i].Source, (i, at) => at.Member switch
            {
                "amount" => (ReceivablesCsv.Amount.Name, Amount(invoices[i].Amount.Amount)),
                "dueOn" => (ReceivablesCsv.Due.Name, invoices[i].DueOn is { } d ? Day(d) : null),
                "issuedOn" => (ReceivablesCsv.Issued.Name, Day(invoices[i].IssuedOn)),
                "account" => (ReceivablesCsv.AccountId.Name, invoices[i].Account.Value),
                _ => (ReceivablesCsv.InvoiceId.Name, invoices[i].Id),
            }, i => $"invoice '{invoices[i].Id}'"),
            new RecordMap("payments", payments.Count, j => payments[j].Source, (j, at) => at.Member switch
            {
                "amount" => (ReceivablesCsv.PaidAmount.Name, Amount(payments[j].Amount.Amount)),
                "receivedOn" => (ReceivablesCsv.Received.Name, Day(payments[j].ReceivedOn)),
                "settles" => (ReceivablesCsv.SettlesId.Name, null),
                "account" => (ReceivablesCsv.PayerId.Name, payments[j].Account.Value),
                _ => (ReceivablesCsv.PaymentId.Name, payments[j].Id),
            }, j => $"payment '{payments[j].Id}'"),
            new RecordMap("creditTerms", accounts.Count, a => accounts[a].Source, (a, at) => at.Member switch
            {
                "limit" => (ReceivablesCsv.CreditLimit.Name, accounts[a].CreditLimit is { } l ? Amount(l) : null),
                "paymentDays" => (ReceivablesCsv.PaymentDays.Name, accounts[a].PaymentDays?.ToString(CultureInfo.InvariantCulture)),
                _ => (AccountsCsv.AccountId.Name, accounts[a].Id.Value),
            }, a => $"account '{accounts[a].Id}'"));
    }

    private static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
