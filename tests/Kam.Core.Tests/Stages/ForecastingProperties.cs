using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Tests.Stages;

/// <summary>The laws of the forecast distribution, the learned probabilities and the mergeable track records.</summary>
public sealed class ForecastingProperties
{
    private static readonly Gen<ForecastItem[]> Items =
        from n in Gen.Choose(0, 25)
        from rows in Gen.ArrayOf(
            from value in Gen.Choose(0, 5000)
            from cents in Gen.Choose(0, 99)
            from percent in Gen.Choose(0, 100)
            from grp in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("g1", "g2")))
            select (value, cents, percent, grp), n)
        select rows.Select((r, i) => new ForecastItem(OpportunityId.Parse($"O-{i}"), Money.Of(r.value + (r.cents / 100m), "CNY"), r.percent / 100m, r.grp)).ToArray();

    private static decimal Point(ForecastItem[] items) => items.Sum(i => i.Value.Amount * i.Probability);

    [Property(MaxTest = 100)]
    public Property The_mean_is_the_point_forecast_exactly_when_values_are_multiples_of_the_grain() =>
        Prop.ForAll(Items.ToArbitrary(), items =>
        {
            var whole = items.Select(i => new ForecastItem(i.Opportunity, Money.Of(decimal.Floor(i.Value.Amount), "CNY"), i.Probability, i.Group)).ToArray();
            var d = new BookingsForecaster(new DistributionPolicy(grain: 1m)).Distribution(whole, Currency.CNY);
            var point = (double)Point(whole);
            return d.MeanError.Amount == 0m && Math.Abs(d.Mean - point) <= 1e-9 * Math.Max(1d, point);
        });

    [Property(MaxTest = 100)]
    public Property The_mean_is_within_one_grain_of_the_point_forecast_and_the_shift_is_reported() =>
        Prop.ForAll(Items.ToArbitrary(), Gen.Choose(1, 2000).ToArbitrary(), (items, resolution) =>
        {
            var d = new BookingsForecaster(new DistributionPolicy(resolution)).Distribution(items, Currency.CNY);
            var point = (double)Point(items);
            var tolerance = 1e-9 * Math.Max(1d, point);
            return Math.Abs(d.Mean - point) <= (double)d.Grain.Amount + tolerance
                && Math.Abs(d.Mean - point - (double)d.MeanError.Amount) <= tolerance
                && Math.Abs((double)d.MeanError.Amount) <= (double)d.Grain.Amount;
        });

    [Property(MaxTest = 100)]
    public Property Probabilities_sum_to_one_and_percentiles_are_ordered_and_the_target_probability_falls() =>
        Prop.ForAll(Items.ToArbitrary(), items =>
        {
            var d = new BookingsForecaster().Distribution(items, Currency.CNY);
            var sum = Enumerable.Range(0, d.Cells).Sum(d.ProbabilityAt);
            var probabilities = Enumerable.Range(0, 12).Select(k => d.ProbabilityOfAtLeast(d.Total * (k / 10m))).ToArray();
            return Math.Abs(sum - 1d) < 1e-9
                && Enumerable.Range(0, d.Cells).All(x => d.ProbabilityAt(x) >= 0d && !double.IsNaN(d.ProbabilityAt(x)))
                && d.P10 <= d.P50 && d.P50 <= d.P90
                && probabilities.Zip(probabilities.Skip(1)).All(p => p.Second <= p.First + 1e-12)
                && Math.Abs(d.SpreadContributions.Sum(c => c.Share) - (d.SpreadContributions.Any(c => c.Share > 0) ? 1d : 0d)) < 1e-9;
        });

    /// <summary>A closed or open opportunity: stages completed (0–3), outcome (0 open, 1 won, 2 lost), owner, value, days.</summary>
    private static readonly Gen<(int Completed, int Outcome, int Owner, int Value, int Open, int Close, int Move)> Row =
        from completed in Gen.Choose(0, 3)
        from outcome in Gen.Choose(0, 2)
        from owner in Gen.Choose(0, 2)
        from value in Gen.Choose(0, 100_000)
        from open in Gen.Choose(0, 200)
        from close in Gen.Choose(0, 300)
        from move in Gen.Choose(-120, 120)
        select (completed, outcome, owner, value, open, close, move);

    private static readonly PersonId[] People = [StageScenario.Alice, StageScenario.Bob, StageScenario.Carol];

    private static Opportunity Build((int Completed, int Outcome, int Owner, int Value, int Open, int Close, int Move) r, int i)
    {
        var start = Instant.FromUtc(2025, 10, 1, 9, 0).Plus(Duration.FromDays(r.Open));
        var close = new LocalDate(2025, 10, 1).PlusDays(r.Open + r.Close);
        var s = new StageScenario($"P-{i}", People[r.Owner], r.Value, close, start, AccountId.Parse(r.Owner == 0 ? "ACME" : "BETA"));
        s.InStage(r.Completed + 1);
        if (r.Move != 0)
        {
            s.Add(at => new ExpectedCloseChanged(at, s.Owner, close.PlusDays(r.Move)));
        }

        if (r.Outcome != 0)
        {
            s.Add(at => r.Outcome == 1 ? new OpportunityWon(at, s.Owner) : new OpportunityLost(at, s.Owner));
        }

        return s.Replay();
    }

    private static readonly FiscalPeriod[] Quarters =
        [.. Enumerable.Range(0, 4).Select(k => FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 1, 1).PlusMonths(3 * k), PeriodKind.Quarter))];

    private static string Render(ForecastTrackRecord r) => string.Join(
        "\n",
        r.Horizons.SelectMany(h => r.Rows(h).Select(x => $"{x.Period} {h} {x.Forecast} {x.Booked}"))
            .Concat(r.Owners.SelectMany(o => r.Horizons.SelectMany(h => r.Rows(h, owner: o).Select(x => $"{o} {x.Period} {h} {x.Forecast} {x.Booked}"))))
            .Concat(r.Accounts.SelectMany(a => r.Rows(30, account: a).Select(x => $"{a} {x.Period} {x.Forecast} {x.Booked}")))
            .Concat(r.Slippage().Select(s => $"{s.Period} {s.SlippedOut} {s.SlippedOutValue} {s.PulledIn} {s.PulledInValue}"))
            .Concat(r.SlippageByOwner().Select(s => $"{s.Owner} {s.SlippedOut} {s.SlippedOutValue} {s.PulledIn} {s.PulledInValue}")));

    [Property(MaxTest = 40)]
    public Property Track_records_of_partitions_merge_into_the_whole() =>
        Prop.ForAll(Gen.ListOf(Row).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (rows, cut) =>
        {
            var opportunities = rows.Select(Build).ToArray();
            var split = opportunities.Length * cut / 100;
            var tracker = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Currency.CNY);
            var whole = tracker.Replay(opportunities, Quarters);
            var left = tracker.Replay(opportunities[..split], Quarters);
            var right = tracker.Replay(opportunities[split..], Quarters);
            var merged = Render(left.Merge(right));
            return merged == Render(whole) && merged == Render(right.Merge(left)) && Render(whole.Merge(ForecastTrackRecord.Empty(Currency.CNY))) == Render(whole);
        });

    private static string Render(WinHistory h) => string.Join(
        "\n",
        h.WinRates().Select(r => $"{r.Stage} {r.Reached} {r.Won} {r.Low} {r.High}")
            .Concat(h.Reliability().Select(r => $"{r.From} {r.Count} {r.Won} {r.MeanPredicted}"))
            .Append($"{h.Closed} {h.Won} {h.Brier}"));

    [Property(MaxTest = 40)]
    public Property Win_histories_of_partitions_merge_into_the_whole_and_learning_lies_between_evidence_and_prior() =>
        Prop.ForAll(Gen.ListOf(Row).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (rows, cut, strength) =>
        {
            var states = rows.Select((r, i) => Build(r, i).State).ToArray();
            var split = states.Length * cut / 100;
            var whole = WinHistory.Of(states);
            var merged = WinHistory.Of(states.AsSpan(0, split)).Merge(WinHistory.Of(states.AsSpan(split)));
            var learned = whole.Learn(Playbook.Default.Probabilities, new ShrinkagePolicy(strength));
            var between = learned.Stages.All(s =>
            {
                var prior = (double)s.Prior.Fraction;
                var observed = s.Observed ?? prior;
                return s.Posterior >= Math.Min(prior, observed) - 1e-12 && s.Posterior <= Math.Max(prior, observed) + 1e-12;
            });
            var table = learned.ToTable();
            return Render(merged) == Render(whole) && Render(WinHistory.Empty.Merge(whole)) == Render(whole) && between
                && table.Values.Zip(table.Values.Skip(1)).All(p => p.First < p.Second);
        });
}
