using System.Globalization;
using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Relationships;
using NodaTime;
using static Kam.Cli.IO.Csv.CsvColumns;

namespace Kam.Cli.IO.Csv.Schemas;

/// <summary>
/// contacts.csv and relationships.csv: the customer's buying centers and our relationships with their people, as dated
/// rows (each row is an event: <c>kam coverage</c> replays them up to the as-of day).
/// </summary>
/// <remarks>
/// contacts.csv holds one row per contact and day: the contact's first row maps the contact in its account's buying
/// center from that day, a later row replaces the whole profile from its day (a new title, boss, attitude…), and a
/// <c>left_on</c> day ends the contact. Rows of the same day apply in file order (a boss's row before the rows of the
/// contacts who report to them). Each profile is checked by the library as the row is read (an influence outside
/// 0..5, a contact influencing themselves); the checks across rows (a boss of another account, a reports-to cycle, an
/// unknown contact) are the buying-center history's and name the row too.
/// </remarks>
internal static class ContactsCsv
{
    /// <summary>The separators of a list cell (roles, decisions, committees, influences, opportunities).</summary>
    private static readonly char[] ListSeparators = [' ', '|', ';'];

    public static readonly CsvColumn<LocalDate> Date = CsvColumns.Date("date", true, "the day this profile holds from (the contact's first row maps the contact)", "2026-01-05");
    public static readonly CsvColumn<ContactId> ContactId = ContactIdentifier("contact_id", true, "the contact: unique across accounts", "C-CHEN");
    public static readonly CsvColumn<AccountId> AccountId = Identifier<AccountId>("account_id", true, "the account whose buying center the contact is in (of accounts.csv)", "A001");
    public static readonly CsvColumn<string> Name = Text("name", true, "the contact's name", "Chen Jie");
    public static readonly CsvColumn<string> Title = Text("title", false, "the job title", "General manager");
    public static readonly CsvColumn<string> Level = OneOf("level", true, "Operational, Management or Decision (the three levels of a buying center)", Enum.GetNames<DecisionLevel>());
    public static readonly CsvColumn<string> Function = Text("function", false, "user, technical, purchasing or any other function name (finance, legal…); default user", "technical");
    public static readonly CsvColumn<BuyingRoles> Roles = Flags<BuyingRoles>("roles", "the buying roles, space-separated: Initiator DecisionMaker User Designer Evaluator", "DecisionMaker");
    public static readonly CsvColumn<BuyingDecisions> Decisions = Flags<BuyingDecisions>("decisions", "the buying decisions held, space-separated: Whether When Budget Supplier Signature", "Whether Signature");
    public static readonly CsvColumn<bool> Veto = YesNo("veto", false, "whether the contact can stop the purchase; default no", "no");
    public static readonly CsvColumn<int> Influence = Integer("influence", false, "the influence on the decision, 0 (none) to 5 (decisive); default 0", "4");
    public static readonly CsvColumn<string> Attitude = OneOf("attitude", false, "the attitude to us: Opponent, Skeptical, Neutral (default), Favorable or Supporter", ["Neutral", "Opponent", "Skeptical", "Favorable", "Supporter"]);
    public static readonly CsvColumn<string> Style = OneOf("style", false, "the decision style: Leader, Influencer, Checker or Follower; blank when unknown", Enum.GetNames<DecisionStyle>());
    public static readonly CsvColumn<ContactId> ReportsTo = ContactIdentifier("reports_to", false, "the contact's boss: a contact of the same account (the org chart)", "C-CHEN");
    public static readonly CsvColumn<IReadOnlyList<ContactId>> Influences = ContactList("influences", "the contacts this one influences outside the org chart (same account), space-separated", "C-LI");
    public static readonly CsvColumn<Committees> CommitteeColumn = Flags<Committees>("committees", "the committees the contact sits on, space-separated: Buying Evaluation", "Buying");
    public static readonly CsvColumn<string> LeaningTo = Text("leaning_to", false, "the competitor the contact leans to, if any", "Rival Corp");
    public static readonly CsvColumn<IReadOnlyList<OpportunityId>> Opportunities = List<OpportunityId>("opportunities", "the opportunities (of events.csv) the contact takes part in, space-separated; kam coverage --events analyzes each with its contacts", "OP-0001");
    public static readonly CsvColumn<LocalDate> LeftOn = CsvColumns.Date("left_on", false, "the day the contact left the account (kept on the map, no longer analyzed)", "2026-03-01");

    public static readonly CsvColumn<LocalDate> RelationshipDate = CsvColumns.Date("date", true, "the day the relationship starts or changes strength", "2026-01-10");
    public static readonly CsvColumn<PersonId> Person = Identifier<PersonId>("person", true, "our person: a person of organization.json", "S01");
    public static readonly CsvColumn<ContactId> RelationshipContact = ContactIdentifier("contact_id", true, "the contact (of contacts.csv)", "C-CHEN");
    public static readonly CsvColumn<int> Strength = Integer("strength", true, "1 (we have met) to 5 (a trusted relationship); 0 ends the relationship", "4");
    public static readonly CsvColumn<string> OurLevel = OneOf("our_level", false, "our person's level: Operational (default), Management or Decision (our executives), for the executive-to-executive check; the same on every row of a person", Enum.GetNames<DecisionLevel>());

    /// <summary>Gets the schema of contacts.csv.</summary>
    public static CsvSchema Contacts { get; } = new(
        "contacts.csv",
        "the customer's buying centers: one row per contact and day (the first row maps the contact, a later row replaces the profile from its day, left_on ends it).",
        [Date, ContactId, AccountId, Name, Title, Level, Function, Roles, Decisions, Veto, Influence, Attitude, Style, ReportsTo, Influences, CommitteeColumn, LeaningTo, Opportunities, LeftOn],
        [
            ["2026-01-05", "C-CHEN", "A001", "Chen Jie", "General manager", "Decision", "general management", "DecisionMaker", "Whether Signature", "no", "5", "Neutral", "Leader", "", "", "Buying", "", "", ""],
            ["2026-01-05", "C-WANG", "A001", "Wang Fang", "Head of engineering", "Management", "technical", "Designer Evaluator", "", "yes", "4", "Supporter", "", "C-CHEN", "", "Evaluation", "", "OP-0001", ""],
            ["2026-02-01", "C-ZHAO", "A001", "Zhao Lei", "Purchasing manager", "Management", "purchasing", "Evaluator", "Supplier", "no", "3", "Opponent", "Checker", "C-CHEN", "", "Buying", "Rival Corp", "OP-0001", ""],
        ]);

    /// <summary>Gets the schema of relationships.csv.</summary>
    public static CsvSchema Relationships { get; } = new(
        "relationships.csv",
        "our relationships with the customer's contacts: one row per change (a relationship starts, changes strength, or ends with strength 0).",
        [RelationshipDate, Person, RelationshipContact, Strength, OurLevel],
        [
            ["2026-01-10", "S01", "C-WANG", "4", "Management"],
            ["2026-01-10", "S09", "C-CHEN", "2", "Decision"],
            ["2026-02-15", "S01", "C-ZHAO", "2", "Management"],
        ]);

    /// <summary>Reads contacts.csv.</summary>
    /// <param name="path">The file (or <c>book.xlsx!Sheet</c>).</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="KamValidationException">A cell or a profile is invalid (file:line:column).</exception>
    public static IReadOnlyList<ContactRecord> ReadContacts(string path)
    {
        IReadOnlyDictionary<string, int>? columns = null;
        return CsvFile.Read(path, Contacts, row => MapContact(row, ref columns));
    }

    /// <summary>Reads contacts.csv from text (tests).</summary>
    public static IReadOnlyList<ContactRecord> ReadContacts(TextReader text, string displayName)
    {
        IReadOnlyDictionary<string, int>? columns = null;
        return CsvFile.Read(text, displayName, Contacts, row => MapContact(row, ref columns));
    }

    /// <summary>Reads relationships.csv.</summary>
    /// <param name="path">The file (or <c>book.xlsx!Sheet</c>).</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="KamValidationException">A cell is invalid, or a person is given two levels (file:line:column).</exception>
    public static IReadOnlyList<RelationshipRecord> ReadRelationships(string path)
    {
        var reading = new RelationshipReading();
        return CsvFile.Read(path, Relationships, row => MapRelationship(row, reading));
    }

    /// <summary>Reads relationships.csv from text (tests).</summary>
    public static IReadOnlyList<RelationshipRecord> ReadRelationships(TextReader text, string displayName)
    {
        var reading = new RelationshipReading();
        return CsvFile.Read(text, displayName, Relationships, row => MapRelationship(row, reading));
    }

    /// <summary>Gets the contacts.csv column of a member of the library's contact profile (<c>influence</c>, <c>reportsTo</c>).</summary>
    /// <param name="member">The member, as the library's paths name it.</param>
    /// <returns>The column.</returns>
    public static CsvColumn ProfileColumn(string member) => member switch
    {
        "name" => Name,
        "title" => Title,
        "level" => Level,
        "function" => Function,
        "roles" => Roles,
        "decisions" => Decisions,
        "veto" => Veto,
        "influence" => Influence,
        "attitude" => Attitude,
        "style" => Style,
        "reportsTo" => ReportsTo,
        "influences" => Influences,
        "committees" => CommitteeColumn,
        "leaningTo" => LeaningTo,
        _ => ContactId,
    };

    private static ContactRecord MapContact(CsvRow row, ref IReadOnlyDictionary<string, int>? columns)
    {
        columns ??= Contacts.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);
        var date = row.Get(Date);
        var id = row.Get(ContactId);
        var account = row.Get(AccountId);
        var name = row.Get(Name);
        var title = row.GetOrDefault<string?>(Title!, null);
        var level = Enum.Parse<DecisionLevel>(row.Get(Level) is { Length: > 0 } l ? l : nameof(DecisionLevel.Operational));
        var function = row.GetOrDefault<string?>(Function!, null) is { } f ? new ContactFunction(f) : ContactFunction.User;
        var roles = row.GetOrDefault(Roles, BuyingRoles.None);
        var decisions = row.GetOrDefault(Decisions, BuyingDecisions.None);
        var veto = row.GetOrDefault(Veto, false);
        var influence = row.GetOrDefault(Influence, 0);
        var attitude = row.GetOrDefault<string?>(Attitude!, null) is { } a ? Enum.Parse<Kam.Core.Relationships.Attitude>(a) : Kam.Core.Relationships.Attitude.Neutral;
        var style = row.GetOrDefault<string?>(Style!, null) is { } s ? Enum.Parse<DecisionStyle>(s) : (DecisionStyle?)null;
        var reportsTo = row.GetOptional(ReportsTo);
        var influences = row.GetOrDefault(Influences, []);
        var committees = row.GetOrDefault(CommitteeColumn, Committees.None);
        var leaning = row.GetOrDefault<string?>(LeaningTo!, null);
        var opportunities = row.GetOrDefault(Opportunities, []);
        var left = row.GetOptional(LeftOn);
        if (left is { } day && day < date)
        {
            row.Fail(LeftOn, KamErrorCodes.OutOfRange, $"contact '{id}' cannot leave ({day:yyyy-MM-dd}) before the row's date ({date:yyyy-MM-dd}).");
        }

        ContactProfile profile;
        try
        {
            // The library checks the profile (an influence outside its scale, a contact influencing themselves): each problem at its cell.
            profile = name.Length == 0
                ? new ContactProfile("?", level, function)
                : new ContactProfile(name, level, function, roles, decisions, veto, influence, attitude, style, reportsTo, influences, committees, leaning, title);
            if (reportsTo is { } boss && boss == id)
            {
                row.Fail(ReportsTo, KamErrorCodes.InvalidState, $"contact '{id}' cannot report to themselves.");
            }

            if (influences.Contains(id))
            {
                row.Fail(Influences, KamErrorCodes.InvalidState, $"contact '{id}' cannot influence themselves.");
            }
        }
        catch (KamValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                var member = error.Path.Split('.', '[')[0];
                row.Fail(ProfileColumn(member), error.Code, $"contact '{id}': {Lower(error.Message)}");
            }

            profile = new ContactProfile("?", level, function);
        }

        return new ContactRecord(date, id, account, profile, opportunities, left, new SourceRow(row.File, row.Line, columns));
    }

    private static RelationshipRecord MapRelationship(CsvRow row, RelationshipReading reading)
    {
        reading.Columns ??= Relationships.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);
        var date = row.Get(RelationshipDate);
        var person = row.Get(Person);
        var contact = row.Get(RelationshipContact);
        var strength = row.Get(Strength);
        if (strength is < 0 or > Relationship.MaxStrength)
        {
            row.Fail(Strength, KamErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"a strength is 0 (ended) to {Relationship.MaxStrength}."));
        }

        DecisionLevel? level = row.GetOrDefault<string?>(OurLevel!, null) is { } text ? Enum.Parse<DecisionLevel>(text) : null;
        if (level is { } given && person.Value is { Length: > 0 })
        {
            if (reading.Levels.TryGetValue(person, out var earlier) && earlier.Level != given)
            {
                row.Fail(OurLevel, KamErrorCodes.InvalidState, string.Create(CultureInfo.InvariantCulture, $"person '{person}' is {earlier.Level} on line {earlier.Line}; a person has one level."));
            }
            else
            {
                reading.Levels.TryAdd(person, (given, row.Line));
            }
        }

        return new RelationshipRecord(date, person, contact, strength, level, new SourceRow(row.File, row.Line, reading.Columns));
    }

    private static string Lower(string message) => message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    /// <summary>A contact identifier column.</summary>
    private static CsvColumn<ContactId> ContactIdentifier(string name, bool required, string description, string example) =>
        new(name, "identifier", required, description, example, (string text, out ContactId value, out CsvCellProblem? problem) =>
        {
            var ok = Kam.Core.Relationships.ContactId.TryParse(text, out value);
            problem = ok ? null : CsvCellProblem.Format("not a contact identifier (letters, digits, '-', '_', '.'; no spaces)");
            return ok;
        });

    /// <summary>A list of contact identifiers.</summary>
    private static CsvColumn<IReadOnlyList<ContactId>> ContactList(string name, string description, string example) =>
        new(name, "identifiers", false, description, example, (string text, out IReadOnlyList<ContactId> value, out CsvCellProblem? problem) =>
        {
            var ids = new List<ContactId>();
            foreach (var word in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Kam.Core.Relationships.ContactId.TryParse(word, out var id))
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
        });

    /// <summary>A list of identifiers.</summary>
    private static CsvColumn<IReadOnlyList<TId>> List<TId>(string name, string description, string example)
        where TId : struct, IKamIdentifier<TId> =>
        new(name, "identifiers", false, description, example, (string text, out IReadOnlyList<TId> value, out CsvCellProblem? problem) =>
        {
            var ids = new List<TId>();
            foreach (var word in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IdentifierRules.Check(word, typeof(TId).Name) is { } error)
                {
                    value = [];
                    problem = new CsvCellProblem(error.Code, $"'{word}': {error.Message}");
                    return false;
                }

                ids.Add(TId.Parse(word));
            }

            value = ids;
            problem = null;
            return true;
        });

    /// <summary>A set of flags, space-separated names of the enum (any case).</summary>
    private static CsvColumn<T> Flags<T>(string name, string description, string example)
        where T : struct, Enum =>
        new(name, "words", false, description, example, (string text, out T value, out CsvCellProblem? problem) =>
        {
            long bits = 0;
            foreach (var word in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var match = Enum.GetNames<T>().FirstOrDefault(n => n != "None" && string.Equals(n, word.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    value = default;
                    problem = CsvCellProblem.Format($"'{word}' is not one of {string.Join(", ", Enum.GetNames<T>().Where(n => n != "None" && n != "All"))}");
                    return false;
                }

                bits |= Convert.ToInt64(Enum.Parse<T>(match), CultureInfo.InvariantCulture);
            }

            value = (T)Enum.ToObject(typeof(T), bits);
            problem = null;
            return true;
        });

    private sealed class RelationshipReading
    {
        public Dictionary<PersonId, (DecisionLevel Level, int Line)> Levels { get; } = [];

        public IReadOnlyDictionary<string, int>? Columns { get; set; }
    }
}
