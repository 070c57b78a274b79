using Kam.Cli.Data;
using Kam.Cli.Terminal;
using Kam.Core;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>deals.csv and collections.csv: booked deals per salesperson and the cash collected on them (input of <c>kam pay</c>).</summary>
internal static class PayCsv
{
    public static readonly CsvColumn<string> DealId = Text("deal_id", true, "the deal's unique identifier", "D-0001");
    public static readonly CsvColumn<PersonId> Salesperson = Identifier<PersonId>("salesperson", true, "the salesperson credited with the deal", "S01");
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the customer account", "A001");
    public static readonly CsvColumn<OpportunityId> OpportunityId = Identifier<OpportunityId>("opportunity_id", false, "the opportunity the deal closed, if any", "OP-0001");
    public static readonly CsvColumn<LocalDate> BookedOn = Date("booked_on", true, "the day the contract was signed", "2026-04-15");
    public static readonly CsvColumn<decimal> Amount = Decimal("amount", true, "the contract amount", "1200000", min: 0m);
    public static readonly CsvColumn<Currency> Currency = Currency("currency", true, "the currency of amount", "CNY");
    public static readonly CsvColumn<Percentage> GrossMargin = Percentage("gross_margin", false, "the deal's gross margin", "22.5%");

    public static readonly CsvColumn<string> CollectedDealId = Text("deal_id", true, "the deal the cash was collected on (must be in deals.csv)", "D-0001");
    public static readonly CsvColumn<LocalDate> CollectedOn = Date("collected_on", true, "the day the cash was received", "2026-05-20");
    public static readonly CsvColumn<decimal> CollectedAmount = Decimal("amount", true, "the amount received", "600000", min: 0m);
    public static readonly CsvColumn<Currency> CollectedCurrency = Currency("currency", true, "the currency of amount (must be the deal's)", "CNY");

    public static readonly CsvColumn<PersonId> Person = Identifier<PersonId>("person", true, "the salesperson, as in deals.csv (every salesperson of deals.csv needs a row)", "S01");
    public static readonly CsvColumn<decimal> AnnualQuota = Decimal("annual_quota", true, "the fiscal year's booking quota in the plan's currency (0: no quota; a plan with attainment bands, accelerators or a team bonus needs one)", "12000000", min: 0m);
    public static readonly CsvColumn<string> MonthlyGrades = Text("monthly_grades", false, "the appraisal grade of each fiscal month, read by performance pay: 12 grades separated by spaces (M01 first), or one grade for every month; default the plan's 100% grade", "A B B A B C B B A B B A");
    public static readonly CsvColumn<string> AnnualGrade = Text("annual_grade", false, "the annual appraisal grade, read by the year-end bonus; default the plan's 100% grade", "B");

    /// <summary>Gets the deals schema.</summary>
    public static CsvSchema Deals { get; } = new(
        "deals.csv",
        "one row per booked deal, credited to one salesperson (the base of commission).",
        [DealId, Salesperson, AccountId, OpportunityId, BookedOn, Amount, Currency, GrossMargin],
        [
            ["D-0001", "S01", "A001", "OP-0001", "2026-04-15", "1200000", "CNY", "22.5%"],
            ["D-0002", "S02", "A002", "", "2026-05-03", "450000", "CNY", "18%"],
        ]);

    /// <summary>Gets the collections schema.</summary>
    public static CsvSchema Collections { get; } = new(
        "collections.csv",
        "one row per cash receipt on a deal (commission on collections is paid on cash actually received).",
        [CollectedDealId, CollectedOn, CollectedAmount, CollectedCurrency],
        [
            ["D-0001", "2026-05-20", "600000", "CNY"],
            ["D-0001", "2026-07-10", "600000", "CNY"],
            ["D-0002", "2026-06-30", "450000", "CNY"],
        ]);

    /// <summary>Gets the people schema (the optional <c>--people</c> file of <c>kam pay</c>).</summary>
    public static CsvSchema People { get; } = new(
        "people.csv",
        "one row per salesperson: the year's quota and appraisal grades the pay plan reads (optional input of kam pay, --people).",
        [Person, AnnualQuota, MonthlyGrades, AnnualGrade],
        [
            ["S01", "12000000", "A B B A B C B B A B B A", "A"],
            ["S02", "8000000", "B", ""],
        ]);

    /// <summary>Reads and validates the deals and the collections together (a collection must name a deal, in its currency, and not take it past its amount).</summary>
    /// <param name="dealsPath">deals.csv.</param>
    /// <param name="collectionsPath">collections.csv.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="cells">Receives, per deal id, where the deal's plan-dependent cells are (for the engine's messages), or <see langword="null"/>.</param>
    /// <param name="checks">How duplicates and overcollection are treated, and what was kept; <see langword="null"/> for the defaults (both refused).</param>
    /// <returns>The deals and collections.</returns>
    /// <exception cref="KamValidationException">A file is invalid.</exception>
    public static (IReadOnlyList<DealRecord> Deals, IReadOnlyList<CollectionRecord> Collections) Read(string dealsPath, string collectionsPath, IProgress<ProgressUpdate>? progress = null, IDictionary<string, DealCells>? cells = null, PayChecks? checks = null)
    {
        checks ??= new PayChecks();
        var reading = new Reading(checks);
        var deals = CsvFile.Read(dealsPath, Deals, row => MapDeal(row, reading, cells), progress);
        var collections = CsvFile.Read(collectionsPath, Collections, row => MapCollection(row, reading), progress, reading.Duplicates.Reserve);
        reading.Finish();
        return (deals, collections);
    }

    /// <summary>Reads and validates the deals alone (for collections taken from invoices and payments).</summary>
    /// <param name="dealsPath">deals.csv.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="cells">Receives, per deal id, where the deal's plan-dependent cells are, or <see langword="null"/>.</param>
    /// <returns>The deals.</returns>
    /// <exception cref="KamValidationException">The file is invalid.</exception>
    public static IReadOnlyList<DealRecord> ReadDeals(string dealsPath, IProgress<ProgressUpdate>? progress = null, IDictionary<string, DealCells>? cells = null)
    {
        var reading = new Reading(new PayChecks());
        return CsvFile.Read(dealsPath, Deals, row => MapDeal(row, reading, cells), progress);
    }

    /// <summary>Reads and validates deals and collections from CSV text.</summary>
    public static (IReadOnlyList<DealRecord> Deals, IReadOnlyList<CollectionRecord> Collections) Read(TextReader deals, string dealsName, TextReader collections, string collectionsName, PayChecks? checks = null)
    {
        var reading = new Reading(checks ?? new PayChecks());
        var dealRows = CsvFile.Read(deals, dealsName, Deals, row => MapDeal(row, reading, null));
        var collectionRows = CsvFile.Read(collections, collectionsName, Collections, row => MapCollection(row, reading));
        reading.Finish();
        return (dealRows, collectionRows);
    }

    private static DealRecord MapDeal(CsvRow row, Reading reading, IDictionary<string, DealCells>? cells)
    {
        var id = row.Get(DealId);
        var currency = row.Get(Currency);
        var source = reading.DealSources.Of(row);
        var added = false;
        if (id.Length > 0 && IdentifierRules.Check(id, "deal_id") is { } invalid)
        {
            row.Fail(DealId, invalid.Code, $"column 'deal_id': {invalid.Message}");
        }
        else if (id.Length > 0 && !(added = reading.Deals.TryAdd(id, new DealSeen(row.Line, currency, 0m, source.Row!))))
        {
            row.Fail(DealId, KamErrorCodes.Duplicate, $"deal '{id}' already appears on line {reading.Deals[id].Line}.");
        }
        else if (id.Length > 0 && cells is not null)
        {
            cells[id] = new DealCells(source.Row!); // the locations are written only for a message
        }

        var deal = new DealRecord
        {
            DealId = id,
            Salesperson = row.Get(Salesperson),
            Account = row.Get(AccountId),
            Opportunity = row.GetOptional(OpportunityId),
            BookedOn = row.Get(BookedOn),
            Amount = new Money(row.Get(Amount), currency),
            GrossMargin = row.GetOptional(GrossMargin),
            Source = source,
        };
        if (added)
        {
            reading.Deals[id] = reading.Deals[id] with { Amount = deal.Amount.Amount };
        }

        return deal;
    }

    private static CollectionRecord MapCollection(CsvRow row, Reading reading)
    {
        var id = row.Get(CollectedDealId);
        var currency = row.Get(CollectedCurrency);
        DealSeen? deal = null;
        if (id.Length > 0)
        {
            if (!reading.Deals.TryGetValue(id, out deal))
            {
                row.Fail(CollectedDealId, KamErrorCodes.Unknown, $"deal '{id}' is not in the deals file.");
            }
            else if (currency != default && currency != deal.Currency)
            {
                row.Fail(CollectedCurrency, KamErrorCodes.CurrencyMismatch, $"deal '{id}' is in {deal.Currency}.");
            }
        }

        reading.Duplicates.Check(row);
        var on = row.Get(CollectedOn);
        var amount = row.Get(CollectedAmount);
        if (deal is not null)
        {
            var collected = reading.Collected[id] = reading.Collected.GetValueOrDefault(id) + amount; // ≤ the column's bounded total
            if (collected > deal.Amount && !reading.Checks.AllowOvercollection && reading.Overcollected.Add(id))
            {
                row.Fail(CollectedAmount, KamErrorCodes.OutOfRange,
                    $"collections on deal '{id}' reach {Invariant(collected)} {deal.Currency} at this row, more than the deal's amount {Invariant(deal.Amount)} {deal.Currency} ({deal.AmountCell}): commission on collections would be paid on cash beyond the contract. Correct the amounts, or pass --allow-overcollection to compute pay on them with a warning.");
            }
        }

        return new CollectionRecord(id, on, new Money(amount, currency)) { Source = reading.CollectionSources.Of(row) };
    }

    private static string Invariant(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A deal as the collections see it: its line, currency, amount and row (for its amount cell).</summary>
    private sealed record DealSeen(int Line, Currency Currency, decimal Amount, SourceRow Row)
    {
        /// <summary>Gets the deal's amount cell, <c>file:line:column</c> (written only when a message needs it).</summary>
        public string AmountCell => Row.Location(PayCsv.Amount.Name);
    }

    /// <summary>What one read of deals and collections remembers: the deals, the cash collected on each, the rows seen.</summary>
    private sealed class Reading(PayChecks checks)
    {
        public PayChecks Checks { get; } = checks;

        public Dictionary<string, DealSeen> Deals { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, decimal> Collected { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Overcollected { get; } = new(StringComparer.Ordinal);

        public DuplicateRows Duplicates { get; } = new(checks.KeepDuplicates, "receipt");

        public RowSources DealSources { get; } = new(PayCsv.Deals);

        public RowSources CollectionSources { get; } = new(PayCsv.Collections);

        /// <summary>Hands the deals collected beyond their amount (kept under <see cref="PayChecks.AllowOvercollection"/>) to the checks, in deal order.</summary>
        public void Finish()
        {
            Checks.Overcollections.Clear();
            foreach (var (id, deal) in Deals)
            {
                if (Collected.GetValueOrDefault(id) is var collected && collected > deal.Amount)
                {
                    Checks.Overcollections.Add(new Overcollection(id, new Money(deal.Amount, deal.Currency), new Money(collected, deal.Currency), deal.AmountCell));
                }
            }
        }
    }
}

/// <summary>How <c>kam pay</c>'s readers treat rows that would give a silent wrong answer, and what they kept.</summary>
internal sealed class PayChecks
{
    /// <summary>Gets a value indicating whether collections beyond a deal's amount are kept (<c>--allow-overcollection</c>) instead of refused.</summary>
    public bool AllowOvercollection { get; init; }

    /// <summary>Gets a value indicating whether collection rows identical in every cell to an earlier row are kept (<c>--keep-duplicates</c>) instead of refused.</summary>
    public bool KeepDuplicates { get; init; }

    /// <summary>Gets the deals whose collections exceed their amount, after a successful read (only possible under <see cref="AllowOvercollection"/>).</summary>
    public List<Overcollection> Overcollections { get; } = [];
}

/// <summary>A deal on which more cash was collected than its amount.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="Amount">Its amount.</param>
/// <param name="Collected">The cash collected on it.</param>
/// <param name="AmountCell">Its amount cell in deals.csv (<c>file:line:column</c>).</param>
internal sealed record Overcollection(string DealId, Money Amount, Money Collected, string AmountCell)
{
    /// <summary>Gets the warning line for standard error.</summary>
    public string Warning => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"kam: warning: deal '{DealId}' ({AmountCell}): {Collected.Amount} {Collected.Currency.Code} collected, more than its amount {Amount.Amount} {Amount.Currency.Code} (--allow-overcollection); commission on collections is paid on all of it.");
}

/// <summary>Where a deal's plan-dependent cells are in deals.csv (<c>file:line:column</c>), for messages about rules that depend on the pay plan.</summary>
/// <remarks>The locations are written when a message asks for them, not for every deal read.</remarks>
/// <param name="row">The deal's row.</param>
internal sealed class DealCells(SourceRow row)
{
    /// <summary>Gets the salesperson cell.</summary>
    public string Salesperson => row.Location(PayCsv.Salesperson.Name);

    /// <summary>Gets the currency cell.</summary>
    public string Currency => row.Location(PayCsv.Currency.Name);

    /// <summary>Gets the gross-margin cell (<c>file:line</c> when the file has no such column).</summary>
    public string GrossMargin => row.Location(PayCsv.GrossMargin.Name);
}
