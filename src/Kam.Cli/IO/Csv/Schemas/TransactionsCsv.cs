using Kam.Cli.Data;
using Kam.Cli.Terminal;
using Kam.Core;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>transactions.csv: one row per purchase (input of <c>kam ltv</c>'s customer-base models).</summary>
/// <remarks>Every row must be in one currency; rows need not be sorted.</remarks>
internal static class TransactionsCsv
{
    public static readonly CsvColumn<AccountId> CustomerId = Identifier<AccountId>("customer_id", true, "the customer", "A001");
    public static readonly CsvColumn<LocalDate> Date = Date("date", true, "the purchase day", "2025-01-14");
    public static readonly CsvColumn<decimal> Amount = Decimal("amount", true, "the amount spent", "15230.50", min: 0m);
    public static readonly CsvColumn<Currency> Currency = Currency("currency", false, "the currency of amount; default CNY (one currency per file)", "CNY");

    /// <summary>Gets the schema.</summary>
    public static CsvSchema Schema { get; } = new(
        "transactions.csv",
        "one row per purchase by a customer (the input of the lifetime-value models).",
        [CustomerId, Date, Amount, Currency],
        [
            ["A001", "2025-01-14", "15230.50", "CNY"],
            ["A001", "2025-03-02", "8800", "CNY"],
            ["A002", "2025-02-20", "43100", "CNY"],
        ]);

    /// <summary>Reads and validates a transactions file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="keepDuplicates">Whether rows identical in every cell to an earlier row are kept (<c>--keep-duplicates</c>); by default each is refused.</param>
    /// <returns>The transactions in file order.</returns>
    /// <exception cref="KamValidationException">The file is invalid.</exception>
    public static IReadOnlyList<TransactionRecord> Read(string path, IProgress<ProgressUpdate>? progress = null, bool keepDuplicates = false)
    {
        var reading = new Reading(keepDuplicates);
        return CsvFile.Read(path, Schema, row => Map(row, reading), progress, reading.Duplicates.Reserve);
    }

    /// <summary>Reads and validates transactions from CSV text.</summary>
    public static IReadOnlyList<TransactionRecord> Read(TextReader text, string displayName, bool keepDuplicates = false)
    {
        var reading = new Reading(keepDuplicates);
        return CsvFile.Read(text, displayName, Schema, row => Map(row, reading));
    }

    private static TransactionRecord Map(CsvRow row, Reading reading)
    {
        var currency = row.GetOrDefault(Currency, Kam.Core.Currency.CNY);
        reading.Currency.Check(row, Currency, currency);
        reading.Duplicates.Check(row);
        return new TransactionRecord(row.Get(CustomerId), row.Get(Date), new Money(row.Get(Amount), currency)) { Source = reading.Sources.Of(row) };
    }

    /// <summary>What one read remembers across rows: the file's currency, the rows seen and the column numbers.</summary>
    private sealed class Reading(bool keepDuplicates)
    {
        public SingleCurrency Currency { get; } = new("transactions");

        public DuplicateRows Duplicates { get; } = new(keepDuplicates, "purchase");

        public RowSources Sources { get; } = new(Schema);
    }
}
