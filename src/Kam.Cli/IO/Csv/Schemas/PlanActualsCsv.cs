using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Accounts.Attainment;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>One row of actuals.csv: a measured or earned value of a measure other than bookings, for an account on a day.</summary>
/// <param name="Account">The account.</param>
/// <param name="Measure">The measure's key, as in targets.json (<c>grossProfit</c>, <c>serviceLevel</c>, …).</param>
/// <param name="Date">The day the value was earned or measured.</param>
/// <param name="Value">The value: an amount for a money measure, a fraction for a ratio (0.95), a score.</param>
/// <param name="Currency">The amount's currency (money measures), or <see langword="null"/>.</param>
/// <param name="Source">The row it was read from, or <see langword="null"/> for a generated record.</param>
internal sealed record PlanActualRecord(AccountId Account, string Measure, LocalDate Date, decimal Value, Currency? Currency, SourceRow? Source = null)
{
    /// <summary>Maps the row to the attainment engine's input (the library checks the account, measure, currency and date).</summary>
    /// <returns>The engine's actual.</returns>
    public AttainmentActual ToActual() =>
        Currency is { } currency ? new AttainmentActual(Account, Measure, Date, new Money(Value, currency)) : new AttainmentActual(Account, Measure, Date, Value);
}

/// <summary>
/// actuals.csv, the optional <c>--actuals</c> file of <c>kam plan</c>: the actuals of the measures that are not booked
/// from won opportunities (gross profit, service level, satisfaction, share of wallet, …). Bookings come from events.csv.
/// </summary>
internal static class PlanActualsCsv
{
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the account (a row of accounts.csv)", "A001");
    public static readonly CsvColumn<string> Measure = Text("measure", true, "a measure of targets.json other than bookings (bookings come from events.csv)", "grossProfit");
    public static readonly CsvColumn<LocalDate> Date = Date("date", true, "the day the value was earned or measured (in the targets' fiscal year, not after --as-of)", "2026-04-30");
    public static readonly CsvColumn<decimal> Value = Decimal("value", true, "an amount for a money measure, a fraction for a ratio (0.95 for 95%), or a score", "180000");
    public static readonly CsvColumn<Currency> Currency = Currency("currency", false, "the amount's currency: required for a money measure (the measure's currency), blank for a ratio or score", "CNY");

    /// <summary>Gets the schema.</summary>
    public static CsvSchema Schema { get; } = new(
        "actuals.csv",
        "one row per actual of a measure other than bookings (gross profit earned, a service level or satisfaction measured), for kam plan --actuals; money values of an account and period add up, ratios and scores are averaged.",
        [AccountId, Measure, Date, Value, Currency],
        [
            ["A001", "grossProfit", "2026-04-30", "180000", "CNY"],
            ["A001", "serviceLevel", "2026-04-30", "0.96", ""],
        ]);

    /// <summary>Reads actuals.csv.</summary>
    /// <param name="path">The file (or <c>book.xlsx#Sheet</c>).</param>
    /// <returns>The actuals in file order.</returns>
    /// <exception cref="KamValidationException">A cell is invalid (file:line:column).</exception>
    public static IReadOnlyList<PlanActualRecord> Read(string path)
    {
        var reading = new Reading();
        return CsvFile.Read(path, Schema, row => Map(row, reading));
    }

    /// <summary>Reads actuals from CSV text (tests).</summary>
    /// <param name="text">The text.</param>
    /// <param name="displayName">The file name for messages.</param>
    /// <returns>The actuals in file order.</returns>
    public static IReadOnlyList<PlanActualRecord> Read(TextReader text, string displayName)
    {
        var reading = new Reading();
        return CsvFile.Read(text, displayName, Schema, row => Map(row, reading));
    }

    private static PlanActualRecord Map(CsvRow row, Reading reading)
    {
        reading.Columns ??= Schema.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);
        return new PlanActualRecord(row.Get(AccountId), row.Get(Measure), row.Get(Date), row.Get(Value), row.GetOptional(Currency), new SourceRow(row.File, row.Line, reading.Columns));
    }

    private sealed class Reading
    {
        public IReadOnlyDictionary<string, int>? Columns { get; set; }
    }
}
