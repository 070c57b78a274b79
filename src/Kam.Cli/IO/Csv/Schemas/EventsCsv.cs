using Kam.Cli.Data;
using Kam.Cli.Terminal;
using Kam.Core;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>events.csv: one row per event of an opportunity under the eight-stage model (input of <c>kam pipeline</c>).</summary>
/// <remarks>
/// Rows of one opportunity must agree on its account and owner; its value, currency and expected close date are
/// those of its last row in the file (so a re-estimate is a new row; each event keeps its row's expected close, which
/// <c>kam forecast</c> replays as moves of the expected close). Events are returned in time order.
/// </remarks>
internal static class EventsCsv
{
    private static readonly List<string> KindWords = ["milestone", "success", "procurement", "won", "lost", "abandoned"];

    /// <summary>The words of the <c>kind</c> column, in <see cref="OpportunityEventKind"/> order.</summary>
    public static readonly IReadOnlyList<string> Kinds = KindWords;

    public static readonly CsvColumn<OpportunityId> OpportunityId = Identifier<OpportunityId>("opportunity_id", true, "the opportunity", "OP-0001");
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the customer account", "A001");
    public static readonly CsvColumn<PersonId> Owner = Identifier<PersonId>("owner", true, "the salesperson who owns the opportunity", "S01");
    public static readonly CsvColumn<decimal> Value = Decimal("value", true, "the expected contract value (the opportunity's last row counts)", "1200000", min: 0m);
    public static readonly CsvColumn<Currency> Currency = Currency("currency", true, "the currency of value", "CNY");
    public static readonly CsvColumn<LocalDate> ExpectedClose = Date("expected_close", true, "the expected signing day (the opportunity's last row counts)", "2026-09-30");
    public static readonly CsvColumn<Instant> At = Instant("at", true, "when the event happened", "2026-03-02T09:30:00+08:00");
    public static readonly CsvColumn<string> Kind = OneOf("kind", true, "milestone = a stage's milestone item done; success = a success-criteria item met; procurement = customer seen at a procurement stage; won/lost/abandoned = outcome", Kinds);
    public static readonly CsvColumn<int> Stage = Integer("stage", false, "the stage 1..8; required for milestone, success and procurement", "1", 1, 8);
    public static readonly CsvColumn<string> Item = Text("item", false, "the playbook item key; required for milestone and success", "s1.customer-info-gathered");
    public static readonly CsvColumn<PersonId> Person = Identifier<PersonId>("person", false, "who recorded the event; default the owner", "S01");
    public static readonly CsvColumn<string> Reason = Text("reason", false, "why, for lost and abandoned", "price");
    public static readonly CsvColumn<string> ReasonCode = Text("reason_code", false, "why, as a code of the close-reason list (kam winloss --reasons), for won, lost and abandoned only", "lost-price");
    public static readonly CsvColumn<string> Competitor = Text("competitor", false, "the competitor who won the business, for lost only", "Rival Co");

    /// <summary>Gets the schema.</summary>
    public static CsvSchema Schema { get; } = new(
        "events.csv",
        "one row per event of an opportunity (eight-stage model: milestone items, success criteria, procurement stage, outcome).",
        [OpportunityId, AccountId, Owner, Value, Currency, ExpectedClose, At, Kind, Stage, Item, Person, Reason, ReasonCode, Competitor],
        [
            ["OP-0001", "A001", "S01", "1200000", "CNY", "2026-09-30", "2026-03-02T09:30:00+08:00", "milestone", "1", "s1.customer-info-gathered", "S01", "", "", ""],
            ["OP-0001", "A001", "S01", "1200000", "CNY", "2026-09-30", "2026-03-05T15:00:00+08:00", "success", "1", "s1.meeting-agreed", "S01", "", "", ""],
            ["OP-0001", "A001", "S01", "1200000", "CNY", "2026-09-30", "2026-03-06T10:00:00+08:00", "procurement", "2", "", "S01", "", "", ""],
            ["OP-0002", "A002", "S02", "800000", "CNY", "2026-07-31", "2026-02-10T11:00:00+08:00", "lost", "", "", "S02", "price", "lost-price", "Rival Co"],
        ]);

    /// <summary>Reads and validates an events file and groups it into opportunities (in order of first appearance).</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The opportunities with their events in time order.</returns>
    /// <exception cref="KamValidationException">The file is invalid.</exception>
    public static IReadOnlyList<OpportunityRecord> Read(string path, IProgress<ProgressUpdate>? progress = null)
    {
        var reading = new Reading();
        return Group(CsvFile.Read(path, Schema, row => Map(row, reading), progress));
    }

    /// <summary>Reads and validates events from CSV text.</summary>
    public static IReadOnlyList<OpportunityRecord> Read(TextReader text, string displayName)
    {
        var reading = new Reading();
        return Group(CsvFile.Read(text, displayName, Schema, row => Map(row, reading)));
    }

    // Opportunities in order of first appearance, each its last row's record with its events in time order (a stable
    // sort: events at the same instant keep their file order). Plain loops: a million rows.
    // Each row is a value (no opportunity record per row): the record is made once, of the opportunity's last row.
    private static OpportunityRecord[] Group(IReadOnlyList<EventLine> rows)
    {
        var index = new Dictionary<Kam.Core.OpportunityId, int>();
        var groups = new List<(int Last, List<int> Rows)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var id = rows[r].Id;
            if (index.TryGetValue(id, out var g))
            {
                groups[g] = (r, groups[g].Rows);
                groups[g].Rows.Add(r);
            }
            else
            {
                index.Add(id, groups.Count);
                groups.Add((r, [r]));
            }
        }

        var result = new OpportunityRecord[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups[g].Rows;
            var events = new EventRow[members.Count];
            var order = new (Instant At, int Row)[members.Count];
            for (var e = 0; e < members.Count; e++)
            {
                order[e] = (rows[members[e]].Event.At, members[e]);
            }

            Array.Sort(order); // by instant, then by row: stable
            for (var e = 0; e < order.Length; e++)
            {
                events[e] = rows[order[e].Row].Event;
            }

            var last = rows[groups[g].Last];
            result[g] = new OpportunityRecord
            {
                Id = last.Id,
                Account = last.Account,
                Owner = last.Owner,
                Value = last.Value,
                ExpectedClose = last.ExpectedClose,
                Events = events,
            };
        }

        return result;
    }

    private static EventLine Map(CsvRow row, Reading reading)
    {
        var first = reading.First;
        reading.Columns ??= Schema.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);
        var id = row.Get(OpportunityId);
        var account = row.Get(AccountId);
        var owner = row.Get(Owner);
        if (id.Value.Length > 0 && !first.TryAdd(id, (row.Line, account, owner)))
        {
            var (line, firstAccount, firstOwner) = first[id];
            if (account.Value.Length > 0 && account != firstAccount)
            {
                row.Fail(AccountId, KamErrorCodes.InvalidState, $"opportunity '{id}' has account '{firstAccount}' on line {line}.");
            }

            if (owner.Value.Length > 0 && owner != firstOwner)
            {
                row.Fail(Owner, KamErrorCodes.InvalidState, $"opportunity '{id}' has owner '{firstOwner}' on line {line}; one opportunity has one owner.");
            }
        }

        var kindText = row.Get(Kind);
        var kind = (OpportunityEventKind)Math.Max(0, KindWords.IndexOf(kindText));
        var stage = row.GetOptional(Stage);
        var item = row.GetOrDefault<string?>(Item!, null);
        if (kindText.Length > 0 && kind is OpportunityEventKind.Milestone or OpportunityEventKind.Success or OpportunityEventKind.Procurement && stage is null)
        {
            row.Fail(Stage, KamErrorCodes.Required, $"a {kindText} event needs a stage 1..8.");
        }

        if (kindText.Length > 0 && kind is OpportunityEventKind.Milestone or OpportunityEventKind.Success && item is null)
        {
            row.Fail(Item, KamErrorCodes.Required, $"a {kindText} event needs the playbook item key.");
        }

        var currency = row.Get(Currency);
        reading.Currency.Check(row, Currency, currency);
        var value = new Money(row.Get(Value), currency);
        var expectedClose = row.Get(ExpectedClose);
        var isOutcome = kind is OpportunityEventKind.Won or OpportunityEventKind.Lost or OpportunityEventKind.Abandoned;
        var (reasonCode, competitor) = CloseDetails(row, kindText, kind, isOutcome);
        var @event = new EventRow(row.Get(At), kind, isOutcome ? null : stage, isOutcome ? null : item, row.GetOptional(Person) ?? owner, row.GetOrDefault<string?>(Reason!, null), new SourceRow(row.File, row.Line, reading.Columns))
        {
            ExpectedClose = expectedClose,
            ReasonCode = reasonCode,
            Competitor = competitor,
        };
        return new EventLine(id, account, owner, value, expectedClose, @event);
    }

    // reason_code belongs to the closing rows (won, lost, abandoned); competitor, the one who won the business, to lost
    // rows only: on a won row we won, and an abandon has no winner the engine records. A value elsewhere is refused
    // rather than dropped, so that nothing the file says is silently lost.
    private static (string? ReasonCode, string? Competitor) CloseDetails(CsvRow row, string kindText, OpportunityEventKind kind, bool isOutcome)
    {
        var reasonCode = row.GetOrDefault<string?>(ReasonCode!, null);
        var competitor = row.GetOrDefault<string?>(Competitor!, null);
        if (kindText.Length == 0)
        {
            return (reasonCode, competitor);
        }

        if (reasonCode is not null && !isOutcome)
        {
            row.Fail(ReasonCode, KamErrorCodes.InvalidState, $"a reason code explains an outcome: only won, lost and abandoned rows carry one, not a {kindText} row.");
        }

        if (competitor is not null && kind != OpportunityEventKind.Lost)
        {
            row.Fail(Competitor, KamErrorCodes.InvalidState, $"the competitor is the one who won the business: only lost rows name one, not a {kindText} row.");
        }

        return (reasonCode, competitor);
    }

    /// <summary>One row of the file: its opportunity's fields and its event.</summary>
    private readonly record struct EventLine(Kam.Core.OpportunityId Id, Kam.Core.AccountId Account, PersonId Owner, Money Value, LocalDate ExpectedClose, EventRow Event);

    /// <summary>What one read remembers across rows: each opportunity's first row, the file's column numbers and its currency.</summary>
    private sealed class Reading
    {
        public Dictionary<Kam.Core.OpportunityId, (int Line, Kam.Core.AccountId Account, PersonId Owner)> First { get; } = [];

        public Dictionary<string, int>? Columns { get; set; }

        public SingleCurrency Currency { get; } = new("events");
    }
}
