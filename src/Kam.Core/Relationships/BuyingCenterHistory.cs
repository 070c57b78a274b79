using System.Globalization;
using Kam.Core.Accounts;
using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>
/// The dated history of the buying centers of any number of accounts and of our relationships with their people; it
/// answers what an account's map looked like on any date by replaying the events up to it (rule book: accounts, the
/// buying center and our coverage).
/// </summary>
/// <remarks>
/// <para>
/// Events are applied in date order; events of the same date in the order given (so a contact can join and be given a
/// boss who joins the same day, listed first). The order in which events of different dates are given does not matter.
/// </para>
/// <para>
/// Immutable and valid from construction: the history refuses, in one <see cref="KamValidationException"/> listing
/// every problem with its path (<c>events[4].profile.reportsTo</c>) and value, a missing event; a contact mapped twice;
/// an event for a contact not mapped on or before its date, or who has left (ending a relationship excepted); a boss
/// or an informal influence line that is the contact itself, unknown at that date, gone, or a contact of another
/// account; a change of boss that closes a cycle in the org chart (named once: <c>A → B → C → A</c>); and, when an
/// <see cref="AccountHierarchy"/> is given, an unknown account or one of our people who is not in its organization.
/// Nothing the caller passed is changed. Safe to share between threads.
/// </para>
/// </remarks>
public sealed class BuyingCenterHistory
{
    private static readonly Dictionary<ContactId, int> NoIndex = [];
    private readonly BuyingCenterEvent[] _events;
    private readonly Dictionary<AccountId, int[]> _byAccount;

    /// <summary>Creates a history.</summary>
    /// <param name="events">The events, in any order of dates (copied).</param>
    /// <param name="hierarchy">The accounts and our organization, to check that every account and every person of ours exists; <see langword="null"/> to skip that check.</param>
    /// <exception cref="KamValidationException">The history is invalid; every problem is reported.</exception>
    public BuyingCenterHistory(IReadOnlyList<BuyingCenterEvent> events, AccountHierarchy? hierarchy = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var given = events.ToArray();
        var errors = new ValidationCollector();
        var present = new List<int>(given.Length);
        for (var i = 0; i < given.Length; i++)
        {
            if (given[i] is null)
            {
                errors.Add(Path(i), KamErrorCodes.Required, null, "An event is required.");
            }
            else
            {
                present.Add(i);
            }
        }

        var order = present.ToArray();
        Array.Sort(order, (a, b) => given[a].Date != given[b].Date ? given[a].Date.CompareTo(given[b].Date) : a.CompareTo(b));
        var state = new Dictionary<ContactId, ContactState>(given.Length);
        foreach (var i in order)
        {
            Validate(errors, state, given[i], Path(i), hierarchy);
        }

        errors.ThrowIfAny();
        _events = new BuyingCenterEvent[order.Length];
        var byAccount = new Dictionary<AccountId, List<int>>();
        for (var k = 0; k < order.Length; k++)
        {
            var e = _events[k] = given[order[k]];
            var account = e is ContactJoined joined ? joined.Account : state[e.Contact].Account;
            if (!byAccount.TryGetValue(account, out var list))
            {
                byAccount.Add(account, list = []);
            }

            list.Add(k);
        }

        _byAccount = byAccount.ToDictionary(p => p.Key, p => p.Value.ToArray());
        var accounts = byAccount.Keys.ToArray();
        Array.Sort(accounts);
        Accounts = Array.AsReadOnly(accounts);
        Events = Array.AsReadOnly(_events);
    }

    /// <summary>Gets the events in the order they are applied: by date, then as given.</summary>
    public IReadOnlyList<BuyingCenterEvent> Events { get; }

    /// <summary>Gets every account the history has an event for, ordered by identifier (ordinal).</summary>
    public IReadOnlyList<AccountId> Accounts { get; }

    /// <summary>Gets one account's buying center as it was at the end of a date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="date">The date; the events of that date are included.</param>
    /// <returns>The map; empty (no contact, no relationship) for an account the history has no event for, or none by that date.</returns>
    public BuyingCenter AsOf(AccountId account, LocalDate date)
    {
        if (!_byAccount.TryGetValue(account, out var positions) || _events[positions[0]].Date > date)
        {
            return new BuyingCenter(account, date, [], [], NoIndex);
        }

        var index = new Dictionary<ContactId, int>();
        var contacts = new List<(ContactId Id, ContactProfile Profile, LocalDate Joined, LocalDate? Left)>();
        var pairs = new Dictionary<(PersonId, ContactId), int>();
        var relationships = new List<(PersonId Person, ContactId Contact, int Strength, LocalDate Since)>();
        foreach (var p in positions)
        {
            var e = _events[p];
            if (e.Date > date)
            {
                break;
            }

            switch (e)
            {
                case ContactJoined joined:
                    index.Add(joined.Contact, contacts.Count);
                    contacts.Add((joined.Contact, joined.Profile, joined.Date, null));
                    break;
                case ContactChanged changed:
                    var c = index[changed.Contact];
                    contacts[c] = contacts[c] with { Profile = changed.Profile };
                    break;
                case ContactLeft left:
                    var l = index[left.Contact];
                    contacts[l] = contacts[l] with { Left = left.Date };
                    break;
                case RelationshipChanged r:
                    if (pairs.TryGetValue((r.Person, r.Contact), out var at))
                    {
                        relationships[at] = (r.Person, r.Contact, r.Strength, r.Date);
                    }
                    else if (r.Strength > 0)
                    {
                        pairs.Add((r.Person, r.Contact), relationships.Count);
                        relationships.Add((r.Person, r.Contact, r.Strength, r.Date));
                    }

                    break;
            }
        }

        var contactArray = new Contact[contacts.Count];
        for (var i = 0; i < contactArray.Length; i++)
        {
            var c = contacts[i];
            contactArray[i] = new Contact(c.Id, account, c.Profile, c.Joined, c.Left);
        }

        var kept = new List<Relationship>(relationships.Count);
        foreach (var r in relationships)
        {
            if (r.Strength > 0)
            {
                kept.Add(new Relationship(r.Person, r.Contact, r.Strength, r.Since));
            }
        }

        return new BuyingCenter(account, date, contactArray, [.. kept], index);
    }

    /// <summary>Gets every account's buying center as it was at the end of a date, in the order of <see cref="Accounts"/>.</summary>
    /// <param name="date">The date; the events of that date are included.</param>
    /// <returns>One map per account (empty for an account whose first event is later).</returns>
    public IReadOnlyList<BuyingCenter> AsOf(LocalDate date)
    {
        var result = new BuyingCenter[Accounts.Count];
        for (var a = 0; a < result.Length; a++)
        {
            result[a] = AsOf(Accounts[a], date);
        }

        return Array.AsReadOnly(result);
    }

    private static string Path(int i) => string.Create(CultureInfo.InvariantCulture, $"events[{i}]");

    private static void Validate(ValidationCollector errors, Dictionary<ContactId, ContactState> state, BuyingCenterEvent e, string path, AccountHierarchy? hierarchy)
    {
        switch (e)
        {
            case ContactJoined joined:
                if (hierarchy is not null && !hierarchy.Contains(joined.Account))
                {
                    errors.Add($"{path}.account", KamErrorCodes.Unknown, joined.Account, "No account of the hierarchy has this identifier.");
                }

                if (state.TryGetValue(joined.Contact, out var existing))
                {
                    errors.Add($"{path}.contact", KamErrorCodes.Duplicate, joined.Contact, $"This contact was already mapped on {ValidationCollector.Render(existing.Joined)} (account '{existing.Account}'); a contact is mapped once.");
                    return;
                }

                var added = new ContactState(joined.Account, joined.Date);
                state.Add(joined.Contact, added);
                ApplyLinks(errors, state, joined.Contact, added, joined.Profile, $"{path}.profile");
                return;
            case ContactChanged changed:
                if (Known(errors, state, changed, path, allowLeft: false) is { } s)
                {
                    ApplyLinks(errors, state, changed.Contact, s, changed.Profile, $"{path}.profile");
                }

                return;
            case ContactLeft left:
                if (Known(errors, state, left, path, allowLeft: false) is { } gone)
                {
                    gone.Left = left.Date;
                }

                return;
            case RelationshipChanged r:
                if (hierarchy is not null && !hierarchy.Organization.Contains(r.Person))
                {
                    errors.Add($"{path}.person", KamErrorCodes.Unknown, r.Person, "No person of our organization has this identifier.");
                }

                _ = Known(errors, state, r, path, allowLeft: r.Strength == 0);
                return;
        }
    }

    private static ContactState? Known(ValidationCollector errors, Dictionary<ContactId, ContactState> state, BuyingCenterEvent e, string path, bool allowLeft)
    {
        if (!state.TryGetValue(e.Contact, out var s))
        {
            errors.Add($"{path}.contact", KamErrorCodes.Unknown, e.Contact, $"No contact with this identifier was mapped on or before {ValidationCollector.Render(e.Date)}.");
            return null;
        }

        if (s.Left is { } left && !allowLeft)
        {
            errors.Add($"{path}.contact", KamErrorCodes.InvalidState, e.Contact, $"This contact left on {ValidationCollector.Render(left)}; only ending a relationship is recorded after that.");
            return null;
        }

        return s;
    }

    /// <summary>Checks the profile's boss and influence lines against the map as it is and applies the boss when it is valid.</summary>
    private static void ApplyLinks(ValidationCollector errors, Dictionary<ContactId, ContactState> state, ContactId self, ContactState s, ContactProfile profile, string path)
    {
        ContactId? boss = null;
        if (profile.ReportsTo is { } r && Link(errors, state, self, s.Account, r, $"{path}.reportsTo") && NoCycle(errors, state, self, r, $"{path}.reportsTo"))
        {
            boss = r;
        }

        s.ReportsTo = boss;
        for (var i = 0; i < profile.Influences.Count; i++)
        {
            _ = Link(errors, state, self, s.Account, profile.Influences[i], string.Create(CultureInfo.InvariantCulture, $"{path}.influences[{i}]"));
        }
    }

    private static bool Link(ValidationCollector errors, Dictionary<ContactId, ContactState> state, ContactId self, AccountId account, ContactId target, string path)
    {
        if (target == self)
        {
            errors.Add(path, KamErrorCodes.InvalidState, target, "A contact cannot report to or influence itself.");
            return false;
        }

        if (!state.TryGetValue(target, out var other))
        {
            errors.Add(path, KamErrorCodes.Unknown, target, "No contact with this identifier is mapped at this date.");
            return false;
        }

        if (other.Account != account)
        {
            errors.Add(path, KamErrorCodes.InvalidState, target, $"This is a contact of account '{other.Account}', not of '{account}'; the org chart and influence lines stay within one account.");
            return false;
        }

        if (other.Left is { } left)
        {
            errors.Add(path, KamErrorCodes.InvalidState, target, $"This contact left on {ValidationCollector.Render(left)}.");
            return false;
        }

        return true;
    }

    /// <summary>Walks up from the new boss; the map before the change has no cycle, so a new one passes through <paramref name="self"/>.</summary>
    private static bool NoCycle(ValidationCollector errors, Dictionary<ContactId, ContactState> state, ContactId self, ContactId boss, string path)
    {
        var chain = new List<ContactId> { self, boss };
        var current = boss;
        while (state[current].ReportsTo is { } next)
        {
            chain.Add(next);
            if (next == self)
            {
                errors.Add(path, KamErrorCodes.InvalidState, boss, "This closes a cycle in the org chart: " + string.Join(" → ", chain) + ".");
                return false;
            }

            current = next;
        }

        return true;
    }

    private sealed class ContactState(AccountId account, LocalDate joined)
    {
        public AccountId Account { get; } = account;

        public LocalDate Joined { get; } = joined;

        public ContactId? ReportsTo { get; set; }

        public LocalDate? Left { get; set; }
    }
}
