using Kam.Cli.Data;
using Kam.Cli.Terminal;
using Kam.Core;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>accounts.csv: one row per account with a year's figures and the tiering indicators (input of <c>kam tier</c>).</summary>
internal static class AccountsCsv
{
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the account's unique identifier", "A001");
    public static readonly CsvColumn<string> Name = Text("name", true, "the account's name", "Huabei Steel Group");
    public static readonly CsvColumn<string> Industry = Text("industry", false, "the industry, for grouping", "Steel");
    public static readonly CsvColumn<Currency> Currency = Currency("currency", true, "the currency of every amount on the row; one currency per file", "CNY");
    public static readonly CsvColumn<decimal> Revenue = Decimal("revenue", true, "the year's revenue", "18600000", min: 0m);
    public static readonly CsvColumn<decimal> GrossProfit = Decimal("gross_profit", true, "the year's gross profit: revenue less the cost of goods, before discounts (may be negative)", "3720000");
    public static readonly CsvColumn<decimal> CostToServe = Decimal("cost_to_serve", false, "the year's cost to serve (sales, service, logistics); default 0", "2950000", min: 0m);
    public static readonly CsvColumn<decimal> Discounts = Decimal("discounts", false, "the year's discounts and rebates; default 0", "410000", min: 0m);
    public static readonly CsvColumn<NodaTime.LocalDate> FirstOrder = Date("first_order", false, "the day of the first order ever", "2018-03-12");
    public static readonly CsvColumn<NodaTime.LocalDate> LastOrder = Date("last_order", false, "the day of the latest order (RFM recency)", "2026-06-18");
    public static readonly CsvColumn<int> Orders = Integer("orders", false, "the number of orders in the year (RFM frequency)", "42", min: 0);
    public static readonly CsvColumn<bool> CreditOk = YesNo("credit_ok", false, "whether the account's credit is in good standing; default yes", "yes");
    public static readonly CsvColumn<int> RelationshipStage = Integer("relationship_stage", false, "relationship stage 1 exploratory .. 5 strategic alliance", "3", 1, 5);
    public static readonly CsvColumn<int> Collaboration = Integer("collaboration", false, "1 transactional .. 5 collaborative", "3", 1, 5);
    public static readonly CsvColumn<int> ContactBreadth = Integer("contact_breadth", false, "1 one buyer-seller link .. 5 many levels and functions", "2", 1, 5);
    public static readonly CsvColumn<bool> StrategicInvestment = YesNo("strategic_investment", false, "Honeywell criterion: sees our strengths as strategic investments", "yes");
    public static readonly CsvColumn<bool> FirstChoiceSupplier = YesNo("first_choice_supplier", false, "Honeywell criterion: commits to us as first-choice strategic supplier", "no");
    public static readonly CsvColumn<bool> Alliance = YesNo("alliance", false, "Honeywell criterion: willing to form an alliance", "yes");
    public static readonly CsvColumn<bool> JointVentures = YesNo("joint_ventures", false, "Honeywell criterion: willing to invest in joint ventures", "no");
    public static readonly CsvColumn<bool> GlobalNeeds = YesNo("global_needs", false, "Honeywell criterion: has global needs", "yes");

    /// <summary>Gets the schema.</summary>
    public static CsvSchema Schema { get; } = new(
        "accounts.csv",
        "one row per account: a year's revenue and profit figures and the tiering indicators.",
        [AccountId, Name, Industry, Currency, Revenue, GrossProfit, CostToServe, Discounts, FirstOrder, LastOrder, Orders, CreditOk,
         RelationshipStage, Collaboration, ContactBreadth, StrategicInvestment, FirstChoiceSupplier, Alliance, JointVentures, GlobalNeeds],
        [
            ["A001", "Huabei Steel Group", "Steel", "CNY", "18600000", "3720000", "2950000", "410000", "2018-03-12", "2026-06-18", "42", "yes", "4", "4", "3", "yes", "yes", "yes", "no", "yes"],
            ["A002", "Donghai Shipbuilding", "Shipbuilding", "CNY", "12400000", "3100000", "1240000", "150000", "2019-07-01", "2026-05-27", "18", "yes", "3", "3", "3", "yes", "no", "yes", "no", "yes"],
            ["A003", "Xinjiang Energy", "Energy", "CNY", "9800000", "2940000", "780000", "", "2020-01-15", "2026-06-02", "11", "no", "2", "2", "1", "", "", "", "", ""],
        ]);

    /// <summary>Reads and validates an accounts file, into columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The accounts.</returns>
    /// <exception cref="KamValidationException">The file is invalid (every problem with its file:line:column).</exception>
    public static AccountColumns Read(string path, IProgress<ProgressUpdate>? progress = null) => Read(path, progress, 0, CsvFile.PartsFrom).Accounts;

    /// <summary>Reads and validates an accounts file, into columns; a large file in parts side by side (see <see cref="CsvFile"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="parts">The number of parts; 0 for the number of processors.</param>
    /// <param name="partsFrom">The smallest file, in bytes, read in parts.</param>
    /// <returns>The accounts, and the number of parts they were read in (1 for one pass).</returns>
    /// <exception cref="KamValidationException">The file is invalid (every problem with its file:line:column, as one pass reports them).</exception>
    internal static (AccountColumns Accounts, int Parts) Read(string path, IProgress<ProgressUpdate>? progress, int parts, long partsFrom)
    {
        var (state, read) = CsvFile.Visit(path, Schema, ReadState.For, Map, Join, progress, parts, partsFrom);
        return (state.Accounts, read);
    }

    // The parts of a file read side by side, into the first: refused when they are in two currencies or an identifier
    // is in two of them (the one pass then reports the row as it always has).
    private static bool Join(ReadState[] parts)
    {
        var first = parts[0];
        var sorted = first.Sorted;
        var total = (long)first.Accounts.Count;
        for (var k = 1; k < parts.Length; k++)
        {
            var part = parts[k];
            if (part.Currency.Currency != first.Currency.Currency)
            {
                return false;
            }

            sorted &= part.Sorted && string.CompareOrdinal(parts[k - 1].Accounts.Ids[^1].Value, part.Accounts.Ids[0].Value) < 0;
            total += part.Accounts.Count;
        }

        if (!sorted)
        {
            var seen = new HashSet<Kam.Core.AccountId>((int)Math.Min(total, Array.MaxLength / 2));
            foreach (var part in parts)
            {
                foreach (var id in part.Accounts.Ids)
                {
                    if (!seen.Add(id))
                    {
                        return false;
                    }
                }
            }
        }

        for (var k = 1; k < parts.Length; k++)
        {
            first.Accounts.Append(parts[k].Accounts);
        }

        return true;
    }

    /// <summary>Reads and validates accounts from CSV text (tests, embedded samples), into columns.</summary>
    public static AccountColumns Read(TextReader text, string displayName)
    {
        var state = new ReadState();
        CsvFile.Visit(text, displayName, Schema, row => Map(row, state));
        return state.Accounts;
    }

    // One row into the columns (no record, no source object: the row's line number is kept).
    private static void Map(CsvRow row, ReadState state)
    {
        var id = row.Get(AccountId);
        if (id.Value.Length > 0 && state.Repeats(id, row.Line) is { } earlier)
        {
            row.Fail(AccountId, KamErrorCodes.Duplicate, $"account '{id}' already appears on line {earlier}.");
        }

        var name = row.Get(Name); // cells are read in column order, so problems are reported in that order
        var currency = row.Get(Currency);
        state.Currency.Check(row, Currency, currency);

        var first = row.GetOptional(FirstOrder);
        var last = row.GetOptional(LastOrder);
        if (first is { } f && last is { } l && l < f)
        {
            row.Fail(LastOrder, KamErrorCodes.OutOfOrder, "the last order is before the first order.");
        }

        // The five Honeywell cells, then the others, in the order problems have always been reported.
        var investment = row.GetOptional(StrategicInvestment);
        var firstChoice = row.GetOptional(FirstChoiceSupplier);
        var alliance = row.GetOptional(Alliance);
        var jointVentures = row.GetOptional(JointVentures);
        var globalNeeds = row.GetOptional(GlobalNeeds);
        var accounts = state.Accounts;
        if (accounts.Count == 0)
        {
            accounts.ReadFrom(row.File, state.Sources.ColumnsOf(row));
        }

        // The arguments are evaluated left to right.
        accounts.Add(
            id,
            name,
            row.GetOrDefault(Industry, string.Empty),
            currency,
            row.Get(Revenue),
            row.Get(GrossProfit),
            row.GetOrDefault(CostToServe, 0m),
            row.GetOrDefault(Discounts, 0m),
            first,
            last,
            row.GetOptional(Orders),
            row.GetOrDefault(CreditOk, true),
            row.GetOptional(RelationshipStage),
            row.GetOptional(Collaboration),
            row.GetOptional(ContactBreadth),
            investment,
            firstChoice,
            alliance,
            jointVentures,
            globalNeeds,
            row.Line);
    }

    /// <summary>What the reader remembers across rows: the identifiers seen, the file's currency and its column numbers.</summary>
    private sealed class ReadState
    {
        private Dictionary<Kam.Core.AccountId, int>? _seen;
        private string? _last;
        private int _reserved;

        public SingleCurrency Currency { get; } = new("accounts");

        public RowSources Sources { get; } = new(Schema);

        public AccountColumns Accounts { get; } = new();

        /// <summary>Gets a value indicating whether the identifiers read so far came in strictly increasing ordinal order.</summary>
        public bool Sorted => _seen is null;

        // A state with room for a number of rows.
        public static ReadState For(long lines)
        {
            var state = new ReadState();
            state.Reserve(lines);
            return state;
        }

        // Room for the file's rows (at most its lines), so that the columns are not copied as they grow.
        public void Reserve(long lines)
        {
            Accounts.EnsureCapacity(lines);
            _reserved = lines <= Array.MaxLength / 2 ? (int)lines : 0;
        }

        /// <summary>
        /// The line where an identifier already appeared, or <see langword="null"/> the first time. While the identifiers
        /// come in strictly increasing ordinal order (an export sorted by its key) none can repeat and no set is kept; at
        /// the first one out of order the set is built from the accounts read so far.
        /// </summary>
        public int? Repeats(Kam.Core.AccountId id, int line)
        {
            if (_seen is null)
            {
                if (_last is null || string.CompareOrdinal(_last, id.Value) < 0)
                {
                    _last = id.Value;
                    return null;
                }

                _seen = new Dictionary<Kam.Core.AccountId, int>(Math.Max(_reserved, Accounts.Count + 1));
                var ids = Accounts.Ids;
                for (var i = 0; i < ids.Length; i++)
                {
                    if (ids[i].Value.Length > 0)
                    {
                        _seen.TryAdd(ids[i], Accounts.LineAt(i));
                    }
                }
            }

            return _seen.TryAdd(id, line) ? null : _seen[id];
        }
    }
}
