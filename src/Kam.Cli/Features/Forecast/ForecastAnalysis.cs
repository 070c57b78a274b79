using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Shared;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Cli.Features.Forecast;

/// <summary>The distribution of one period's bookings.</summary>
/// <param name="Period">The period of expected close.</param>
/// <param name="Opportunities">The open opportunities expected to close in it, in input order.</param>
/// <param name="Distribution">Their bookings' distribution.</param>
internal sealed record PeriodDistribution(FiscalPeriod Period, IReadOnlyList<ForecastedOpportunity> Opportunities, BookingsDistribution Distribution);

/// <summary>One opportunity replayed for the forecast: the host's record and the engine's opportunity (its events and state).</summary>
/// <param name="Record">The record.</param>
/// <param name="Opportunity">The engine's opportunity, its events up to the as-of day (expected-close moves included).</param>
internal sealed record ForecastedOpportunity(OpportunityRecord Record, Opportunity Opportunity);

/// <summary>What <c>kam forecast</c> computed.</summary>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="AsOf">The as-of day.</param>
/// <param name="Playbook">The playbook (the book's probabilities).</param>
/// <param name="UsesLearned">Whether the distributions use the learned probabilities.</param>
/// <param name="Distributions">The distribution of each period shown, in time order.</param>
/// <param name="Target">The bookings target per period, or <see langword="null"/>.</param>
/// <param name="History">The closed opportunities' evidence (with the book's probabilities).</param>
/// <param name="Learned">The learned probabilities.</param>
/// <param name="Track">The track record of the measured periods.</param>
/// <param name="Hierarchy">The accounts and our organization (<c>--by unit</c>), or <see langword="null"/>.</param>
/// <param name="Opportunities">Every replayed opportunity, in input order.</param>
internal sealed record ForecastResult(
    Currency Currency,
    LocalDate AsOf,
    Playbook Playbook,
    bool UsesLearned,
    IReadOnlyList<PeriodDistribution> Distributions,
    Money? Target,
    WinHistory History,
    LearnedProbabilities Learned,
    ForecastTrackRecord Track,
    AccountHierarchy? Hierarchy,
    IReadOnlyList<ForecastedOpportunity> Opportunities);

/// <summary>Runs the forecasting engines of <c>kam forecast</c>: checks the option values and names the place of every error.</summary>
internal static class ForecastAnalysis
{
    /// <summary>The most periods shown or measured.</summary>
    public const int MaxPeriods = 40;

    /// <summary>Computes the forecast.</summary>
    /// <param name="records">The opportunities of events.csv (or the sample).</param>
    /// <param name="playbook">The playbook.</param>
    /// <param name="asOf">The as-of day, or <see langword="null"/> for the day of the latest event.</param>
    /// <param name="options">The option values as given.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="hierarchy">The accounts and our organization for the unit roll-up, or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">An option value or an input is refused; the error names the option or the cell.</exception>
    public static ForecastResult Run(IReadOnlyList<OpportunityRecord> records, Playbook playbook, LocalDate? asOf, ForecastOptions options, FiscalCalendar calendar, AccountHierarchy? hierarchy)
    {
        var currency = records.Count == 0 ? Currency.CNY : records[0].Value.Currency; // one per file (EventsCsv)
        var (kind, named) = ParsePeriod(options.Period, calendar);
        CheckCount("--periods", options.Periods);
        CheckCount("--history", options.History);
        var target = ParseTarget(options.Target, currency);
        var policy = ParseGrain(options.Grain);
        var horizons = ParseHorizons(options.Horizons);
        var shrinkage = ParseStrength(options.PriorStrength);

        var day = asOf ?? (records.Count == 0 ? LocalDate.FromDateTime(DateTime.UnixEpoch) : records.SelectMany(r => r.Events).Max(e => e.At).InUtc().Date);
        var until = PipelineRun.EndOf(day);
        PipelineReplay.Replay(playbook, records, until); // validates every event, each error located at its cell
        var replayed = Replay(playbook, records, until);
        var history = WinHistory.Of(replayed.Select(o => o.Opportunity.State).ToArray());
        var learned = history.Learn(playbook.Probabilities, shrinkage);
        var forDistribution = options.Learn ? Replay(learned.ToPlaybook(playbook), records, until) : replayed;

        var current = calendar.PeriodOf(day, kind);
        FiscalPeriod[] shown = named is { } one ? [one] : [.. Enumerable.Range(0, options.Periods).Select(i => Shift(current, i))];
        var forecaster = new BookingsForecaster(policy);
        var distributions = new List<PeriodDistribution>(shown.Length);
        foreach (var period in shown)
        {
            var open = forDistribution.Where(o => o.Opportunity.State.Status == OpportunityStatus.Open && calendar.PeriodOf(o.Opportunity.State.ExpectedClose, kind) == period).ToArray();
            BookingsDistribution distribution;
            try
            {
                distribution = forecaster.Distribution(open.Select(o => ForecastItem.Of(o.Opportunity.State)).ToArray().AsSpan(), currency);
            }
            catch (KamValidationException ex) when (ex.Errors[0].Path == "grain")
            {
                throw new KamValidationException("--grain", ex.Errors[0].Code, options.Grain ?? ex.Errors[0].AttemptedValue, $"{period}: {ex.Errors[0].Message.Replace("choose a coarser grain", "give a coarser --grain", StringComparison.Ordinal)}");
            }

            distributions.Add(new PeriodDistribution(period, open, distribution));
        }

        // The closed periods: those that ended by the as-of day (the as-of day's own when it is its last day).
        var lastClosed = current.Interval.End <= day ? current : current.Previous;
        var measured = Enumerable.Range(0, options.History).Select(i => Shift(lastClosed, -i)).Reverse().ToArray();
        var tracker = new ForecastTracker(new StagesOptions(playbook, forecast: new ForecastPolicy(kind)), calendar, currency, horizons);
        var track = tracker.Replay(replayed.Select(o => o.Opportunity), measured);
        if (hierarchy is not null)
        {
            CheckAccounts(hierarchy, replayed);
        }

        return new ForecastResult(currency, day, playbook, options.Learn, distributions, target, history, learned, track, hierarchy, replayed);
    }

    /// <summary>Gets the engine events of a record up to a moment: the opening (with its first row's expected close), then each event, preceded by a move of the expected close when its row gives another one.</summary>
    /// <param name="record">The record.</param>
    /// <param name="until">Events at or after this moment are not yet known.</param>
    /// <returns>The events, oldest first; empty when none is known.</returns>
    public static IReadOnlyList<OpportunityEvent> Events(OpportunityRecord record, Instant until)
    {
        var known = record.Events.TakeWhile(e => e.At < until).ToArray();
        if (known.Length == 0)
        {
            return [];
        }

        var pipeline = PipelineReplay.ToEvents(record).ToArray(); // the opening, then one per event
        var expected = known[0].ExpectedClose ?? record.ExpectedClose;
        var opened = (OpportunityOpened)pipeline[0];
        var events = new List<OpportunityEvent>(known.Length + 2)
        {
            new OpportunityOpened(opened.At, opened.By, record.Id, record.Account, record.Owner, record.Value, expected),
        };
        for (var i = 0; i < known.Length; i++)
        {
            if (known[i].ExpectedClose is { } row && row != expected)
            {
                events.Add(new ExpectedCloseChanged(known[i].At, known[i].Person, row));
                expected = row;
            }

            events.Add(pipeline[i + 1]);
        }

        return events;
    }

    private static ForecastedOpportunity[] Replay(Playbook playbook, IReadOnlyList<OpportunityRecord> records, Instant until)
    {
        var result = new List<ForecastedOpportunity>(records.Count);
        foreach (var record in records)
        {
            var events = Events(record, until);
            if (events.Count > 0)
            {
                result.Add(new ForecastedOpportunity(record, Opportunity.Replay(playbook, events)));
            }
        }

        return [.. result];
    }

    private static FiscalPeriod Shift(FiscalPeriod period, int by)
    {
        for (; by > 0; by--)
        {
            period = period.Next;
        }

        for (; by < 0; by++)
        {
            period = period.Previous;
        }

        return period;
    }

    private static (PeriodKind Kind, FiscalPeriod? Named) ParsePeriod(string text, FiscalCalendar calendar)
    {
        if (CommonOptions.TryParsePeriodKind(text, out var kind))
        {
            return (kind, null);
        }

        try
        {
            var period = calendar.Parse(text);
            return (period.Kind, period);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException("--period", ex.Errors[0].Code, text, $"not a kind of period (month, quarter, half, year) nor a period of the fiscal calendar ({calendar}): {ex.Errors[0].Message}");
        }
    }

    private static void CheckCount(string option, int value)
    {
        if (value is < 1 or > MaxPeriods)
        {
            throw new KamValidationException(option, KamErrorCodes.OutOfRange, value.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"give a number of periods from 1 to {MaxPeriods}."));
        }
    }

    private static Money? ParseTarget(string? text, Currency currency)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        Money target;
        if (decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var plain))
        {
            target = new Money(plain, currency);
        }
        else
        {
            try
            {
                target = Money.Parse(trimmed);
            }
            catch (KamValidationException)
            {
                throw new KamValidationException("--target", KamErrorCodes.InvalidFormat, text, $"not an amount: give 5000000 (in the events' currency, {currency}) or 5000000 {currency}.");
            }
        }

        if (target.Currency != currency)
        {
            throw new KamValidationException("--target", KamErrorCodes.CurrencyMismatch, text, $"the opportunities are in {currency}; give the target in {currency}.");
        }

        return target.Amount < 0m
            ? throw new KamValidationException("--target", KamErrorCodes.OutOfRange, text, "a target is an amount of bookings, zero or more.")
            : target;
    }

    private static DistributionPolicy? ParseGrain(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var grain) || grain <= 0m)
        {
            throw new KamValidationException("--grain", KamErrorCodes.OutOfRange, text, "the grain is an amount of money above zero per cell of the grid (e.g. 5000).");
        }

        return new DistributionPolicy(grain: grain);
    }

    private static int[] ParseHorizons(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var horizons = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out horizons[i]) || horizons[i] < 1 || horizons[i] > 3660)
            {
                throw new KamValidationException("--horizons", KamErrorCodes.InvalidFormat, text, $"'{parts[i]}' is not a number of days: give whole days from 1 to 3660, separated by commas (90,60,30).");
            }
        }

        if (horizons.Distinct().Count() != horizons.Length)
        {
            throw new KamValidationException("--horizons", KamErrorCodes.Duplicate, text, "a horizon is repeated: give each number of days once.");
        }

        return horizons;
    }

    private static ShrinkagePolicy? ParseStrength(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var strength) || !double.IsFinite(strength) || strength < 0d || strength > 1_000_000d)
        {
            throw new KamValidationException("--prior-strength", KamErrorCodes.OutOfRange, text, "the prior strength is a number of closed opportunities from 0 to 1,000,000 (default 20).");
        }

        return new ShrinkagePolicy(strength);
    }

    // Every account of events.csv needs a unit for the roll-up: name the first row of each unknown one.
    private static void CheckAccounts(AccountHierarchy hierarchy, IReadOnlyList<ForecastedOpportunity> opportunities) =>
        EventAccounts.RequireKnown(opportunities.Select(o => o.Record), hierarchy.Contains, "so it has no unit for --by unit");
}
