using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Terminal;
using Kam.Core;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>What <c>kam receivables</c> reads: the invoices, the payments and, optionally, the accounts' credit terms.</summary>
/// <param name="Invoices">The invoices in file order.</param>
/// <param name="Payments">The payments in file order.</param>
/// <param name="Accounts">The accounts' credit terms in file order, or <see langword="null"/> without <c>--accounts</c>.</param>
/// <param name="Currency">The currency of every amount (CNY when the files hold none).</param>
internal sealed record ReceivablesInput(IReadOnlyList<InvoiceRecord> Invoices, IReadOnlyList<PaymentRecord> Payments, IReadOnlyList<CreditAccountRecord>? Accounts, Currency Currency);

/// <summary>
/// invoices.csv and payments.csv, the input of <c>kam receivables</c>, and the credit columns of accounts.csv
/// (credit_limit, payment_days; <c>kam tier</c> and <c>kam plan</c> ignore them, as this reader ignores theirs).
/// </summary>
/// <remarks>
/// Read together: an invoice number or payment reference used twice is refused at its cell with the line of its first
/// use; an invoice or payment in another currency than its account's (accounts.csv), or than the data's, at its
/// currency cell. What needs every row (a payment larger than the invoices it settles, an unknown invoice) the
/// analysis checks, and the command names the cell.
/// </remarks>
internal static class ReceivablesCsv
{
    /// <summary>The separator of several invoice numbers in one invoice_id cell of payments.csv.</summary>
    public const char InvoiceSeparator = ';';

    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the account billed (a row of accounts.csv with --accounts)", "A001");
    public static readonly CsvColumn<string> InvoiceId = Text("invoice_id", true, "the invoice number, unique in the file", "INV-0001");
    public static readonly CsvColumn<LocalDate> Issued = Date("issued", true, "the day the invoice was issued", "2026-04-10");
    public static readonly CsvColumn<LocalDate> Due = Date("due", false, "the day payment is due; default: issued plus the account's payment_days (accounts.csv), else the policy's default (30 days)", "2026-05-10");
    public static readonly CsvColumn<decimal> Amount = Decimal("amount", true, "the amount billed", "50000", min: 0m);
    public static readonly CsvColumn<Currency> Currency = Currency("currency", false, "the currency of amount; default the account's (accounts.csv), else CNY; one currency for all the data", "CNY");
    public static readonly CsvColumn<OpportunityId> OpportunityId = Identifier<OpportunityId>("opportunity_id", false, "the opportunity (deal) billed: payments on the invoice are that deal's collections", "OP-0001");

    public static readonly CsvColumn<AccountId> PayerId = Identifier<AccountId>("account_id", true, "the account that paid", "A001");
    public static readonly CsvColumn<string> PaymentId = Text("payment_id", true, "the payment's reference, unique in the file", "PAY-0001");
    public static readonly CsvColumn<string> SettlesId = Text("invoice_id", false, "the invoice it settles (several separated by ';'); blank: the account's open invoices issued by the day received, the one due first first", "INV-0001");
    public static readonly CsvColumn<LocalDate> Received = Date("received", true, "the day the cash was received", "2026-05-08");
    public static readonly CsvColumn<decimal> PaidAmount = Decimal("amount", true, "the amount received, above 0 and at most what is open on the invoices it settles", "30000", min: 0m);
    public static readonly CsvColumn<Currency> PaidCurrency = Currency("currency", false, "the currency of amount; default the account's (accounts.csv), else CNY", "CNY");

    public static readonly CsvColumn<decimal> CreditLimit = Decimal("credit_limit", false, "the most the account may owe at any time (kam receivables); blank: no limit", "2000000", min: 0m);
    public static readonly CsvColumn<int> PaymentDays = Integer("payment_days", false, "the account's payment days: an invoice without a due date is due this many days after issue (kam receivables); blank: the policy's default", "60", 0, 3660);
    public static readonly CsvColumn<string> AccountName = Text("name", false, "the account's name", "Huabei Steel Group");

    /// <summary>Gets the invoices schema.</summary>
    public static CsvSchema Invoices { get; } = new(
        "invoices.csv",
        "one row per invoice to an account: what it owes from the day issued until paid (input of kam receivables).",
        [AccountId, InvoiceId, Issued, Due, Amount, Currency, OpportunityId],
        [
            ["A001", "INV-0001", "2026-04-10", "2026-05-10", "50000", "CNY", "OP-0001"],
            ["A001", "INV-0002", "2026-05-20", "", "30000", "CNY", ""],
            ["A002", "INV-0003", "2026-06-01", "2026-07-31", "80000", "CNY", ""],
        ]);

    /// <summary>Gets the payments schema.</summary>
    public static CsvSchema Payments { get; } = new(
        "payments.csv",
        "one row per payment received from an account, and the invoices it settles (input of kam receivables).",
        [PayerId, PaymentId, SettlesId, Received, PaidAmount, PaidCurrency],
        [
            ["A001", "PAY-0001", "INV-0001", "2026-05-08", "30000", "CNY"],
            ["A002", "PAY-0002", "", "2026-06-20", "20000", "CNY"],
        ]);

    /// <summary>Gets the credit columns accounts.csv gains for <c>kam receivables</c>.</summary>
    public static IReadOnlyList<CsvColumn> CreditColumns { get; } = [CreditLimit, PaymentDays];

    /// <summary>Gets the schema <c>kam receivables --accounts</c> reads accounts.csv with: identifier, name, currency and the credit columns.</summary>
    public static CsvSchema Accounts { get; } = new(
        "accounts.csv",
        "one row per account; kam receivables reads its currency and credit terms (credit_limit, payment_days).",
        [AccountsCsv.AccountId, AccountName, AccountsCsv.Currency, .. CreditColumns],
        [
            ["A001", "Huabei Steel Group", "CNY", "2000000", "60"],
            ["A002", "Donghai Shipbuilding", "CNY", "", ""],
        ]);

    /// <summary>Reads and validates the files.</summary>
    /// <param name="invoicesPath">invoices.csv.</param>
    /// <param name="paymentsPath">payments.csv.</param>
    /// <param name="accountsPath">accounts.csv, or <see langword="null"/>.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The records.</returns>
    /// <exception cref="KamValidationException">A file is invalid (every problem with its file:line:column).</exception>
    public static ReceivablesInput Read(string invoicesPath, string paymentsPath, string? accountsPath = null, IProgress<ProgressUpdate>? progress = null)
    {
        var reading = new Reading();
        var accounts = accountsPath is null ? null : CsvFile.Read(accountsPath, Accounts, row => MapAccount(row, reading), progress);
        var invoices = CsvFile.Read(invoicesPath, Invoices, row => MapInvoice(row, reading), progress, reading.ReserveInvoices);
        var payments = CsvFile.Read(paymentsPath, Payments, row => MapPayment(row, reading), progress, reading.ReservePayments);
        return new ReceivablesInput(invoices, payments, accounts, reading.DataCurrency);
    }

    /// <summary>Reads and validates the files from CSV text (tests).</summary>
    public static ReceivablesInput Read(TextReader invoices, string invoicesName, TextReader payments, string paymentsName, TextReader? accounts = null, string accountsName = "accounts.csv")
    {
        var reading = new Reading();
        var accountRows = accounts is null ? null : CsvFile.Read(accounts, accountsName, Accounts, row => MapAccount(row, reading));
        var invoiceRows = CsvFile.Read(invoices, invoicesName, Invoices, row => MapInvoice(row, reading));
        var paymentRows = CsvFile.Read(payments, paymentsName, Payments, row => MapPayment(row, reading));
        return new ReceivablesInput(invoiceRows, paymentRows, accountRows, reading.DataCurrency);
    }

    private static CreditAccountRecord MapAccount(CsvRow row, Reading reading)
    {
        reading.AccountsFile ??= Path.GetFileName(row.File);
        var id = row.Get(AccountsCsv.AccountId);
        if (id.Value.Length > 0 && !reading.Accounts.TryAdd(id, (default, row.Line)))
        {
            row.Fail(AccountsCsv.AccountId, KamErrorCodes.Duplicate, $"account '{id}' already appears on line {reading.Accounts[id].Line}.");
        }

        var name = row.GetOrDefault(AccountName, string.Empty);
        var currency = row.Get(AccountsCsv.Currency);
        reading.CheckData(row, AccountsCsv.Currency, currency);
        if (id.Value.Length > 0 && reading.Accounts[id].Line == row.Line)
        {
            reading.Accounts[id] = (currency, row.Line);
        }

        var limit = row.GetOptional(CreditLimit);
        var days = row.GetOptional(PaymentDays);
        return new CreditAccountRecord(id, name, currency, limit, days) { Source = reading.AccountSources.Of(row) };
    }

    private static InvoiceRecord MapInvoice(CsvRow row, Reading reading)
    {
        var account = row.Get(AccountId);
        var id = row.Get(InvoiceId);
        Reading.CheckUnique(row, InvoiceId, id, reading.InvoiceLines, "invoice");
        var issued = row.Get(Issued);
        var due = row.GetOptional(Due);
        if (due is { } d && issued != default && d < issued)
        {
            row.Fail(Due, KamErrorCodes.OutOfOrder, $"the due date is before the invoice was issued ({Day(issued)}).");
        }

        var amount = row.Get(Amount);
        var currency = reading.CurrencyOf(row, Currency, account);
        var deal = row.GetOptional(OpportunityId);
        return new InvoiceRecord(id, account, issued, new Money(amount, currency), due, deal) { Source = reading.InvoiceSources.Of(row) };
    }

    private static PaymentRecord MapPayment(CsvRow row, Reading reading)
    {
        var account = row.Get(PayerId);
        var id = row.Get(PaymentId);
        Reading.CheckUnique(row, PaymentId, id, reading.PaymentLines, "payment");
        var settles = row.GetOrDefault(SettlesId, string.Empty) is { Length: > 0 } text
            ? text.Split(InvoiceSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : null;
        var received = row.Get(Received);
        var amount = row.Get(PaidAmount);
        var currency = reading.CurrencyOf(row, PaidCurrency, account);
        return new PaymentRecord(id, account, received, new Money(amount, currency), settles is { Length: > 0 } ? settles : null) { Source = reading.PaymentSources.Of(row) };
    }

    private static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What one read remembers across the files: the accounts' currencies, the numbers used, the data's currency.</summary>
    private sealed class Reading
    {
        private (Currency Currency, string Where)? _data;

        public Dictionary<Kam.Core.AccountId, (Currency Currency, int Line)> Accounts { get; } = [];

        public string? AccountsFile { get; set; }

        public Dictionary<string, int> InvoiceLines { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> PaymentLines { get; } = new(StringComparer.Ordinal);

        public RowSources AccountSources { get; } = new(ReceivablesCsv.Accounts);

        public RowSources InvoiceSources { get; } = new(ReceivablesCsv.Invoices);

        public RowSources PaymentSources { get; } = new(ReceivablesCsv.Payments);

        public Currency DataCurrency => _data?.Currency ?? Kam.Core.Currency.CNY;

        public void ReserveInvoices(long lines) => InvoiceLines.EnsureCapacity((int)Math.Min(lines, 1 << 24));

        public void ReservePayments(long lines) => PaymentLines.EnsureCapacity((int)Math.Min(lines, 1 << 24));

        /// <summary>Refuses a blank or repeated number, naming the line of its first use.</summary>
        public static void CheckUnique(CsvRow row, CsvColumn<string> column, string id, Dictionary<string, int> lines, string kind)
        {
            if (id.Length == 0)
            {
                return; // a required cell: already reported
            }

            if (IdentifierRules.Check(id, column.Name) is { } invalid)
            {
                row.Fail(column, invalid.Code, $"column '{column.Name}': {invalid.Message}");
            }
            else if (!lines.TryAdd(id, row.Line))
            {
                row.Fail(column, KamErrorCodes.Duplicate, $"{kind} '{id}' already appears on line {lines[id]}.");
            }
        }

        /// <summary>The row's currency (blank: the account's, else the data's, else CNY), refused at its cell when not the account's or not the data's.</summary>
        public Currency CurrencyOf(CsvRow row, CsvColumn<Currency> column, Kam.Core.AccountId account)
        {
            var known = account.Value is { Length: > 0 } && Accounts.TryGetValue(account, out var seen) && seen.Currency != default ? seen : ((Currency Currency, int Line)?)null;
            var currency = row.GetOrDefault(column, known?.Currency ?? _data?.Currency ?? Kam.Core.Currency.CNY);
            if (currency == default)
            {
                return currency; // already reported
            }

            if (known is { } k && k.Currency != currency)
            {
                row.Fail(column, KamErrorCodes.CurrencyMismatch, $"account '{account}' is in {k.Currency} ({AccountsFile} line {k.Line}); its invoices and payments must be too.");
                return currency;
            }

            CheckData(row, column, currency);
            return currency;
        }

        /// <summary>Holds the data to one currency: the first sets it, another is refused at its cell.</summary>
        public void CheckData(CsvRow row, CsvColumn<Currency> column, Currency currency)
        {
            if (currency == default)
            {
                return;
            }

            if (_data is null)
            {
                _data = (currency, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(row.File)} line {row.Line}"));
            }
            else if (_data.Value.Currency != currency)
            {
                row.Fail(column, KamErrorCodes.CurrencyMismatch, $"the receivables are in {_data.Value.Currency} ({_data.Value.Where}); one analysis cannot mix currencies.");
            }
        }
    }
}
