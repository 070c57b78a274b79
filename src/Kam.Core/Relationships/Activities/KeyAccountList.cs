using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>
/// The key-account list of one calendar year, fixed at the start of the year on a monthly spend threshold, and changed
/// during the year only by explicit changes, each recorded with its date and reason (rule book: accounts, the
/// key-account list is fixed once a year).
/// </summary>
/// <remarks>
/// Immutable: <see cref="With"/> returns a new list with one more recorded change. Valid from construction; every
/// problem is reported at once (<c>changes[1].date</c>: outside the year; <c>changes[2].account</c>: adds an account
/// already on the list). Safe to share between threads.
/// </remarks>
public sealed class KeyAccountList
{
    private readonly HashSet<AccountId> _frozen;

    /// <summary>Freezes the list of a year.</summary>
    /// <param name="year">The calendar year the list holds for, 1 to 9999.</param>
    /// <param name="monthlySpend">Each candidate account's spend a month (in one currency, the same as <paramref name="threshold"/>), not negative (copied).</param>
    /// <param name="threshold">The spend a month from which an account is a key account, above 0; default 3,000.</param>
    /// <param name="changes">The recorded changes during the year, in date order (copied); <see langword="null"/> for none.</param>
    /// <exception cref="KamValidationException">A value is out of range, a change is outside the year or out of date order, adds an account already on the list or removes one that is not; every problem is reported.</exception>
    public KeyAccountList(int year, IReadOnlyDictionary<AccountId, decimal> monthlySpend, decimal threshold = 3000m, IReadOnlyList<KeyAccountListChange>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(monthlySpend);
        var errors = new ValidationCollector();
        errors.InRange("year", year, 1, 9999);
        if (threshold <= 0m)
        {
            errors.Add("threshold", KamErrorCodes.OutOfRange, threshold, "The threshold is above 0.");
        }

        var spend = new SortedDictionary<AccountId, decimal>();
        foreach (var (account, value) in monthlySpend.OrderBy(p => p.Key))
        {
            if (value < 0m)
            {
                errors.Add($"monthlySpend['{account}']", KamErrorCodes.OutOfRange, value, "A spend is not negative.");
            }

            spend.Add(account, value);
        }

        var frozen = spend.Where(p => p.Value >= threshold).Select(p => p.Key).ToArray();
        var members = new HashSet<AccountId>(frozen);
        var list = changes is null ? [] : changes.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"changes[{i}]");
            var c = list[i];
            if (c is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "A change is required.");
                continue;
            }

            if (c.Date.Year != year)
            {
                errors.Add(path + ".date", KamErrorCodes.OutOfRange, c.Date, $"A change of the {year.ToString(CultureInfo.InvariantCulture)} list is dated in that year.");
            }
            else if (i > 0 && list[i - 1] is { } previous && previous.Date > c.Date)
            {
                errors.Add(path + ".date", KamErrorCodes.OutOfOrder, c.Date, "Changes are listed in date order.");
            }

            if (c.Added ? !members.Add(c.Account) : !members.Remove(c.Account))
            {
                errors.Add(path + ".account", KamErrorCodes.InvalidState, c.Account, c.Added ? "The account is already on the list." : "The account is not on the list.");
            }
        }

        errors.ThrowIfAny();
        Year = year;
        Threshold = threshold;
        MonthlySpend = new ReadOnlyDictionary<AccountId, decimal>(spend);
        _frozen = new HashSet<AccountId>(frozen);
        Frozen = Array.AsReadOnly(frozen);
        Changes = Array.AsReadOnly(list);
    }

    /// <summary>Gets the calendar year.</summary>
    public int Year { get; }

    /// <summary>Gets the spend threshold a month.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets the candidate accounts' spend a month, as frozen.</summary>
    public IReadOnlyDictionary<AccountId, decimal> MonthlySpend { get; }

    /// <summary>Gets the accounts on the list when it was frozen, ordered by identifier (ordinal).</summary>
    public IReadOnlyList<AccountId> Frozen { get; }

    /// <summary>Gets the recorded changes, in date order.</summary>
    public IReadOnlyList<KeyAccountListChange> Changes { get; }

    /// <summary>Tells whether an account is a key account on a date of the year: on the frozen list, as changed by the changes dated on or before it.</summary>
    /// <param name="account">The account.</param>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the account is on the list that day.</returns>
    public bool Contains(AccountId account, LocalDate date)
    {
        var on = _frozen.Contains(account);
        foreach (var c in Changes)
        {
            if (c.Date > date)
            {
                break;
            }

            if (c.Account == account)
            {
                on = c.Added;
            }
        }

        return on;
    }

    /// <summary>Gets the key accounts on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The accounts, ordered by identifier (ordinal).</returns>
    public IReadOnlyList<AccountId> MembersOn(LocalDate date)
    {
        var members = new SortedSet<AccountId>(_frozen);
        foreach (var c in Changes)
        {
            if (c.Date > date)
            {
                break;
            }

            _ = c.Added ? members.Add(c.Account) : members.Remove(c.Account);
        }

        return [.. members];
    }

    /// <summary>Records one more change; the list itself is not changed.</summary>
    /// <param name="change">The change, dated on or after the last recorded one.</param>
    /// <returns>A new list with the change recorded.</returns>
    /// <exception cref="KamValidationException">The change is invalid for this list (path <c>changes[n]</c>).</exception>
    public KeyAccountList With(KeyAccountListChange change) => new(Year, MonthlySpend, Threshold, [.. Changes, change]);
}
