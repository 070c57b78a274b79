using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Accounts;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>
/// The hierarchy columns of accounts.csv that <c>kam plan</c> reads: each account's place in its customer's structure
/// (level, parent) and in our organization (owner, unit, territory). <c>kam tier</c> ignores these columns (extra
/// columns are ignored) and <c>kam plan</c> ignores the tiering figures, so one file serves both.
/// </summary>
internal static class AccountHierarchyCsv
{
    /// <summary>The account levels, in the spelling of the library's <see cref="AccountLevel"/>.</summary>
    public static readonly IReadOnlyList<string> Levels = Enum.GetNames<AccountLevel>();

    public static readonly CsvColumn<string> Level = OneOf("level", false, "the account's level in its customer's structure; default Headquarters", Levels);
    public static readonly CsvColumn<AccountId> ParentId = Identifier<AccountId>("parent_id", false, "the account above this one in the customer's structure (a group's headquarters or branch); blank for a top account", "A001");
    public static readonly CsvColumn<PersonId> Owner = Identifier<PersonId>("owner", true, "the key-account manager: a person of organization.json", "S01");
    public static readonly CsvColumn<UnitId> Unit = Identifier<UnitId>("unit", true, "the unit of organization.json that holds the account", "BR-SH");
    public static readonly CsvColumn<TerritoryId> Territory = Identifier<TerritoryId>("territory", false, "a territory of that unit", "T-SH");
    public static readonly CsvColumn<string> Region = Text("region", false, "the customer's region", "East");

    /// <summary>Gets the columns accounts.csv gains for <c>kam plan</c> (after those of <see cref="AccountsCsv"/>).</summary>
    public static IReadOnlyList<CsvColumn> HierarchyColumns { get; } = [Level, ParentId, Owner, Unit, Territory, Region];

    /// <summary>Gets the schema <c>kam plan</c> reads accounts.csv with: identifier, name, industry and the hierarchy columns.</summary>
    public static CsvSchema Schema { get; } = new(
        "accounts.csv",
        "one row per account; kam plan reads its place in both hierarchies (level, parent_id, owner, unit, territory, region).",
        [AccountsCsv.AccountId, AccountsCsv.Name, AccountsCsv.Industry, .. HierarchyColumns],
        [
            ["A001", "Huabei Steel Group", "Steel", "Group", "", "S01", "BR-BJ", "", "North"],
            ["A002", "Huabei Steel Tianjin", "Steel", "Branch", "A001", "S01", "BR-BJ", "", "North"],
        ]);

    /// <summary>Gets the schema of the accounts.csv that <c>kam init --sample</c> writes: every column of both commands.</summary>
    public static CsvSchema CombinedSchema { get; } = new(
        "accounts.csv",
        AccountsCsv.Schema.Description + " kam plan also reads the place in both hierarchies (level, parent_id, owner, unit, territory, region); kam contact the grade; kam receivables the credit terms (credit_limit, payment_days).",
        [.. AccountsCsv.Schema.Columns, .. HierarchyColumns, ActivitiesCsv.Grade, .. ReceivablesCsv.CreditColumns],
        []);

    /// <summary>Reads the accounts with their hierarchy columns.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The accounts in file order.</returns>
    /// <exception cref="KamValidationException">A cell is invalid (file:line:column), or an account appears twice.</exception>
    public static IReadOnlyList<PlanAccountRecord> Read(string path)
    {
        var reading = new Reading();
        return CsvFile.Read(path, Schema, row => Map(row, reading));
    }

    /// <summary>Reads accounts from CSV text (tests).</summary>
    public static IReadOnlyList<PlanAccountRecord> Read(TextReader text, string displayName)
    {
        var reading = new Reading();
        return CsvFile.Read(text, displayName, Schema, row => Map(row, reading));
    }

    private static PlanAccountRecord Map(CsvRow row, Reading reading)
    {
        reading.Columns ??= Schema.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);
        var id = row.Get(AccountsCsv.AccountId);
        if (id.Value.Length > 0 && !reading.Seen.TryAdd(id, row.Line))
        {
            row.Fail(AccountsCsv.AccountId, KamErrorCodes.Duplicate, $"account '{id}' already appears on line {reading.Seen[id]}.");
        }

        var name = row.Get(AccountsCsv.Name);
        var industry = row.GetOrDefault<string?>(AccountsCsv.Industry!, null);
        var level = row.GetOrDefault<string?>(Level!, null) is { } text ? Enum.Parse<AccountLevel>(text) : AccountLevel.Headquarters;
        var parent = row.GetOptional(ParentId);
        if (parent is { } p && p == id)
        {
            row.Fail(ParentId, KamErrorCodes.InvalidState, $"account '{id}' cannot be its own parent.");
        }

        return new PlanAccountRecord(
            id, name, level, parent, row.Get(Owner), row.Get(Unit), row.GetOptional(Territory), industry, row.GetOrDefault<string?>(Region!, null),
            new SourceRow(row.File, row.Line, reading.Columns));
    }

    private sealed class Reading
    {
        public Dictionary<AccountId, int> Seen { get; } = [];

        public IReadOnlyDictionary<string, int>? Columns { get; set; }
    }
}
