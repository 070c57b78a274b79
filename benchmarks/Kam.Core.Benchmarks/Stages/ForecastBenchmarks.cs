using BenchmarkDotNet.Attributes;
using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Benchmarks.Stages;

/// <summary>
/// Forecasting at scale (docs/forecasting.md): the bookings distribution of 100,000 open opportunities at a grain of
/// 1/1000 of the total (goal: under 200 ms); calibration and learned probabilities over 1,000,000 closed opportunities
/// (goal: under 1 s); the accuracy replay at three horizons over 1,000,000 opportunities × 20 events (goal: under 3 s).
/// </summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private const int Open = 100_000;
    private const int Histories = 1_000_000;
    private const int EventsPerOpportunity = 20;
    private static readonly Instant T0 = Instant.FromUtc(2025, 10, 1, 9, 0);

    private readonly Playbook _playbook = Playbook.Default;
    private readonly BookingsForecaster _forecaster = new();
    private ForecastItem[] _items = [];
    private OpportunityState[] _closed = [];
    private Opportunity[] _opportunities = [];
    private FiscalPeriod[] _quarters = [];
    private ForecastTracker _tracker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var table = _playbook.Probabilities.Values;
        _items = new ForecastItem[Open];
        for (var i = 0; i < Open; i++)
        {
            var p = random.Next(0, 10) == 0 ? 0m : table[random.Next(0, 7)].Fraction;
            _items[i] = new ForecastItem(OpportunityId.Parse($"OPP-{i:000000}"), new Money(random.Next(10_000, 5_000_000), Currency.CNY), p, i % 50 == 0 ? $"T-{i % 500}" : null);
        }

        var people = Enumerable.Range(1, 50).Select(i => PersonId.Parse($"rep-{i:00}")).ToArray();
        var templates = Enumerable.Range(0, 512).Select(_ => Template(random, people[0])).ToArray();
        _opportunities = new Opportunity[Histories];
        _closed = new OpportunityState[Histories];
        for (var i = 0; i < Histories; i++)
        {
            var owner = people[random.Next(people.Length)];
            var start = T0.Plus(Duration.FromDays(random.Next(0, 180)));
            var opened = new OpportunityOpened(start, owner, OpportunityId.Parse($"OPP-{i:0000000}"), AccountId.Parse($"ACC-{i % 20_000:00000}"), owner, new Money(random.Next(10_000, 5_000_000), Currency.CNY), new LocalDate(2026, 1, 1).PlusDays(random.Next(0, 365)));
            var template = templates[random.Next(templates.Length)];
            var shift = start - T0;
            var events = new OpportunityEvent[template.Length + 1];
            events[0] = opened;
            for (var k = 0; k < template.Length; k++)
            {
                events[k + 1] = template[k](shift);
            }

            _opportunities[i] = Opportunity.Replay(_playbook, events);
            _closed[i] = _opportunities[i].State;
        }

        _quarters = [.. Enumerable.Range(0, 4).Select(k => FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 1, 1).PlusMonths(3 * k), PeriodKind.Quarter))];
        _tracker = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Currency.CNY);
    }

    [Benchmark(Description = "Bookings distribution of 100,000 open opportunities, grain 1/1000 of the total, P10/P50/P90, P(target)")]
    public double Distribution()
    {
        var d = _forecaster.Distribution(_items, Currency.CNY);
        return d.P10.Amount > d.P90.Amount ? -1 : d.ProbabilityOfAtLeast(d.PointForecast) + (double)d.P50.Amount;
    }

    [Benchmark(Description = "Win rates, Brier, reliability and learned probabilities over 1,000,000 closed opportunities")]
    public double CalibrationAndLearning()
    {
        var history = WinHistory.Of(_closed);
        var learned = history.Learn(_playbook.Probabilities);
        return history.Brier!.Value + history.Reliability().Count + history.WinRates().Count + learned.ToTable().Values.Count;
    }

    [Benchmark(Description = "Accuracy replay at 90/60/30 days of 4 quarters over 1,000,000 opportunities x 20 events, with slippage")]
    public int AccuracyReplay()
    {
        var record = _tracker.Replay(_opportunities, _quarters);
        return record.Rows(30).Count + record.Slippage().Count + record.SlippageByOwner().Count;
    }

    /// <summary>Twenty events (the opening added by the caller): stage work, value and date changes, and an outcome (won or lost), shifted to the opening.</summary>
    private Func<Duration, OpportunityEvent>[] Template(Random random, PersonId by)
    {
        var events = new List<Func<Duration, OpportunityEvent>>();
        var at = T0;
        var target = random.Next(0, 9);
        void Add(Func<Instant, OpportunityEvent> make)
        {
            at = at.Plus(Duration.FromDays(random.Next(1, 6)));
            var when = at;
            events.Add(shift => make(when.Plus(shift)));
        }

        for (var stage = 1; stage <= target && events.Count < EventsPerOpportunity - 4; stage++)
        {
            foreach (var item in _playbook.ItemsOf((SalesStage)stage, StageItemKind.Milestone))
            {
                Add(t => new MilestoneItemDone(t, by, item.Key));
            }

            foreach (var item in _playbook.ItemsOf((SalesStage)stage, StageItemKind.SuccessCriterion))
            {
                Add(t => new SuccessItemMet(t, by, item.Key));
            }
        }

        while (events.Count < EventsPerOpportunity - 3)
        {
            var value = random.Next(10_000, 5_000_000);
            Add(t => new ValueChanged(t, by, new Money(value, Currency.CNY)));
        }

        if (events.Count > EventsPerOpportunity - 3)
        {
            events.RemoveRange(EventsPerOpportunity - 3, events.Count - (EventsPerOpportunity - 3));
        }

        var close = new LocalDate(2026, 1, 1).PlusDays(random.Next(0, 365));
        Add(t => new ExpectedCloseChanged(t, by, close));
        var outcome = random.Next(0, 4);
        Add(t => new ExpectedCloseChanged(t, by, close.PlusDays(45)));
        Add(t => outcome switch
        {
            0 or 1 => new OpportunityWon(t, by),
            _ => new OpportunityLost(t, by, "price"),
        });
        return [.. events];
    }
}
