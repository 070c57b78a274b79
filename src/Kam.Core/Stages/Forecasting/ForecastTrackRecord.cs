using System.Globalization;
using Kam.Core.Accounts;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// The track record of the forecasts: for each measured period and horizon, the forecast that would have been made
/// against what was booked (in total, per owner, per account), its error, bias and MAPE; and the slippage of expected
/// closes. Made by <see cref="ForecastTracker.Replay"/>.
/// </summary>
/// <remarks>
/// <para>
/// Error = forecast − booked (positive: the forecast was too high). Bias = the mean error over the measured periods;
/// MAPE = the mean of |error| / booked over the periods with bookings (a period with nothing booked has no percentage
/// error and is left out of the MAPE, not of the bias).
/// </para>
/// <para>
/// A monoid over disjoint sets of opportunities: <see cref="Empty"/> and <see cref="Merge"/> add the decimal sums
/// exactly, and the measured periods and horizons are united, so partitions replayed apart merge into the whole's
/// record. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ForecastTrackRecord
{
    // Horizon 0 holds what was booked.
    private readonly Dictionary<(FiscalPeriod Period, int Horizon, PersonId Owner), decimal> _owners;
    private readonly Dictionary<(FiscalPeriod Period, int Horizon, AccountId Account), decimal> _accounts;
    private readonly Dictionary<FiscalPeriod, SlipCell> _slips;
    private readonly Dictionary<PersonId, SlipCell> _ownerSlips;
    private readonly FiscalPeriod[] _periods;
    private readonly int[] _horizons;

    internal ForecastTrackRecord(
        Currency currency,
        FiscalPeriod[] periods,
        int[] horizons,
        Dictionary<(FiscalPeriod, int, PersonId), decimal> owners,
        Dictionary<(FiscalPeriod, int, AccountId), decimal> accounts,
        Dictionary<FiscalPeriod, SlipCell> slips,
        Dictionary<PersonId, SlipCell> ownerSlips)
    {
        Currency = currency;
        _periods = [.. periods.Distinct().Order()];
        _horizons = [.. horizons.Distinct().OrderDescending()];
        _owners = owners;
        _accounts = accounts;
        _slips = slips;
        _ownerSlips = ownerSlips;
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the measured periods, in time order.</summary>
    public IReadOnlyList<FiscalPeriod> Periods => _periods;

    /// <summary>Gets the horizons in days, longest first.</summary>
    public IReadOnlyList<int> Horizons => _horizons;

    /// <summary>Gets the owners with a forecast or a booking in a measured period, in identifier order.</summary>
    public IReadOnlyList<PersonId> Owners => [.. _owners.Keys.Select(k => k.Owner).Distinct().Order()];

    /// <summary>Gets the accounts with a forecast or a booking in a measured period, in identifier order.</summary>
    public IReadOnlyList<AccountId> Accounts => [.. _accounts.Keys.Select(k => k.Account).Distinct().Order()];

    /// <summary>Gets the record of no opportunities: the identity of <see cref="Merge"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An empty record.</returns>
    public static ForecastTrackRecord Empty(Currency currency) => new(currency, [], [], [], [], [], []);

    /// <summary>Combines this record with that of a disjoint set of opportunities.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>The record of both; neither changes.</returns>
    /// <exception cref="CurrencyMismatchException">The records are in different currencies.</exception>
    public ForecastTrackRecord Merge(ForecastTrackRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, "merge forecast track records");
        }

        return new ForecastTrackRecord(
            Currency,
            [.. _periods, .. other._periods],
            [.. _horizons, .. other._horizons],
            Sum(_owners, other._owners),
            Sum(_accounts, other._accounts),
            SumSlips(_slips, other._slips),
            SumSlips(_ownerSlips, other._ownerSlips));

        static Dictionary<TKey, decimal> Sum<TKey>(Dictionary<TKey, decimal> a, Dictionary<TKey, decimal> b)
            where TKey : notnull
        {
            var result = new Dictionary<TKey, decimal>(a);
            foreach (var (key, value) in b)
            {
                result[key] = result.GetValueOrDefault(key) + value;
            }

            return result;
        }

        static Dictionary<TKey, SlipCell> SumSlips<TKey>(Dictionary<TKey, SlipCell> a, Dictionary<TKey, SlipCell> b)
            where TKey : notnull
        {
            var result = new Dictionary<TKey, SlipCell>(a);
            foreach (var (key, value) in b)
            {
                var cell = result.GetValueOrDefault(key);
                cell.Add(value);
                result[key] = cell;
            }

            return result;
        }
    }

    /// <summary>Gets the forecast at one horizon against what was booked, for every measured period.</summary>
    /// <param name="horizonDays">One of <see cref="Horizons"/>.</param>
    /// <param name="owner">Only this owner's forecasts and bookings, or null.</param>
    /// <param name="account">Only this account's, or null (not together with an owner).</param>
    /// <returns>One row per measured period, in time order.</returns>
    /// <exception cref="KamValidationException">The horizon was not measured (path <c>horizonDays</c>), or both an owner and an account are given (path <c>account</c>).</exception>
    public IReadOnlyList<AccuracyRow> Rows(int horizonDays, PersonId? owner = null, AccountId? account = null)
    {
        CheckQuery(horizonDays, owner, account);
        var rows = new AccuracyRow[_periods.Length];
        for (var i = 0; i < _periods.Length; i++)
        {
            var period = _periods[i];
            rows[i] = new AccuracyRow(period, horizonDays, new Money(Value(period, horizonDays, owner, account), Currency), new Money(Value(period, 0, owner, account), Currency));
        }

        return rows;
    }

    /// <summary>Gets the scores of the forecasts at one horizon over the measured periods: bias, mean absolute error and MAPE.</summary>
    /// <param name="horizonDays">One of <see cref="Horizons"/>.</param>
    /// <param name="owner">Only this owner's, or null.</param>
    /// <param name="account">Only this account's, or null (not together with an owner).</param>
    /// <returns>The score.</returns>
    /// <exception cref="KamValidationException">As for <see cref="Rows"/>.</exception>
    public AccuracyScore Score(int horizonDays, PersonId? owner = null, AccountId? account = null) =>
        new(horizonDays, Rows(horizonDays, owner, account), Currency);

    /// <summary>
    /// Gets the forecast at one horizon against what was booked, for every measured period, of the accounts a unit of
    /// our organization holds (the unit and every unit below it): the account rows rolled up through the hierarchy.
    /// </summary>
    /// <remarks>
    /// The roll-up reads the per-account sums, so it merges like the rest of the record: the rows of a merged record
    /// are the sums of the parts' rows. An account belongs to the unit that holds it in <paramref name="hierarchy"/> now
    /// (not at the cut).
    /// </remarks>
    /// <param name="horizonDays">One of <see cref="Horizons"/>.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="hierarchy">The accounts and our organization; it must hold every account of the record.</param>
    /// <returns>One row per measured period, in time order.</returns>
    /// <exception cref="KamValidationException">
    /// The horizon was not measured (path <c>horizonDays</c>), the unit is not in the organization (path <c>unit</c>),
    /// or an account of the record is not in the hierarchy (path <c>account</c>, <see cref="KamErrorCodes.Unknown"/>, every such account listed).
    /// </exception>
    public IReadOnlyList<AccuracyRow> UnitRows(int horizonDays, UnitId unit, AccountHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        CheckQuery(horizonDays, null, null);
        var unitIndex = hierarchy.Organization.IndexOf(unit);
        var within = new Dictionary<AccountId, bool>();
        var errors = new ValidationCollector();
        foreach (var account in Accounts)
        {
            if (hierarchy.TryIndexOf(account, out var index))
            {
                within[account] = hierarchy.IsWithin(index, unitIndex);
            }
            else
            {
                errors.Add("account", KamErrorCodes.Unknown, account.Value, "An account of the track record is not in the hierarchy; every account needs a unit.");
            }
        }

        errors.ThrowIfAny();
        var forecast = new decimal[_periods.Length];
        var booked = new decimal[_periods.Length];
        var position = new Dictionary<FiscalPeriod, int>(_periods.Length);
        for (var i = 0; i < _periods.Length; i++)
        {
            position[_periods[i]] = i;
        }

        foreach (var (key, value) in _accounts)
        {
            if ((key.Horizon == horizonDays || key.Horizon == 0) && within[key.Account] && position.TryGetValue(key.Period, out var p))
            {
                if (key.Horizon == 0)
                {
                    booked[p] += value;
                }
                else
                {
                    forecast[p] += value;
                }
            }
        }

        var rows = new AccuracyRow[_periods.Length];
        for (var i = 0; i < _periods.Length; i++)
        {
            rows[i] = new AccuracyRow(_periods[i], horizonDays, new Money(forecast[i], Currency), new Money(booked[i], Currency));
        }

        return rows;
    }

    /// <summary>Gets the scores of the forecasts at one horizon over the measured periods of the accounts a unit holds (the unit and the units below it).</summary>
    /// <param name="horizonDays">One of <see cref="Horizons"/>.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="hierarchy">The accounts and our organization; it must hold every account of the record.</param>
    /// <returns>The score.</returns>
    /// <exception cref="KamValidationException">As for <see cref="UnitRows"/>.</exception>
    public AccuracyScore UnitScore(int horizonDays, UnitId unit, AccountHierarchy hierarchy) =>
        new(horizonDays, UnitRows(horizonDays, unit, hierarchy), Currency);

    /// <summary>Gets the slippage of each period with moves: expected closes moved out of it to a later period, and into it from a later one.</summary>
    /// <returns>One row per period, in time order.</returns>
    public IReadOnlyList<SlippageRow> Slippage() =>
        [.. _slips.OrderBy(s => s.Key).Select(s => new SlippageRow(s.Key, null, s.Value, Currency))];

    /// <summary>Gets the slippage by owner: the owners who slip most first (value slipped out, then count, then identifier).</summary>
    /// <returns>One row per owner with moves.</returns>
    public IReadOnlyList<SlippageRow> SlippageByOwner() =>
        [.. _ownerSlips.OrderByDescending(s => s.Value.OutValue).ThenByDescending(s => s.Value.OutCount).ThenBy(s => s.Key).Select(s => new SlippageRow(null, s.Key, s.Value, Currency))];

    private decimal Value(FiscalPeriod period, int horizon, PersonId? owner, AccountId? account)
    {
        if (owner is { } o)
        {
            return _owners.GetValueOrDefault((period, horizon, o));
        }

        if (account is { } a)
        {
            return _accounts.GetValueOrDefault((period, horizon, a));
        }

        var sum = 0m;
        foreach (var (key, value) in _owners)
        {
            if (key.Horizon == horizon && key.Period == period)
            {
                sum += value;
            }
        }

        return sum;
    }

    private void CheckQuery(int horizonDays, PersonId? owner, AccountId? account)
    {
        if (Array.IndexOf(_horizons, horizonDays) < 0)
        {
            throw new KamValidationException("horizonDays", KamErrorCodes.Unknown, horizonDays.ToString(CultureInfo.InvariantCulture), "This horizon was not measured; the horizons are " + string.Join(", ", _horizons) + " days.");
        }

        if (owner is not null && account is not null)
        {
            throw new KamValidationException("account", KamErrorCodes.InvalidState, account.Value.ToString(), "Give an owner or an account, not both.");
        }
    }
}
