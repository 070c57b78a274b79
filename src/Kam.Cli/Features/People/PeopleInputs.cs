using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;
using Kam.Cli.Features.Shared;

namespace Kam.Cli.Features.People;

/// <summary>The buying-center history built from contacts.csv and relationships.csv, with our people's levels.</summary>
/// <param name="History">The history (validated).</param>
/// <param name="OurLevels">Our people's levels (<c>our_level</c> of relationships.csv).</param>
/// <param name="Opportunities">The contacts of each opportunity (<c>opportunities</c> of contacts.csv), by opportunity.</param>
internal sealed record PeopleMap(BuyingCenterHistory History, IReadOnlyDictionary<PersonId, DecisionLevel> OurLevels, IReadOnlyDictionary<OpportunityId, IReadOnlyList<ContactId>> Opportunities)
{
    /// <summary>Gets the latest day of the map's events, or <see langword="null"/> when it has none.</summary>
    public LocalDate? LastDay => History.Events.Count == 0 ? null : History.Events.Max(e => e.Date);
}

/// <summary>
/// Turns the people files into the library's inputs (the account hierarchy, the buying-center history, the activity
/// log, the checks, scores and promises) and maps every error the library reports about one of them back to the file,
/// line and column it came from (<c>events[7].profile.reportsTo</c> → <c>contacts.csv:9:14</c>).
/// </summary>
internal static class PeopleInputs
{
    /// <summary>Builds the account hierarchy of accounts.csv and organization.json.</summary>
    /// <param name="organization">Our organization.</param>
    /// <param name="accounts">The accounts.</param>
    /// <param name="organizationFile">organization.json's display name.</param>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="KamValidationException">An account is refused (accounts.csv:line:column) or the organization is (organization.json:$.path).</exception>
    public static AccountHierarchy Hierarchy(Organization organization, IReadOnlyList<PlanAccountRecord> accounts, string organizationFile)
    {
        try
        {
            return new AccountHierarchy(organization, accounts.Select(a => a.ToAccount()).ToArray());
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = LocateAccount(e.Path, accounts, organizationFile) }));
        }
    }

    /// <summary>Builds the buying-center history: contacts.csv's rows in file order (each contact's earliest row maps it, the others change it), then relationships.csv's, then the contacts' leaving.</summary>
    /// <param name="contacts">The rows of contacts.csv.</param>
    /// <param name="relationships">The rows of relationships.csv (none for <c>kam contact</c>).</param>
    /// <param name="hierarchy">The accounts and our people, or <see langword="null"/>.</param>
    /// <returns>The map.</returns>
    /// <exception cref="KamValidationException">The history is refused; each error names its row and cell.</exception>
    public static PeopleMap Map(IReadOnlyList<ContactRecord> contacts, IReadOnlyList<RelationshipRecord> relationships, AccountHierarchy? hierarchy)
    {
        var events = new List<BuyingCenterEvent>();
        var sources = new List<(SourceRow? Row, string Column)>();
        var first = new Dictionary<ContactId, int>();
        var errors = new List<KamValidationError>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            if (!first.TryGetValue(c.Contact, out var j))
            {
                first[c.Contact] = i;
            }
            else
            {
                if (c.Account != contacts[j].Account)
                {
                    errors.Add(new KamValidationError(
                        Location(c.Source, ContactsCsv.AccountId.Name, "contacts"), KamErrorCodes.InvalidState, c.Account.Value,
                        $"contact '{c.Contact}' is in account '{contacts[j].Account}'{Line(contacts[j].Source)}; a contact stays in one account's buying center."));
                }

                if (c.Date < contacts[j].Date)
                {
                    first[c.Contact] = i;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }

        var opportunities = new Dictionary<OpportunityId, List<ContactId>>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            events.Add(first[c.Contact] == i ? new ContactJoined(c.Date, c.Contact, c.Account, c.Profile) : new ContactChanged(c.Date, c.Contact, c.Profile));
            sources.Add((c.Source, ContactsCsv.ContactId.Name));
            foreach (var o in c.Opportunities)
            {
                var list = opportunities.TryGetValue(o, out var l) ? l : opportunities[o] = [];
                if (!list.Contains(c.Contact))
                {
                    list.Add(c.Contact);
                }
            }
        }

        var ourLevels = new Dictionary<PersonId, DecisionLevel>();
        foreach (var r in relationships)
        {
            events.Add(new RelationshipChanged(r.Date, r.Person, r.Contact, r.Strength));
            sources.Add((r.Source, "relationship"));
            if (r.OurLevel is { } level)
            {
                ourLevels.TryAdd(r.Person, level);
            }
        }

        foreach (var c in contacts)
        {
            if (c.LeftOn is { } left)
            {
                events.Add(new ContactLeft(left, c.Contact));
                sources.Add((c.Source, ContactsCsv.LeftOn.Name));
            }
        }

        try
        {
            var history = new BuyingCenterHistory(events, hierarchy);
            return new PeopleMap(history, ourLevels, opportunities.ToDictionary(p => p.Key, p => (IReadOnlyList<ContactId>)p.Value));
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => LocateEvent(e, sources)));
        }
    }

    /// <summary>Builds the activity log, each account existing from its <c>since</c> day (or its first order; without either, from the earliest supported day).</summary>
    /// <param name="activities">The rows of activities.csv.</param>
    /// <param name="accounts">The accounts.</param>
    /// <param name="columns">The people columns of accounts.csv.</param>
    /// <param name="history">The buying centers (contacts.csv), or <see langword="null"/>.</param>
    /// <param name="accountsFile">accounts.csv's display name.</param>
    /// <returns>The log.</returns>
    /// <exception cref="KamValidationException">An activity is refused (activities.csv:line:column).</exception>
    public static ActivityLog Log(IReadOnlyList<ActivityRecord> activities, IReadOnlyList<PlanAccountRecord> accounts, IReadOnlyDictionary<AccountId, AccountPeopleColumns> columns, BuyingCenterHistory? history, string accountsFile)
    {
        var since = accounts.ToDictionary(a => a.Id, a => columns.GetValueOrDefault(a.Id)?.Since ?? Kam.Cli.IO.Csv.CsvColumns.MinDate);
        try
        {
            return new ActivityLog(activities.Select(a => a.Activity).ToArray(), since, history);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => LibraryPaths.Indexed(e.Path, "activities", out var i, out var rest) && i < activities.Count
                ? e with
                {
                    Path = Location(activities[i].Source, rest switch
                    {
                        ".date" => ActivitiesCsv.Date.Name,
                        ".person" => ActivitiesCsv.Person.Name,
                        _ when rest.StartsWith(".contacts", StringComparison.Ordinal) => ActivitiesCsv.Contacts.Name,
                        _ => ActivitiesCsv.AccountId.Name,
                    }, e.Path),
                    Message = rest == ".date" && e.Code == KamErrorCodes.OutOfRange
                        ? $"{Lower(e.Message)} (the account exists from {since[activities[i].Activity.Account]:yyyy-MM-dd}: the since or first_order column of {accountsFile})"
                        : Lower(e.Message),
                }
                : e));
        }
    }

    /// <summary>Splits checks.csv into the partnership checks (one per account and day) and the satisfaction scores.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The checks, the scores, and the first row of each check (to locate its errors).</returns>
    /// <exception cref="KamValidationException">A check score is not a whole number, or an item is scored twice in one check.</exception>
    public static (IReadOnlyList<PartnershipCheck> Checks, IReadOnlyList<SatisfactionScore> Satisfaction, Func<int, string, string?> CheckCell, Func<int, string?> ScoreCell) Checks(IReadOnlyList<CheckRecord> rows)
    {
        var errors = new List<KamValidationError>();
        var checks = new List<(AccountId Account, LocalDate Date, Dictionary<string, int> Scores, Dictionary<string, SourceRow?> Rows)>();
        var index = new Dictionary<(AccountId, LocalDate), int>();
        var satisfaction = new List<SatisfactionScore>();
        var scoreRows = new List<SourceRow?>();
        foreach (var row in rows)
        {
            if (string.Equals(row.Item, ActivitiesCsv.SatisfactionItem, StringComparison.OrdinalIgnoreCase))
            {
                satisfaction.Add(new SatisfactionScore(row.Account, row.Date, row.Score));
                scoreRows.Add(row.Source);
                continue;
            }

            if (row.Score != decimal.Truncate(row.Score) || row.Score is < int.MinValue or > int.MaxValue)
            {
                errors.Add(new KamValidationError(Location(row.Source, ActivitiesCsv.Score.Name, "checks"), KamErrorCodes.InvalidFormat, row.Score.ToString(CultureInfo.InvariantCulture), "a check item's score is a whole number."));
                continue;
            }

            if (!index.TryGetValue((row.Account, row.Date), out var i))
            {
                index[(row.Account, row.Date)] = i = checks.Count;
                checks.Add((row.Account, row.Date, new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, SourceRow?>(StringComparer.Ordinal)));
            }

            if (!checks[i].Scores.TryAdd(row.Item, (int)row.Score))
            {
                errors.Add(new KamValidationError(Location(row.Source, ActivitiesCsv.Item.Name, "checks"), KamErrorCodes.Duplicate, row.Item, $"item '{row.Item}' is scored twice in the check of account '{row.Account}' on {row.Date:yyyy-MM-dd}{Line(checks[i].Rows[row.Item])}."));
                continue;
            }

            checks[i].Rows[row.Item] = row.Source;
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }

        var built = checks.Select(c => new PartnershipCheck(c.Account, c.Date, c.Scores)).ToArray();
        return (built, satisfaction,
            (i, item) => i < checks.Count ? Location(checks[i].Rows.GetValueOrDefault(item) ?? checks[i].Rows.Values.FirstOrDefault(), item.Length > 0 && checks[i].Rows.ContainsKey(item) ? ActivitiesCsv.Score.Name : ActivitiesCsv.CheckAccount.Name, null) : null,
            i => i < scoreRows.Count ? Location(scoreRows[i], ActivitiesCsv.Score.Name, null) : null);
    }

    /// <summary>Maps a path of the library's health engine (<c>checks[2].scores['delivery']</c>, <c>satisfaction[0].score</c>, <c>promises[1].account</c>) to its row.</summary>
    /// <param name="error">The error.</param>
    /// <param name="checkCell">Locates check <c>i</c>'s item.</param>
    /// <param name="scoreCell">Locates satisfaction score <c>i</c>.</param>
    /// <param name="promises">The promises.</param>
    /// <returns>The located error.</returns>
    public static KamValidationError LocateHealth(KamValidationError error, Func<int, string, string?> checkCell, Func<int, string?> scoreCell, IReadOnlyList<PromiseRecord> promises)
    {
        if (LibraryPaths.Indexed(error.Path, "checks", out var i, out var rest))
        {
            var item = rest.StartsWith(".scores['", StringComparison.Ordinal) ? rest[9..rest.IndexOf("']", StringComparison.Ordinal)] : string.Empty;
            return checkCell(i, item) is { } at ? error with { Path = at, Message = Lower(error.Message) } : error;
        }

        if (LibraryPaths.Indexed(error.Path, "satisfaction", out i, out _))
        {
            return scoreCell(i) is { } at ? error with { Path = at, Message = Lower(error.Message) } : error;
        }

        if (LibraryPaths.Indexed(error.Path, "promises", out i, out rest) && i < promises.Count)
        {
            var column = rest switch { ".due" => ActivitiesCsv.Due.Name, ".made" => ActivitiesCsv.Made.Name, _ => ActivitiesCsv.PromiseAccount.Name };
            return error with { Path = Location(promises[i].Source, column, error.Path), Message = Lower(error.Message) };
        }

        return error;
    }

    /// <summary>Maps a path of the account hierarchy to accounts.csv or organization.json.</summary>
    private static string LocateAccount(string path, IReadOnlyList<PlanAccountRecord> accounts, string organizationFile)
    {
        if (LibraryPaths.Indexed(path, "accounts", out var index, out var rest) && index < accounts.Count)
        {
            var column = rest switch
            {
                ".parent" => AccountHierarchyCsv.ParentId.Name,
                ".owner" => AccountHierarchyCsv.Owner.Name,
                ".unit" => AccountHierarchyCsv.Unit.Name,
                ".territory" => AccountHierarchyCsv.Territory.Name,
                ".level" => AccountHierarchyCsv.Level.Name,
                ".name" => AccountsCsv.Name.Name,
                _ => AccountsCsv.AccountId.Name,
            };
            return accounts[index].Source?.Location(column) ?? path;
        }

        return path.StartsWith("units", StringComparison.Ordinal) || path.StartsWith("people", StringComparison.Ordinal) || path.StartsWith("territories", StringComparison.Ordinal)
            ? $"{organizationFile}:$.{path}"
            : path;
    }

    /// <summary>Maps a path of the buying-center history (<c>events[i].member</c>) to its row of contacts.csv or relationships.csv.</summary>
    private static KamValidationError LocateEvent(KamValidationError error, List<(SourceRow? Row, string Column)> sources)
    {
        if (!LibraryPaths.Indexed(error.Path, "events", out var i, out var rest) || i >= sources.Count || sources[i].Row is not { } row)
        {
            return error;
        }

        var relationship = sources[i].Column == "relationship";
        var column = rest switch
        {
            _ when relationship && rest == ".person" => ContactsCsv.Person.Name,
            _ when relationship && rest == ".strength" => ContactsCsv.Strength.Name,
            _ when relationship && rest == ".date" => ContactsCsv.RelationshipDate.Name,
            _ when relationship => ContactsCsv.RelationshipContact.Name,
            ".account" => ContactsCsv.AccountId.Name,
            ".date" => sources[i].Column == ContactsCsv.LeftOn.Name ? ContactsCsv.LeftOn.Name : ContactsCsv.Date.Name,
            _ when rest.StartsWith(".profile.", StringComparison.Ordinal) => ContactsCsv.ProfileColumn(rest[9..].Split('.', '[')[0]).Name,
            _ => sources[i].Column,
        };
        var value = error.AttemptedValue;
        return error with { Path = row.Location(column), AttemptedValue = value, Message = Lower(error.Message) };
    }

    private static string Location(SourceRow? row, string column, string? fallback) => row?.Location(column) ?? fallback ?? column;

    private static string Line(SourceRow? row) => row is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (line {row.Line})");

    private static string Lower(string message) => message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
