using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// Forecast accuracy over time and slippage: replays each opportunity's events (the stage machine's own
/// <see cref="OpportunityState.Apply"/>) to find the forecast that would have been made at fixed horizons before each
/// period's end, against what was booked; and the expected-close moves out of and into periods.
/// </summary>
/// <remarks>
/// <para>
/// The forecast of a period at horizon h is the point forecast Σ value × earned probability over the opportunities
/// that were open at the cut — the start of the day h days before the day after the period's last day, in the
/// options' time zone (events before that instant count) — and expected to close in the period. What was booked is
/// the value of the opportunities won in the period (the day of the win in the options' time zone), attributed to the
/// owner and account at the win; a forecast to the owner and account at the cut.
/// </para>
/// <para>
/// A slip is an <see cref="ExpectedCloseChanged"/> that moves an open opportunity's expected close into a later
/// period (out of the earlier one); a pull-in moves it into an earlier period. Periods are those of the options'
/// <see cref="DealControl.ForecastPolicy.Period"/> kind. Each move counts once, with the value at the move.
/// </para>
/// <para>Immutable and thread-safe; the results of partitions <see cref="ForecastTrackRecord.Merge"/> into the whole's.</para>
/// </remarks>
public sealed class ForecastTracker
{
    private readonly FiscalCalendar _calendar;
    private readonly int[] _horizons;

    /// <summary>Creates a tracker.</summary>
    /// <param name="options">The stages options (time zone, the kind of period of the slippage view).</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="currency">The currency of every value.</param>
    /// <param name="horizonDays">The horizons in days before a period's end, each 1 to 3,660 and distinct; null for 90, 60 and 30.</param>
    /// <exception cref="KamValidationException">A horizon is out of range or repeated (path <c>horizonDays[i]</c>), or none is given (path <c>horizonDays</c>).</exception>
    public ForecastTracker(StagesOptions options, FiscalCalendar calendar, Currency currency, IEnumerable<int>? horizonDays = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var horizons = horizonDays?.ToArray() ?? [90, 60, 30];
        var errors = new ValidationCollector();
        if (horizons.Length == 0)
        {
            errors.Add("horizonDays", KamErrorCodes.Empty, null, "Give at least one horizon.");
        }

        for (var i = 0; i < horizons.Length; i++)
        {
            errors.InRange(string.Create(CultureInfo.InvariantCulture, $"horizonDays[{i}]"), horizons[i], 1, 3660);
        }

        errors.Distinct(i => string.Create(CultureInfo.InvariantCulture, $"horizonDays[{i}]"), horizons);
        errors.ThrowIfAny();
        Options = options;
        _calendar = calendar;
        Currency = currency;
        _horizons = [.. horizons.OrderDescending()];
    }

    /// <summary>Gets the options.</summary>
    public StagesOptions Options { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the horizons in days, longest first.</summary>
    public IReadOnlyList<int> Horizons => _horizons;

    /// <summary>Replays the opportunities and measures the forecasts of some periods and the slippage.</summary>
    /// <param name="opportunities">The opportunities with their event histories; none is changed.</param>
    /// <param name="periods">The periods whose forecasts to measure (usually closed periods); distinct.</param>
    /// <returns>The track record.</returns>
    /// <exception cref="KamValidationException">
    /// A period is repeated (path <c>periods[i]</c>), an opportunity is missing (<c>opportunities[i]</c>) or in another
    /// currency (<c>opportunities[i].value</c>, <see cref="KamErrorCodes.CurrencyMismatch"/>).
    /// </exception>
    public ForecastTrackRecord Replay(IEnumerable<Opportunity> opportunities, IReadOnlyList<FiscalPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(periods);
        var errors = new ValidationCollector();
        errors.Distinct(i => string.Create(CultureInfo.InvariantCulture, $"periods[{i}]"), periods);
        errors.ThrowIfAny();

        var fold = new Fold(this, periods);
        var index = 0;
        foreach (var opportunity in opportunities)
        {
            if (opportunity is null)
            {
                throw new KamValidationException(string.Create(CultureInfo.InvariantCulture, $"opportunities[{index}]"), KamErrorCodes.Required, null, "An opportunity is required.");
            }

            fold.Add(opportunity, index++);
        }

        return fold.ToRecord();
    }

    private readonly record struct Cut(Instant At, int Period, int Horizon);

    /// <summary>The single pass over every opportunity's events.</summary>
    private sealed class Fold
    {
        private readonly ForecastTracker _tracker;
        private readonly FiscalPeriod[] _periods;
        private readonly LocalDate[] _starts;
        private readonly LocalDate[] _ends;
        private readonly Cut[] _cuts;
        private readonly Dictionary<PersonId, decimal>[] _ownerForecast;
        private readonly Dictionary<AccountId, decimal>[] _accountForecast;
        private readonly Dictionary<PersonId, decimal>[] _ownerActual;
        private readonly Dictionary<AccountId, decimal>[] _accountActual;
        private readonly Dictionary<FiscalPeriod, SlipCell> _slips = [];
        private readonly Dictionary<PersonId, SlipCell> _ownerSlips = [];
        private readonly DateTimeZone _zone;
        private readonly PeriodKind _kind;

        public Fold(ForecastTracker tracker, IReadOnlyList<FiscalPeriod> periods)
        {
            _tracker = tracker;
            _zone = tracker.Options.TimeZone;
            _kind = tracker.Options.Forecast.Period;
            _periods = [.. periods];
            _starts = [.. _periods.Select(p => p.Interval.Start)];
            _ends = [.. _periods.Select(p => p.Interval.End)];
            var horizons = tracker._horizons;
            var cuts = new List<Cut>(_periods.Length * horizons.Length);
            for (var p = 0; p < _periods.Length; p++)
            {
                for (var h = 0; h < horizons.Length; h++)
                {
                    var day = _ends[p].PlusDays(1 - horizons[h]);
                    cuts.Add(new Cut(day.AtStartOfDayInZone(_zone).ToInstant(), p, h));
                }
            }

            _cuts = [.. cuts.OrderBy(c => c.At).ThenBy(c => c.Period).ThenBy(c => c.Horizon)];
            _ownerForecast = [.. Enumerable.Range(0, _cuts.Length).Select(_ => new Dictionary<PersonId, decimal>())];
            _accountForecast = [.. Enumerable.Range(0, _cuts.Length).Select(_ => new Dictionary<AccountId, decimal>())];
            _ownerActual = [.. _periods.Select(_ => new Dictionary<PersonId, decimal>())];
            _accountActual = [.. _periods.Select(_ => new Dictionary<AccountId, decimal>())];
        }

        public void Add(Opportunity opportunity, int index)
        {
            if (opportunity.State.Value.Currency != _tracker.Currency)
            {
                throw new KamValidationException(
                    string.Create(CultureInfo.InvariantCulture, $"opportunities[{index}].value"),
                    KamErrorCodes.CurrencyMismatch,
                    opportunity.State.Value.ToString(null, CultureInfo.InvariantCulture),
                    $"The track record is in {_tracker.Currency}.");
            }

            var events = opportunity.Events;
            var state = OpportunityState.Initial(opportunity.Playbook);
            var c = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                while (c < _cuts.Length && _cuts[c].At <= e.At)
                {
                    Record(state, c++);
                }

                var before = state;
                state = state.Apply(e);
                if (e is ExpectedCloseChanged && before.IsOpened && before.ExpectedClose != state.ExpectedClose)
                {
                    Slip(before, state.ExpectedClose);
                }
            }

            while (c < _cuts.Length)
            {
                Record(state, c++);
            }

            if (state.Status == OpportunityStatus.Won)
            {
                var day = state.ClosedAt!.Value.InZone(_zone).Date;
                for (var p = 0; p < _periods.Length; p++)
                {
                    if (day >= _starts[p] && day <= _ends[p])
                    {
                        var value = state.Value.Amount;
                        CollectionsMarshal.GetValueRefOrAddDefault(_ownerActual[p], state.Owner, out _) += value;
                        CollectionsMarshal.GetValueRefOrAddDefault(_accountActual[p], state.Account, out _) += value;
                    }
                }
            }
        }

        public ForecastTrackRecord ToRecord()
        {
            var owners = new Dictionary<(FiscalPeriod, int, PersonId), decimal>();
            var accounts = new Dictionary<(FiscalPeriod, int, AccountId), decimal>();
            for (var c = 0; c < _cuts.Length; c++)
            {
                var period = _periods[_cuts[c].Period];
                var horizon = _tracker._horizons[_cuts[c].Horizon];
                foreach (var (owner, value) in _ownerForecast[c])
                {
                    owners[(period, horizon, owner)] = value;
                }

                foreach (var (account, value) in _accountForecast[c])
                {
                    accounts[(period, horizon, account)] = value;
                }
            }

            for (var p = 0; p < _periods.Length; p++)
            {
                foreach (var (owner, value) in _ownerActual[p])
                {
                    owners[(_periods[p], 0, owner)] = value;
                }

                foreach (var (account, value) in _accountActual[p])
                {
                    accounts[(_periods[p], 0, account)] = value;
                }
            }

            return new ForecastTrackRecord(_tracker.Currency, [.. _periods], [.. _tracker._horizons], owners, accounts, new(_slips), new(_ownerSlips));
        }

        private void Record(in OpportunityState state, int c)
        {
            if (!state.IsOpened || state.Status != OpportunityStatus.Open)
            {
                return;
            }

            var p = _cuts[c].Period;
            var close = state.ExpectedClose;
            if (close < _starts[p] || close > _ends[p])
            {
                return;
            }

            var weighted = state.Value.Amount * state.Probability.Fraction;
            CollectionsMarshal.GetValueRefOrAddDefault(_ownerForecast[c], state.Owner, out _) += weighted;
            CollectionsMarshal.GetValueRefOrAddDefault(_accountForecast[c], state.Account, out _) += weighted;
        }

        private void Slip(in OpportunityState before, LocalDate after)
        {
            var from = _tracker._calendar.PeriodOf(before.ExpectedClose, _kind);
            var to = _tracker._calendar.PeriodOf(after, _kind);
            if (from == to)
            {
                return;
            }

            var value = before.Value.Amount;
            if (to > from)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_slips, from, out _).AddOut(value);
                CollectionsMarshal.GetValueRefOrAddDefault(_ownerSlips, before.Owner, out _).AddOut(value);
            }
            else
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_slips, to, out _).AddIn(value);
                CollectionsMarshal.GetValueRefOrAddDefault(_ownerSlips, before.Owner, out _).AddIn(value);
            }
        }
    }
}

/// <summary>Counts and values of expected-close moves out of and into a period (or by one owner).</summary>
internal struct SlipCell
{
    public long OutCount;
    public decimal OutValue;
    public long InCount;
    public decimal InValue;

    public void AddOut(decimal value)
    {
        OutCount++;
        OutValue += value;
    }

    public void AddIn(decimal value)
    {
        InCount++;
        InValue += value;
    }

    public void Add(in SlipCell other)
    {
        OutCount += other.OutCount;
        OutValue += other.OutValue;
        InCount += other.InCount;
        InValue += other.InValue;
    }
}
