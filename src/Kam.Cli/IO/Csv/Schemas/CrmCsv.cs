using System.Globalization;
using Kam.Cli.Data;
using Kam.Core;
using NodaTime;
using NodaTime.Text;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>One row of a CRM stage-history export, read into the neutral form <c>kam import</c> maps onto the eight stages.</summary>
/// <param name="Opportunity">The CRM's opportunity id.</param>
/// <param name="Account">The account id, or <see langword="null"/> when the row has none (Salesforce: joined from the Opportunity export).</param>
/// <param name="Owner">The CRM user id of the owner, or <see langword="null"/>.</param>
/// <param name="Amount">The opportunity's amount on this row, or <see langword="null"/>.</param>
/// <param name="Currency">The amount's currency, or <see langword="null"/>.</param>
/// <param name="CloseDate">The expected close date on this row.</param>
/// <param name="At">When the row's stage (or amount, or date) took effect.</param>
/// <param name="Stage">The CRM's stage name.</param>
/// <param name="State">The Dynamics <c>statecode</c> (Open, Won, Lost or 0, 1, 2), or <see langword="null"/>.</param>
/// <param name="StatusReason">The Dynamics <c>statuscode</c> (e.g. Out-Sold, Canceled), or <see langword="null"/>.</param>
/// <param name="Source">The row (for locating what an engine finds later).</param>
/// <param name="StageCell">The location of the row's stage-name cell.</param>
/// <param name="AccountCell">The location of the row's account cell (or the row's).</param>
internal sealed record CrmRow(
    string Opportunity, string? Account, string? Owner, decimal? Amount, Currency? Currency, LocalDate CloseDate, Instant At, string Stage,
    string? State, string? StatusReason, SourceRow Source, string StageCell, string AccountCell);

/// <summary>The columns CRM exports share: date-times as the CRMs write them.</summary>
internal static class CrmColumns
{
    /// <summary>A date-time column as CRM exports write it: ISO 8601 with an offset, fractional seconds allowed, <c>+0000</c> or <c>+00:00</c> or <c>Z</c> (<c>2026-03-02T09:30:00.000+0000</c>); a date-time cell of a workbook is read as UTC.</summary>
    public static CsvColumn<Instant> DateTime(string name, bool required, string description, string example)
    {
        var iso = CsvColumns.Instant(name, required, description, example);
        return new CsvColumn<Instant>(name, "date-time ISO-8601 with offset", required, description, example, (string text, out Instant value, out CsvCellProblem? problem) =>
        {
            if (iso.TryParse(text, out value, out problem))
            {
                return true;
            }

            var normalized = Normalize(text);
            var result = OffsetDateTimePattern.ExtendedIso.Parse(normalized);
            if (result.Success && IsSupported(result.Value.Date))
            {
                value = result.Value.ToInstant();
                problem = null;
                return true;
            }

            value = default;
            problem = CsvCellProblem.Format("not a date-time with an offset, e.g. 2026-03-31T09:30:00.000Z, 2026-03-31T09:30:00.000+0000 or 2026-03-31T17:30:00+08:00");
            return false;
        });
    }

    // 2026-03-02 09:30:00+0800 → 2026-03-02T09:30:00+08:00: the separator and the offset forms the ISO pattern does not take.
    private static string Normalize(string text)
    {
        var t = text.Trim();
        if (t.Length > 10 && t[10] == ' ')
        {
            t = string.Concat(t.AsSpan(0, 10), "T", t.AsSpan(11));
        }

        if (t.Length > 5 && (t[^5] == '+' || t[^5] == '-') && char.IsAsciiDigit(t[^4]) && char.IsAsciiDigit(t[^1]) && t.IndexOf('T', StringComparison.Ordinal) > 0)
        {
            t = string.Concat(t.AsSpan(0, t.Length - 2), ":", t.AsSpan(t.Length - 2));
        }

        return t;
    }
}

/// <summary>
/// Salesforce exports: <c>OpportunityHistory</c> in its documented field layout (one row per change of an
/// opportunity's stage, amount, probability or close date) and <c>Opportunity</c> (for the account and owner, which
/// OpportunityHistory does not carry).
/// </summary>
internal static class SalesforceCsv
{
    public static readonly CsvColumn<string> Id = Text("Id", false, "the history row's id (not used)", "008000000000001AAA");
    public static readonly CsvColumn<OpportunityId> OpportunityId = Identifier<OpportunityId>("OpportunityId", true, "the opportunity", "006000000000001AAA");
    public static readonly CsvColumn<string> StageName = Text("StageName", true, "the opportunity's stage from this moment (a name the mapping file lists)", "Prospecting");
    public static readonly CsvColumn<decimal> Amount = Decimal("Amount", false, "the estimated total sale amount (the opportunity's last non-empty one counts)", "1200000", min: 0m);
    public static readonly CsvColumn<decimal> Probability = Decimal("Probability", false, "the CRM's probability in percent (not used: the playbook's probabilities count)", "10", min: 0m);
    public static readonly CsvColumn<LocalDate> CloseDate = Date("CloseDate", true, "the expected close date (the opportunity's last row counts)", "2026-09-30");
    public static readonly CsvColumn<string> ForecastCategory = Text("ForecastCategory", false, "the CRM's forecast category (not used)", "Pipeline");
    public static readonly CsvColumn<Instant> CreatedDate = CrmColumns.DateTime("CreatedDate", true, "when the change was made (the row's time)", "2026-03-02T09:30:00.000+0000");
    public static readonly CsvColumn<string> CreatedById = Text("CreatedById", true, "the user who made the change (the owner when no other column gives one)", "005000000000001AAA");
    public static readonly CsvColumn<Currency> CurrencyIsoCode = Currency("CurrencyIsoCode", false, "the currency of Amount (default: the mapping file's currency)", "CNY");
    public static readonly CsvColumn<decimal> ExpectedRevenue = Decimal("ExpectedRevenue", false, "Amount × Probability (not used)", "120000");
    public static readonly CsvColumn<Instant> SystemModstamp = CrmColumns.DateTime("SystemModstamp", false, "when the row was last written (not used)", "2026-03-02T09:30:00.000+0000");
    public static readonly CsvColumn<bool> IsDeleted = YesNo("IsDeleted", false, "true for a row in the recycle bin: skipped", "false");
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("AccountId", false, "the account, when the export carries it (a report with Opportunity.AccountId); otherwise give --opportunities", "001000000000001AAA");
    public static readonly CsvColumn<string> OwnerId = Text("OwnerId", false, "the opportunity's owner, when the export carries it", "005000000000001AAA");

    /// <summary>Gets the OpportunityHistory schema.</summary>
    public static CsvSchema History { get; } = new(
        "OpportunityHistory.csv",
        "Salesforce OpportunityHistory: one row per change of an opportunity's stage, amount, probability or close date.",
        [Id, OpportunityId, StageName, Amount, Probability, CloseDate, ForecastCategory, CreatedDate, CreatedById, CurrencyIsoCode, ExpectedRevenue, SystemModstamp, IsDeleted, AccountId, OwnerId],
        [["008000000000001AAA", "006000000000001AAA", "Prospecting", "1200000", "10", "2026-09-30", "Pipeline", "2026-03-02T09:30:00.000+0000", "005000000000001AAA", "CNY", "120000", "2026-03-02T09:30:00.000+0000", "false", string.Empty, string.Empty]]);

    public static readonly CsvColumn<OpportunityId> OpportunityRecordId = Identifier<OpportunityId>("Id", true, "the opportunity", "006000000000001AAA");
    public static readonly CsvColumn<AccountId> OpportunityAccountId = Identifier<AccountId>("AccountId", true, "the opportunity's account", "001000000000001AAA");
    public static readonly CsvColumn<string> OpportunityOwnerId = Text("OwnerId", false, "the opportunity's owner (default: who created its first history row)", "005000000000001AAA");
    public static readonly CsvColumn<string> OpportunityName = Text("Name", false, "the opportunity's name (not used)", "Plant automation");

    /// <summary>Gets the Opportunity schema (the columns <c>kam import</c> uses; the export may carry any others).</summary>
    public static CsvSchema Opportunities { get; } = new(
        "Opportunity.csv",
        "Salesforce Opportunity: one row per opportunity (its account and owner).",
        [OpportunityRecordId, OpportunityAccountId, OpportunityOwnerId, OpportunityName],
        [["006000000000001AAA", "001000000000001AAA", "005000000000001AAA", "Plant automation"]]);

    /// <summary>Reads an OpportunityHistory export (rows with <c>IsDeleted</c> true are left out).</summary>
    /// <param name="path">The file (or workbook sheet).</param>
    /// <returns>The rows, in file order.</returns>
    public static IReadOnlyList<CrmRow> ReadHistory(string path)
    {
        var sources = new RowSources(History);
        return CsvFile.Read(path, History, row =>
        {
            var deleted = row.GetOrDefault(IsDeleted, false);
            var source = sources.Of(row).Row!;
            var crmRow = new CrmRow(
                row.Get(OpportunityId).Value, row.GetOptional(AccountId)?.Value, row.GetOrDefault<string?>(OwnerId!, null) ?? row.Get(CreatedById), row.GetOptional(Amount),
                row.GetOptional(CurrencyIsoCode), row.Get(CloseDate), row.Get(CreatedDate), row.Get(StageName), null, null, source, row.Location(StageName), row.Location(AccountId));
            row.GetOptional(Probability);
            row.GetOptional(SystemModstamp);
            return deleted ? null : crmRow;
        }).OfType<CrmRow>().ToArray();
    }

    /// <summary>Reads an Opportunity export: each opportunity's account and owner.</summary>
    /// <param name="path">The file (or workbook sheet).</param>
    /// <returns>By opportunity id: the account, its owner (or <see langword="null"/>) and the row's location.</returns>
    public static IReadOnlyDictionary<string, (string Account, string? Owner, string Location)> ReadOpportunities(string path)
    {
        var result = new Dictionary<string, (string, string?, string)>(StringComparer.Ordinal);
        CsvFile.Visit(path, Opportunities, row =>
        {
            var id = row.Get(OpportunityRecordId);
            var account = row.Get(OpportunityAccountId);
            var owner = row.GetOrDefault<string?>(OpportunityOwnerId!, null);
            if (id.Value.Length > 0 && !result.TryAdd(id.Value, (account.Value, owner, row.Location(OpportunityAccountId))))
            {
                row.Fail(OpportunityRecordId, KamErrorCodes.Duplicate, $"opportunity '{id}' is listed twice.");
            }
        });
        return result;
    }
}

/// <summary>
/// Dynamics 365 Sales: the opportunities' stage history (one row per business-process-flow stage an opportunity
/// entered, exported from the process stage audit or a stage-history table), with the opportunity's documented
/// column names (<c>opportunityid</c>, <c>parentaccountid</c>, <c>estimatedvalue</c>, <c>stepname</c>, <c>statecode</c> …).
/// </summary>
internal static class DynamicsCsv
{
    private static readonly List<string> States = ["Open", "Won", "Lost", "0", "1", "2"];

    public static readonly CsvColumn<OpportunityId> OpportunityId = Identifier<OpportunityId>("opportunityid", true, "the opportunity", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    public static readonly CsvColumn<string> Name = Text("name", false, "the opportunity's topic (not used)", "Plant automation");
    public static readonly CsvColumn<AccountId> ParentAccountId = Identifier<AccountId>("parentaccountid", false, "the account (default: customerid)", "A001");
    public static readonly CsvColumn<AccountId> CustomerId = Identifier<AccountId>("customerid", false, "the customer (account or contact), when parentaccountid is empty", "A001");
    public static readonly CsvColumn<string> OwnerId = Text("ownerid", true, "the owner (a user id or name; the mapping's owners map it to a person)", "S01");
    public static readonly CsvColumn<decimal> EstimatedValue = Decimal("estimatedvalue", false, "the estimated revenue (the opportunity's last non-empty one counts)", "1200000", min: 0m);
    public static readonly CsvColumn<LocalDate> EstimatedCloseDate = Date("estimatedclosedate", true, "the estimated close date (the opportunity's last row counts)", "2026-09-30");
    public static readonly CsvColumn<Currency> TransactionCurrencyId = Currency("transactioncurrencyid", false, "the currency as its ISO code (default: the mapping file's currency)", "CNY");
    public static readonly CsvColumn<string> StepName = Text("stepname", true, "the business-process-flow stage entered (Pipeline Phase, e.g. 1-Qualify; a name the mapping file lists)", "1-Qualify");
    public static readonly CsvColumn<Instant> ActiveStageStartedOn = CrmColumns.DateTime("activestagestartedon", true, "when the stage became active (the row's time)", "2026-03-02T09:30:00Z");
    public static readonly CsvColumn<string> StateCode = OneOf("statecode", false, "Open (0), Won (1) or Lost (2): a row that closes the opportunity", States);
    public static readonly CsvColumn<string> StatusCode = Text("statuscode", false, "the status reason (In Progress, Won, Canceled, Out-Sold …): the reason of a loss; the mapping's statusReasons may make it abandoned", "Out-Sold");

    /// <summary>Gets the schema.</summary>
    public static CsvSchema Schema { get; } = new(
        "opportunity-stages.csv",
        "Dynamics 365 opportunity stage history: one row per business-process-flow stage an opportunity entered, and its closing row.",
        [OpportunityId, Name, ParentAccountId, CustomerId, OwnerId, EstimatedValue, EstimatedCloseDate, TransactionCurrencyId, StepName, ActiveStageStartedOn, StateCode, StatusCode],
        [["3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Plant automation", "A001", "A001", "S01", "1200000", "2026-09-30", "CNY", "1-Qualify", "2026-03-02T09:30:00Z", "Open", "In Progress"]]);

    /// <summary>Reads the export.</summary>
    /// <param name="path">The file (or workbook sheet).</param>
    /// <returns>The rows, in file order.</returns>
    public static IReadOnlyList<CrmRow> Read(string path)
    {
        var sources = new RowSources(Schema);
        return CsvFile.Read(path, Schema, row =>
        {
            var account = row.GetOptional(ParentAccountId) ?? row.GetOptional(CustomerId);
            var state = row.GetOrDefault<string?>(StateCode!, null) switch
            {
                "1" or "Won" => "Won",
                "2" or "Lost" => "Lost",
                _ => null,
            };
            return new CrmRow(
                row.Get(OpportunityId).Value, account?.Value, row.Get(OwnerId), row.GetOptional(EstimatedValue), row.GetOptional(TransactionCurrencyId), row.Get(EstimatedCloseDate),
                row.Get(ActiveStageStartedOn), row.Get(StepName), state, row.GetOrDefault<string?>(StatusCode!, null), sources.Of(row).Row!, row.Location(StepName),
                row.Location(row.ColumnNumber(ParentAccountId) is null ? CustomerId : ParentAccountId));
        });
    }

    /// <summary>Formats an instant as the exports above write it.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>ISO 8601 in UTC.</returns>
    public static string Format(Instant at) => InstantPattern.ExtendedIso.Format(at);

    /// <summary>Formats an amount invariantly.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
