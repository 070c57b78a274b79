using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.DealControl;

/// <summary>The standard <see cref="IPipelineAnalyzer"/>: one pass over the opportunities, no allocation per opportunity except for anomalies found.</summary>
/// <remarks>Immutable and thread-safe; one instance serves every thread.</remarks>
public sealed class PipelineAnalyzer : IPipelineAnalyzer
{
    private readonly FiscalCalendar _calendar;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="options">The stages options (immutable and already valid).</param>
    /// <param name="calendar">The fiscal calendar that names the periods of expected close.</param>
    /// <param name="currency">The currency of the pipeline amounts.</param>
    public PipelineAnalyzer(StagesOptions options, FiscalCalendar calendar, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        Options = options;
        _calendar = calendar;
        Currency = currency;
    }

    /// <summary>Creates an analyzer with the default options, calendar-year quarters and the given currency.</summary>
    /// <param name="currency">The currency of the pipeline amounts.</param>
    public PipelineAnalyzer(Currency currency)
        : this(StagesOptions.Default, FiscalCalendar.Calendar, currency)
    {
    }

    /// <inheritdoc />
    public StagesOptions Options { get; }

    /// <summary>Gets the currency of the pipeline amounts.</summary>
    public Currency Currency { get; }

    /// <inheritdoc />
    public ProgressComparison Compare(in OpportunityState state) => Options.Progress.Compare(state);

    /// <inheritdoc />
    public OpportunityProgress Progress(in OpportunityState state, Instant asOf)
    {
        if (!state.IsOpened)
        {
            throw new KamValidationException("state", KamErrorCodes.InvalidState, null, "The opportunity has not been opened.");
        }

        return new OpportunityProgress(
            state.Id,
            state.Account,
            state.Owner,
            state.Status,
            state.Stage,
            state.CompletedStage,
            state.Probability,
            state.Band,
            state.Funnel,
            state.DaysInStage(asOf),
            state.NextRequiredItems,
            state.SkippedStages,
            Compare(state));
    }

    /// <inheritdoc />
    public DealControlSummary Summarize(ReadOnlySpan<OpportunityState> states, Instant asOf)
    {
        var fold = new Fold(this, asOf);
        for (var i = 0; i < states.Length; i++)
        {
            fold.Add(states[i], i);
        }

        return fold.ToSummary();
    }

    /// <inheritdoc />
    public DealControlSummary Summarize(IEnumerable<OpportunityState> states, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(states);
        var fold = new Fold(this, asOf);
        var i = 0;
        foreach (var state in states)
        {
            fold.Add(state, i++);
        }

        return fold.ToSummary();
    }

    /// <summary>The single pass: accumulates cells, closed counts and per-opportunity anomalies.</summary>
    private sealed class Fold(PipelineAnalyzer analyzer, Instant asOf)
    {
        private readonly Dictionary<PipelineKey, PipelineCell> _cells = [];
        private readonly Dictionary<AccountKey, AccountCell> _accountCells = [];
        private readonly ClosedCounts _closed = new();
        private readonly List<PipelineAnomaly> _anomalies = [];
        private readonly LocalDate _today = asOf.InZone(analyzer.Options.TimeZone).Date;
        private readonly AnomalyPolicy _policy = analyzer.Options.Anomalies;
        private readonly ForecastPolicy _forecast = analyzer.Options.Forecast;
        private readonly ProgressPolicy _progress = analyzer.Options.Progress;

        // Consecutive opportunities often close in the same month: remember the last period looked up.
        private LocalDate _lastDate;
        private FiscalPeriod _lastPeriod;
        private bool _hasLast;

        public void Add(in OpportunityState state, int index)
        {
            if (!state.IsOpened)
            {
                throw new KamValidationException(string.Create(CultureInfo.InvariantCulture, $"states[{index}]"), KamErrorCodes.InvalidState, null, "The opportunity has not been opened.");
            }

            var data = state.Data;
            if (data.Value.Currency != analyzer.Currency)
            {
                throw new CurrencyMismatchException(analyzer.Currency, data.Value.Currency, "summarise the pipeline");
            }

            if (data.Status != OpportunityStatus.Open)
            {
                _closed.Add(data);
                return;
            }

            var table = state.Playbook.Probabilities;
            var probability = table.Of(state.CompletedStage);
            var high = data.Stage > data.Completed ? table[(SalesStage)data.Stage] : probability;
            var value = data.Value.Amount;
            var period = PeriodOf(data.ExpectedClose);
            bool commit = probability >= _forecast.CommitFrom, bestCase = high >= _forecast.BestCaseFrom;
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(_cells, new PipelineKey(data.Owner, period, data.Stage), out _);
            cell.Add(value, probability.Fraction, commit, bestCase);
            ref var accountCell = ref CollectionsMarshal.GetValueRefOrAddDefault(_accountCells, new AccountKey(data.Account, period, data.Stage), out _);
            accountCell.Add(data.Id, value, probability.Fraction, commit, bestCase);

            FindAnomalies(state, data, probability);
        }

        public DealControlSummary ToSummary() =>
            new(analyzer.Currency, _policy, _cells, _accountCells, _closed, [.. _anomalies]);

        private void FindAnomalies(in OpportunityState state, in OpportunityData data, Percentage probability)
        {
            var days = state.DaysInStage(asOf);
            if (days > _policy.MaxDaysInStage)
            {
                Report(PipelineAnomalyKind.StuckInStage, data, days);
            }

            if (data.Skipped != 0)
            {
                Report(PipelineAnomalyKind.SkippedStage, data, data.Skipped);
            }

            if (data.Regressions > 0)
            {
                Report(PipelineAnomalyKind.Regression, data, data.Regressions);
            }

            var comparison = _progress.Compare(state);
            switch (comparison.Alignment)
            {
                case ProgressAlignment.Behind:
                    Report(PipelineAnomalyKind.BehindProcurement, data, comparison.Gap);
                    break;
                case ProgressAlignment.Ahead:
                    Report(PipelineAnomalyKind.AheadOfProcurement, data, -comparison.Gap);
                    break;
                case ProgressAlignment.AbandonCandidate:
                    Report(PipelineAnomalyKind.AbandonCandidate, data, data.Procurement);
                    break;
            }

            var daysToClose = Period.DaysBetween(_today, data.ExpectedClose);
            if (daysToClose < 0)
            {
                Report(PipelineAnomalyKind.CloseDatePassed, data, -daysToClose);
            }
            else if (daysToClose <= _policy.NearCloseDays && data.Value.Amount >= _policy.HighValue && probability < _policy.LowProbability)
            {
                Report(PipelineAnomalyKind.HighValueLowProbability, data, daysToClose);
            }
        }

        private void Report(PipelineAnomalyKind kind, in OpportunityData data, long measure) =>
            _anomalies.Add(new PipelineAnomaly(kind, data.Id, data.Owner, measure, data.Account));

        private FiscalPeriod PeriodOf(LocalDate date)
        {
            if (!_hasLast || date.Year != _lastDate.Year || date.Month != _lastDate.Month)
            {
                _lastPeriod = analyzer._calendar.PeriodOf(date, _forecast.Period);
                _lastDate = date;
                _hasLast = true;
            }

            return _lastPeriod;
        }
    }
}
