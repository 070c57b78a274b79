using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>
/// The inputs of <c>kam contact</c>: activities.csv (the activity log), promises.csv, checks.csv (partnership-check
/// scores by item and satisfaction scores) and the people columns of accounts.csv (grade, since).
/// </summary>
internal static class ActivitiesCsv
{
    /// <summary>The item of checks.csv that holds a satisfaction score rather than a check item's.</summary>
    public const string SatisfactionItem = "satisfaction";

    /// <summary>The activity kinds as activities.csv spells them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["visit", "call", "meeting", "message", "executive_visit"];

    /// <summary>The promise statuses as promises.csv spells them.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "kept", "broken", "compensated"];

    private static readonly char[] ListSeparators = [' ', '|', ';'];

    public static readonly CsvColumn<LocalDate> Date = CsvColumns.Date("date", true, "the day of the activity", "2026-01-10");
    public static readonly CsvColumn<string> Kind = OneOf("kind", true, "visit, call, meeting (in person), message or executive_visit; visits, meetings and executive visits count as visits", Kinds);
    public static readonly CsvColumn<PersonId> Person = Identifier<PersonId>("person", true, "our person who made the contact (of organization.json)", "S01");
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the account (of accounts.csv)", "A001");
    public static readonly CsvColumn<IReadOnlyList<ContactId>> Contacts = new("contacts", "identifiers", false, "the customer's contacts met (of contacts.csv), space-separated", "C-CHEN C-LI", ParseContacts);
    public static readonly CsvColumn<OpportunityId> Opportunity = Identifier<OpportunityId>("opportunity_id", false, "the opportunity the activity was about", "OP-0001");
    public static readonly CsvColumn<string> Outcome = Text("outcome", false, "the outcome, free text", "agreed a trial");

    public static readonly CsvColumn<AccountId> PromiseAccount = Identifier<AccountId>("account_id", true, "the account the promise was made to", "A001");
    public static readonly CsvColumn<string> Description = Text("description", true, "what was promised", "Q2 price list");
    public static readonly CsvColumn<LocalDate> Made = CsvColumns.Date("made", true, "the day the promise was made", "2026-01-10");
    public static readonly CsvColumn<LocalDate> Due = CsvColumns.Date("due", true, "the day it is due", "2026-02-10");
    public static readonly CsvColumn<string> Status = OneOf("status", false, "open (default), kept, broken or compensated (broken, then apologized for and compensated)", Statuses);

    public static readonly CsvColumn<AccountId> CheckAccount = Identifier<AccountId>("account_id", true, "the account checked", "A001");
    public static readonly CsvColumn<LocalDate> CheckDate = CsvColumns.Date("date", true, "the day of the check (rows of an account and day form one check)", "2026-01-31");
    public static readonly CsvColumn<string> Item = Text("item", true, "a check item of the health policy (delivery, quality, …) or 'satisfaction' for a satisfaction score", "delivery");
    public static readonly CsvColumn<decimal> Score = Decimal("score", true, "the item's score (0 to the policy's checkScale) or the satisfaction score (0 to satisfactionScale)", "4");

    public static readonly CsvColumn<string> Grade = Text("grade", false, "the account's contact-standard grade (KA1..KA6, A+, A, or a grade of --standards); blank: no standard", "KA3");
    public static readonly CsvColumn<LocalDate> Since = CsvColumns.Date("since", false, "the day the account exists from (activities before it are refused); default first_order, else no limit", "2024-06-01");

    /// <summary>Gets the schema of activities.csv.</summary>
    public static CsvSchema Activities { get; } = new(
        "activities.csv",
        "the activity log: one row per visit, call, meeting, message or executive visit.",
        [Date, Kind, Person, AccountId, Contacts, Opportunity, Outcome],
        [
            ["2026-01-10", "visit", "S01", "A001", "C-CHEN", "", "discussed the 2026 volumes"],
            ["2026-02-15", "call", "S01", "A001", "C-ZHAO", "OP-0001", "price objections"],
        ]);

    /// <summary>Gets the schema of promises.csv.</summary>
    public static CsvSchema Promises { get; } = new(
        "promises.csv",
        "promises made to accounts: one row per promise with its due day and status.",
        [PromiseAccount, Description, Made, Due, Status],
        [
            ["A001", "samples", "2026-01-10", "2026-01-20", "kept"],
            ["A001", "Q2 price list", "2026-01-10", "2026-02-10", "broken"],
        ]);

    /// <summary>Gets the schema of checks.csv.</summary>
    public static CsvSchema Checks { get; } = new(
        "checks.csv",
        "partnership checks (one row per account, day and item) and satisfaction scores (item 'satisfaction').",
        [CheckAccount, CheckDate, Item, Score],
        [
            ["A001", "2026-01-31", "delivery", "5"],
            ["A001", "2026-01-31", "quality", "4"],
            ["A001", "2026-01-20", SatisfactionItem, "8"],
        ]);

    /// <summary>Gets the schema <c>kam contact</c> reads the people columns of accounts.csv with.</summary>
    public static CsvSchema AccountColumns { get; } = new(
        "accounts.csv",
        "kam contact reads each account's contact-standard grade and the day it exists from.",
        [AccountsCsv.AccountId, Grade, Since, AccountsCsv.FirstOrder],
        []);

    /// <summary>Reads activities.csv.</summary>
    /// <param name="path">The file (or <c>book.xlsx!Sheet</c>).</param>
    /// <returns>The activities in file order.</returns>
    public static IReadOnlyList<ActivityRecord> ReadActivities(string path)
    {
        IReadOnlyDictionary<string, int>? columns = null;
        return CsvFile.Read(path, Activities, row => MapActivity(row, ref columns));
    }

    /// <summary>Reads promises.csv.</summary>
    /// <param name="path">The file (or <c>book.xlsx!Sheet</c>).</param>
    /// <returns>The promises in file order.</returns>
    public static IReadOnlyList<PromiseRecord> ReadPromises(string path)
    {
        IReadOnlyDictionary<string, int>? columns = null;
        return CsvFile.Read(path, Promises, row => MapPromise(row, ref columns));
    }

    /// <summary>Reads checks.csv.</summary>
    /// <param name="path">The file (or <c>book.xlsx!Sheet</c>).</param>
    /// <returns>The scores in file order.</returns>
    public static IReadOnlyList<CheckRecord> ReadChecks(string path)
    {
        IReadOnlyDictionary<string, int>? columns = null;
        return CsvFile.Read(path, Checks, row =>
        {
            columns ??= Columns(row, Checks);
            return new CheckRecord(row.Get(CheckAccount), row.Get(CheckDate), row.Get(Item), row.Get(Score), new SourceRow(row.File, row.Line, columns));
        });
    }

    /// <summary>Reads the people columns of accounts.csv (grade, since; since defaults to first_order).</summary>
    /// <param name="path">The file (or <c>book.xlsx!Sheet</c>).</param>
    /// <returns>Each account's columns.</returns>
    public static IReadOnlyDictionary<AccountId, AccountPeopleColumns> ReadAccountColumns(string path)
    {
        var result = new Dictionary<AccountId, AccountPeopleColumns>();
        IReadOnlyDictionary<string, int>? columns = null;
        CsvFile.Visit(path, AccountColumns, row =>
        {
            columns ??= Columns(row, AccountColumns);
            var id = row.Get(AccountsCsv.AccountId);
            var grade = row.GetOrDefault<string?>(Grade!, null);
            var since = row.GetOptional(Since) ?? row.GetOptional(AccountsCsv.FirstOrder);
            result.TryAdd(id, new AccountPeopleColumns(grade, since, new SourceRow(row.File, row.Line, columns)));
        });
        return result;
    }

    /// <summary>Gets the library's kind of an activities.csv kind word.</summary>
    /// <param name="word">The word, as <see cref="Kinds"/> spells it.</param>
    /// <returns>The kind.</returns>
    public static ActivityKind KindOf(string word) => (ActivityKind)Math.Max(0, IndexOf(Kinds, word));

    /// <summary>Gets the activities.csv word of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The word.</returns>
    public static string WordOf(ActivityKind kind) => Kinds[(int)kind];

    private static ActivityRecord MapActivity(CsvRow row, ref IReadOnlyDictionary<string, int>? columns)
    {
        columns ??= Columns(row, Activities);
        var date = row.Get(Date);
        var kind = KindOf(row.Get(Kind));
        var person = row.Get(Person);
        var account = row.Get(AccountId);
        var contacts = row.GetOrDefault(Contacts, []);
        var opportunity = row.GetOptional(Opportunity);
        var outcome = row.GetOrDefault<string?>(Outcome!, null);
        Activity activity;
        try
        {
            activity = person.Value is { Length: > 0 } && account.Value is { Length: > 0 }
                ? new Activity(date, account, person, kind, contacts, opportunity, outcome)
                : new Activity(date, Kam.Core.AccountId.Parse("X"), PersonId.Parse("X"), kind);
        }
        catch (KamValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                row.Fail(error.Path.StartsWith("contacts", StringComparison.Ordinal) ? Contacts : AccountId, error.Code, error.Message);
            }

            activity = new Activity(date, Kam.Core.AccountId.Parse("X"), PersonId.Parse("X"), kind);
        }

        return new ActivityRecord(activity, new SourceRow(row.File, row.Line, columns));
    }

    private static PromiseRecord MapPromise(CsvRow row, ref IReadOnlyDictionary<string, int>? columns)
    {
        columns ??= Columns(row, Promises);
        var account = row.Get(PromiseAccount);
        var description = row.Get(Description);
        var made = row.Get(Made);
        var due = row.Get(Due);
        var status = (PromiseStatus)Math.Max(0, IndexOf(Statuses, row.GetOrDefault(Status, "open")));
        Promise promise;
        try
        {
            promise = new Promise(account.Value is { Length: > 0 } ? account : Kam.Core.AccountId.Parse("X"), description.Length > 0 ? description : "?", made, due, status);
        }
        catch (KamValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                row.Fail(error.Path switch { "due" => Due, "made" => Made, "description" => Description, _ => PromiseAccount }, error.Code, Lower(error.Message));
            }

            promise = new Promise(Kam.Core.AccountId.Parse("X"), "?", made, made);
        }

        return new PromiseRecord(promise, new SourceRow(row.File, row.Line, columns));
    }

    private static Dictionary<string, int> Columns(CsvRow row, CsvSchema schema) =>
        schema.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);

    private static int IndexOf(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Lower(string message) => message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    private static bool ParseContacts(string text, out IReadOnlyList<ContactId> value, out CsvCellProblem? problem)
    {
        var ids = new List<ContactId>();
        foreach (var word in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ContactId.TryParse(word, out var id))
            {
                value = [];
                problem = CsvCellProblem.Format($"'{word}' is not a contact identifier");
                return false;
            }

            ids.Add(id);
        }

        value = ids;
        problem = null;
        return true;
    }
}
