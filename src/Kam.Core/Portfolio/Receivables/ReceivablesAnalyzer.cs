using Kam.Core.Compensation;
using NodaTime;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// Computes the receivables of every account from its invoices, payments and credit terms: the open balance and its
/// ageing, days sales outstanding, the use of the credit limit and the alerts; and, from the same data, the
/// collections the pay calculator's cash basis reads.
/// </summary>
/// <remarks>
/// <para>
/// Payments are applied to invoices account by account, in order of the day received (then of reference), each as
/// <see cref="Payment"/> describes; a payment never leaves an invoice with a negative balance. The result does not
/// depend on the order of the inputs. Nothing passed is changed.
/// </para>
/// <para>Built once from its policy and currency; immutable and thread-safe.</para>
/// </remarks>
public sealed class ReceivablesAnalyzer
{
    private readonly ReceivablesPolicy _policy;
    private readonly Currency _currency;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="policy">The policy (immutable, kept as given).</param>
    /// <param name="currency">The currency of every invoice, payment and credit limit.</param>
    /// <exception cref="KamValidationException">The currency is <see cref="Currency.None"/>.</exception>
    public ReceivablesAnalyzer(ReceivablesPolicy policy, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (currency == Currency.None)
        {
            throw new KamValidationException("currency", KamErrorCodes.Required, null, "Receivables are analyzed in one currency.");
        }

        _policy = policy;
        _currency = currency;
    }

    /// <summary>Gets the policy.</summary>
    public ReceivablesPolicy Policy => _policy;

    /// <summary>Gets the currency.</summary>
    public Currency Currency => _currency;

    /// <summary>Analyzes the receivables of every account as of a date.</summary>
    /// <param name="invoices">The invoices; those issued after <paramref name="asOf"/> do not count yet.</param>
    /// <param name="payments">The payments; those received after <paramref name="asOf"/> do not count yet (but are checked).</param>
    /// <param name="creditTerms">The accounts' credit terms (at most one per account), or <see langword="null"/> for none.</param>
    /// <param name="asOf">The date of the analysis.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">
    /// An input is invalid; every problem is reported with its path and value (<c>invoices[3].amount</c>,
    /// <c>payments[1].settles[0]</c>, <c>creditTerms[0].account</c>), up to 100 of them. Among them: a payment larger
    /// than the invoices it settles (<c>payments[i].amount</c>, <see cref="KamErrorCodes.OutOfRange"/>), an amount in
    /// another currency than the account's (<see cref="KamErrorCodes.CurrencyMismatch"/>), a payment naming an unknown
    /// invoice or another account's (<see cref="KamErrorCodes.Unknown"/>), a repeated invoice number
    /// (<see cref="KamErrorCodes.Duplicate"/>), a total beyond <see cref="decimal"/> (<see cref="KamErrorCodes.Overflow"/>).
    /// </exception>
    public ReceivablesReport Analyze(IReadOnlyList<Invoice> invoices, IReadOnlyList<Payment> payments, IReadOnlyList<CreditTerms>? creditTerms, LocalDate asOf)
    {
        var run = ReceivablesLedger.Build(_policy, _currency, invoices, payments, creditTerms);
        var accounts = run.Allocate(asOf, null);
        return new ReceivablesReport(_policy, _currency, asOf, accounts!);
    }

    /// <summary>
    /// The collections of the pay calculator's cash basis: one <see cref="CashReceipt"/> for each part of a payment that
    /// settles an invoice linked to a deal, on the day the payment was received. Parts settling invoices without a deal
    /// are not a deal's collections and are left out.
    /// </summary>
    /// <param name="invoices">The invoices.</param>
    /// <param name="payments">The payments.</param>
    /// <param name="creditTerms">The accounts' credit terms (they set the due dates that order the allocation), or <see langword="null"/>.</param>
    /// <returns>The receipts, by account, then payment (day received, reference), then invoice settled.</returns>
    /// <exception cref="KamValidationException">An input is invalid, as for <see cref="Analyze"/>.</exception>
    public IReadOnlyList<CashReceipt> Collections(IReadOnlyList<Invoice> invoices, IReadOnlyList<Payment> payments, IReadOnlyList<CreditTerms>? creditTerms = null)
    {
        var run = ReceivablesLedger.Build(_policy, _currency, invoices, payments, creditTerms);
        var receipts = new List<CashReceipt>();
        run.Allocate(null, receipts);
        return receipts.AsReadOnly();
    }
}
