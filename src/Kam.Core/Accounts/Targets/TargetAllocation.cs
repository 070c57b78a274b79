namespace Kam.Core.Accounts.Targets;

/// <summary>
/// The result of a top-down allocation: one target's amount split among accounts and, for each account, among the
/// months of the period. Every part is a whole number of the currency's minor unit; the accounts' parts add up to
/// <see cref="Total"/> exactly, and each account's months add up to its part exactly.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Each account's part is stored in minor units; its month parts are a
/// function of that part and the seasonality, and are worked out when read (a division and a table look-up), so an
/// allocation of a million accounts keeps 16 MB rather than the 64 MB or more that storing every month would take.
/// </remarks>
public sealed class TargetAllocation
{
    private readonly AccountId[] _accounts;
    private readonly long[] _accountUnits;
    private readonly MonthSplitter? _splitter;
    private readonly FiscalPeriod[] _months;
    private readonly byte _scale;
    private readonly Lazy<Dictionary<AccountId, int>> _index;

    /// <summary>Creates the allocation from the accounts' parts in minor units and the split of a part among the months (<see langword="null"/> only when every part is zero and the months' seasonality weights are all zero).</summary>
    internal TargetAllocation(Money total, FiscalPeriod period, FiscalPeriod[] months, AccountId[] accounts, long[] accountUnits, MonthSplitter? splitter)
    {
        Total = total;
        Period = period;
        _months = months;
        _accounts = accounts;
        _accountUnits = accountUnits;
        _splitter = splitter;
        _scale = (byte)total.Currency.MinorUnits;
        Months = Array.AsReadOnly(months);
        Accounts = Array.AsReadOnly(accounts);
        _index = new Lazy<Dictionary<AccountId, int>>(() =>
        {
            var index = new Dictionary<AccountId, int>(_accounts.Length);
            for (var i = 0; i < _accounts.Length; i++)
            {
                index.Add(_accounts[i], i);
            }

            return index;
        });
    }

    /// <summary>Gets the amount that was allocated.</summary>
    public Money Total { get; }

    /// <summary>Gets the period the amount is for.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the months of <see cref="Period"/>, in order.</summary>
    public IReadOnlyList<FiscalPeriod> Months { get; }

    /// <summary>Gets the accounts, in the order they were given.</summary>
    public IReadOnlyList<AccountId> Accounts { get; }

    /// <summary>Gets an account's part of the total.</summary>
    /// <param name="accountIndex">The account's position in <see cref="Accounts"/>.</param>
    /// <returns>The part.</returns>
    public Money AccountTotal(int accountIndex) => ToMoney(_accountUnits[accountIndex]);

    /// <summary>Gets an account's part of the total.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The part.</returns>
    /// <exception cref="KamValidationException">The account is not part of the allocation.</exception>
    public Money AccountTotal(AccountId account) => AccountTotal(IndexOf(account));

    /// <summary>Gets an account's part for one month.</summary>
    /// <param name="accountIndex">The account's position in <see cref="Accounts"/>.</param>
    /// <param name="monthIndex">The month's position in <see cref="Months"/>.</param>
    /// <returns>The part.</returns>
    public Money Amount(int accountIndex, int monthIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(monthIndex, _months.Length);
        var units = _accountUnits[accountIndex];
        return ToMoney(_splitter is null ? 0 : _splitter.Part(units, monthIndex));
    }

    /// <summary>Gets an account's part for one month.</summary>
    /// <param name="account">The account.</param>
    /// <param name="month">One of <see cref="Months"/>.</param>
    /// <returns>The part.</returns>
    /// <exception cref="KamValidationException">The account is not part of the allocation, or the month is not one of <see cref="Months"/>.</exception>
    public Money Amount(AccountId account, FiscalPeriod month)
    {
        var m = Array.IndexOf(_months, month);
        return m < 0
            ? throw new KamValidationException("month", KamErrorCodes.Unknown, month.ToString(), $"Not a month of {Period}.")
            : Amount(IndexOf(account), m);
    }

    /// <summary>Gets the sum of every account's part for one month.</summary>
    /// <param name="monthIndex">The month's position in <see cref="Months"/>.</param>
    /// <returns>The month's total.</returns>
    public Money MonthTotal(int monthIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(monthIndex, _months.Length);
        var total = 0L;
        if (_splitter is not null)
        {
            foreach (var units in _accountUnits)
            {
                total += _splitter.Part(units, monthIndex);
            }
        }

        return ToMoney(total);
    }

    /// <summary>
    /// Gets the allocation as targets of a money measure, ready for a <see cref="TargetPlan"/>: one per account and
    /// month, or one per account for the whole period.
    /// </summary>
    /// <param name="measure">The measure's key.</param>
    /// <param name="byMonth"><see langword="true"/> for account × month targets, <see langword="false"/> for one target per account for <see cref="Period"/>.</param>
    /// <returns>The targets, by account in the order given, then by month.</returns>
    public IReadOnlyList<Target> ToTargets(string measure, bool byMonth = true)
    {
        var result = new List<Target>(byMonth ? _accounts.Length * _months.Length : _accounts.Length);
        Span<long> parts = stackalloc long[_months.Length];
        for (var i = 0; i < _accounts.Length; i++)
        {
            var subject = TargetSubject.ForAccount(_accounts[i]);
            if (!byMonth)
            {
                result.Add(new Target(subject, measure, Period, AccountTotal(i)));
                continue;
            }

            parts.Clear();
            _splitter?.Split(_accountUnits[i], parts);
            for (var m = 0; m < _months.Length; m++)
            {
                result.Add(new Target(subject, measure, _months[m], ToMoney(parts[m])));
            }
        }

        return result;
    }

    private int IndexOf(AccountId account) =>
        _index.Value.TryGetValue(account, out var index) ? index : throw new KamValidationException("account", KamErrorCodes.Unknown, account.Value, "The account is not part of this allocation.");

    private Money ToMoney(long units) => new(new decimal((int)units, (int)(units >> 32), 0, false, _scale), Total.Currency);
}
