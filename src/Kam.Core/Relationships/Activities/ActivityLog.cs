using System.Globalization;
using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>
/// The log of every interaction with the customers, with the date each account exists from (rule book: accounts, every
/// interaction is logged). It is the input of the contact-standard compliance and of relationship health.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and valid from construction: the log refuses, in one <see cref="KamValidationException"/> listing every
/// problem with its path (<c>activities[4].date</c>) and value, a missing activity; an activity for an account not in
/// <c>accountsSince</c> or dated before the account existed; and, when a <see cref="BuyingCenterHistory"/> is given, a
/// contact not mapped in that account's buying center by the activity's date (<c>unknown</c>) or who had left by then
/// (<c>invalid_state</c>). Nothing the caller passed is changed. Safe to share between threads.
/// </para>
/// <para>Activities are kept by account, then by date, activities of the same date in the order given.</para>
/// </remarks>
public sealed class ActivityLog
{
    private readonly Dictionary<AccountId, int> _index;
    private readonly AccountId[] _accounts;
    private readonly int[] _since;
    private readonly int[] _start;
    private readonly Activity[] _activities;

    /// <summary>Creates the log.</summary>
    /// <param name="activities">The activities, in any order (copied).</param>
    /// <param name="accountsSince">Every account the log may hold, with the date it exists from (copied); accounts without activities are listed too, so their neglect shows.</param>
    /// <param name="contacts">The buying-center history, to check that every contact named exists on the activity's date in that account; <see langword="null"/> to skip that check.</param>
    /// <exception cref="KamValidationException">The log is invalid; every problem is reported.</exception>
    public ActivityLog(IReadOnlyList<Activity> activities, IReadOnlyDictionary<AccountId, LocalDate> accountsSince, BuyingCenterHistory? contacts = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(accountsSince);
        var accounts = accountsSince.Keys.ToArray();
        Array.Sort(accounts);
        _accounts = accounts;
        _index = new Dictionary<AccountId, int>(accounts.Length);
        _since = new int[accounts.Length];
        for (var a = 0; a < accounts.Length; a++)
        {
            _index.Add(accounts[a], a);
            _since[a] = Day(accountsSince[accounts[a]]);
        }

        var known = contacts is null ? null : ContactSpans(contacts);
        var given = activities.ToArray();
        var errors = new ValidationCollector();
        var keys = new long[given.Length];
        var count = new int[accounts.Length + 1];
        for (var i = 0; i < given.Length; i++)
        {
            var e = given[i];
            if (e is null)
            {
                errors.Add(Path(i), KamErrorCodes.Required, null, "An activity is required.");
                continue;
            }

            if (!_index.TryGetValue(e.Account, out var a))
            {
                errors.Add(Path(i) + ".account", KamErrorCodes.Unknown, e.Account, "No account of the log has this identifier.");
                continue;
            }

            var day = Day(e.Date);
            if (day < _since[a])
            {
                errors.Add(Path(i) + ".date", KamErrorCodes.OutOfRange, e.Date, $"Before the account existed (since {ValidationCollector.Render(Date(_since[a]))}).");
            }

            if (known is not null)
            {
                CheckContacts(errors, known, e, Path(i), day);
            }

            keys[i] = ((long)a << 32) | (uint)day;
            count[a + 1]++;
        }

        errors.ThrowIfAny();
        var order = new int[given.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        for (var i = 0; i < keys.Length;)
        {
            var j = i + 1;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(order, i, j - i);
            }

            i = j;
        }

        _start = count;
        for (var a = 0; a < accounts.Length; a++)
        {
            _start[a + 1] += _start[a];
        }

        _activities = new Activity[given.Length];
        Days = new int[given.Length];
        Months = new int[given.Length];
        Kinds = new ActivityKind[given.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var e = _activities[k] = given[order[k]];
            Days[k] = (int)keys[k];
            Months[k] = MonthIndex(e.Date);
            Kinds[k] = e.Kind;
        }

        Activities = Array.AsReadOnly(_activities);
        Accounts = Array.AsReadOnly(accounts);
    }

    /// <summary>Gets every activity, by account (ordinal), then by date, then in the order given.</summary>
    public IReadOnlyList<Activity> Activities { get; }

    /// <summary>Gets every account of the log, ordered by identifier (ordinal).</summary>
    public IReadOnlyList<AccountId> Accounts { get; }

    /// <summary>Gets the day numbers of <see cref="Activities"/> (internal; never handed out).</summary>
    internal int[] Days { get; }

    /// <summary>Gets the month indexes (year × 12 + month − 1) of <see cref="Activities"/> (internal; never handed out).</summary>
    internal int[] Months { get; }

    /// <summary>Gets the kinds of <see cref="Activities"/> (internal; never handed out).</summary>
    internal ActivityKind[] Kinds { get; }

    /// <summary>Tells whether the log holds an account.</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when the account is in the log.</returns>
    public bool Contains(AccountId account) => _index.ContainsKey(account);

    /// <summary>Gets the date an account exists from.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The date.</returns>
    /// <exception cref="KamValidationException">The account is not in the log.</exception>
    public LocalDate Since(AccountId account) => Date(_since[IndexOf(account, "account")]);

    /// <summary>Gets an account's activities, by date.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The activities.</returns>
    /// <exception cref="KamValidationException">The account is not in the log.</exception>
    public IReadOnlyList<Activity> Of(AccountId account)
    {
        var a = IndexOf(account, "account");
        return new ArraySegment<Activity>(_activities, _start[a], _start[a + 1] - _start[a]);
    }

    /// <summary>Gets the date of an account's last activity on or before a date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="date">The date.</param>
    /// <returns>The date of the last contact, or <see langword="null"/> when there was none by then.</returns>
    /// <exception cref="KamValidationException">The account is not in the log.</exception>
    public LocalDate? LastContact(AccountId account, LocalDate date)
    {
        var a = IndexOf(account, "account");
        var k = LastAtOrBefore(a, Day(date));
        return k < 0 ? null : Date(Days[k]);
    }

    /// <summary>Gets the index of an account.</summary>
    internal int IndexOf(AccountId account, string path) =>
        _index.TryGetValue(account, out var a) ? a : throw new KamValidationException(path, KamErrorCodes.Unknown, account.Value, "No account of the log has this identifier.");

    /// <summary>Tries to get the index of an account.</summary>
    internal bool TryIndexOf(AccountId account, out int index) => _index.TryGetValue(account, out index);

    /// <summary>Gets where an account's activities start in the columns.</summary>
    internal int Start(int account) => _start[account];

    /// <summary>Gets where an account's activities end (exclusive) in the columns.</summary>
    internal int End(int account) => _start[account + 1];

    /// <summary>Gets the day number an account exists from.</summary>
    internal int SinceDay(int account) => _since[account];

    /// <summary>Gets the position of an account's last activity on or before a day, or −1.</summary>
    internal int LastAtOrBefore(int account, int day)
    {
        int lo = _start[account], hi = _start[account + 1];
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (Days[mid] <= day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > _start[account] ? lo - 1 : -1;
    }

    /// <summary>Gets the first position of an account's activities on or after a day.</summary>
    internal int FirstAtOrAfter(int account, int day)
    {
        int lo = _start[account], hi = _start[account + 1];
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (Days[mid] < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The day number of a date (days since 0001-01-01).</summary>
    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>The date of a day number.</summary>
    internal static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>The month index of a date: year × 12 + month − 1.</summary>
    internal static int MonthIndex(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static string Path(int i) => string.Create(CultureInfo.InvariantCulture, $"activities[{i}]");

    private static Dictionary<ContactId, (AccountId Account, LocalDate Joined, LocalDate? Left)> ContactSpans(BuyingCenterHistory history)
    {
        var spans = new Dictionary<ContactId, (AccountId, LocalDate, LocalDate?)>();
        foreach (var e in history.Events)
        {
            if (e is ContactJoined joined)
            {
                spans[joined.Contact] = (joined.Account, joined.Date, null);
            }
            else if (e is ContactLeft left && spans.TryGetValue(left.Contact, out var s))
            {
                spans[left.Contact] = (s.Item1, s.Item2, left.Date);
            }
        }

        return spans;
    }

    private static void CheckContacts(ValidationCollector errors, Dictionary<ContactId, (AccountId Account, LocalDate Joined, LocalDate? Left)> known, Activity e, string path, int day)
    {
        for (var c = 0; c < e.Contacts.Count; c++)
        {
            var id = e.Contacts[c];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.contacts[{c}]");
            if (!known.TryGetValue(id, out var span) || span.Account != e.Account)
            {
                errors.Add(at, KamErrorCodes.Unknown, id, $"No contact of account '{e.Account}' has this identifier.");
            }
            else if (Day(span.Joined) > day)
            {
                errors.Add(at, KamErrorCodes.Unknown, id, $"The contact is mapped only from {ValidationCollector.Render(span.Joined)}.");
            }
            else if (span.Left is { } left && Day(left) < day)
            {
                errors.Add(at, KamErrorCodes.InvalidState, id, $"The contact left on {ValidationCollector.Render(left)}.");
            }
        }
    }
}
