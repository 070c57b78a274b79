using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Tests.Stages;

/// <summary>Hand-checked cases and bad input of the forecast distribution, the learned probabilities and the track record (docs/forecasting.md).</summary>
public sealed class ForecastingTests
{
    private static readonly Currency Cny = Currency.CNY;

    private static ForecastItem Item(string id, decimal value, decimal p, string? group = null) =>
        new(OpportunityId.Parse(id), Money.Of(value, "CNY"), p, group);

    [Fact]
    public void Two_opportunities_give_the_hand_computed_distribution()
    {
        var d = new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution([Item("A", 100m, 0.5m), Item("B", 200m, 0.25m)], Cny);
        Assert.Equal(4, d.Cells);
        Assert.Equal([0.375, 0.375, 0.125, 0.125], Enumerable.Range(0, 4).Select(d.ProbabilityAt));
        Assert.Equal(100m, d.PointForecast.Amount);
        Assert.Equal(100d, d.Mean, 9);
        Assert.Equal(100d, d.StandardDeviation, 9);
        Assert.Equal(0m, d.MeanError.Amount);
        Assert.Equal(0m, d.P10.Amount);
        Assert.Equal(100m, d.P50.Amount);
        Assert.Equal(300m, d.P90.Amount);
        Assert.Equal(0.25, d.ProbabilityOfAtLeast(Money.Of(150m, "CNY")), 12);
        Assert.Equal(0.25, d.ProbabilityOfAtLeast(Money.Of(200m, "CNY")), 12);
        Assert.Equal(1d, d.ProbabilityOfAtLeast(Money.Of(0m, "CNY")));
        Assert.Equal(0d, d.ProbabilityOfAtLeast(Money.Of(301m, "CNY")));
        var spread = d.SpreadContributions;
        Assert.Equal(OpportunityId.Parse("B"), spread[0].Opportunity);
        Assert.Equal(0.75, spread[0].Share, 12);
        Assert.Equal(0.25, spread[1].Share, 12);
        Assert.Equal(50d, spread[1].StandardDeviation, 9);
    }

    [Fact]
    public void A_group_wins_or_loses_together_at_its_value_weighted_probability()
    {
        var d = new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution([Item("A", 100m, 0.5m, "tender"), Item("B", 200m, 0.25m, "tender")], Cny);
        Assert.Equal(1, d.Outcomes);
        Assert.Equal(2d / 3d, d.ProbabilityAt(0), 12);
        Assert.Equal(0d, d.ProbabilityAt(1));
        Assert.Equal(1d / 3d, d.ProbabilityAt(3), 12);
        Assert.Equal(100d, d.Mean, 9);
        var group = Assert.Single(d.SpreadContributions);
        Assert.Equal("tender", group.Group);
        Assert.Null(group.Opportunity);
        Assert.Equal(2, group.Count);
    }

    [Fact]
    public void Rounding_carries_its_remainder_and_reports_the_exact_mean_shift()
    {
        // Sorted by probability: 50 → 0 grains (carry 50), 50+50 → 1 grain, 50 → 0 grains: the total 150 becomes 100.
        var d = new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution([Item("A", 50m, 0.8m), Item("B", 50m, 0.5m), Item("C", 50m, 0.2m)], Cny);
        Assert.Equal(75m, d.PointForecast.Amount);
        Assert.Equal(50d, d.Mean, 9);
        Assert.Equal(-25m, d.MeanError.Amount);
        Assert.True(Math.Abs(d.Mean - (double)d.PointForecast.Amount) <= (double)d.Grain.Amount);
    }

    [Fact]
    public void The_default_grain_is_a_thousandth_of_the_total_and_no_items_is_a_point_at_zero()
    {
        var d = new BookingsForecaster().Distribution([Item("A", 3000m, 0.5m), Item("B", 7000m, 0.5m)], Cny);
        Assert.Equal(10m, d.Grain.Amount);
        Assert.Equal(1001, d.Cells);
        var empty = new BookingsForecaster().Distribution(ReadOnlySpan<ForecastItem>.Empty, Cny);
        Assert.Equal(1, empty.Cells);
        Assert.Equal(0m, empty.P90.Amount);
        Assert.Equal(0d, empty.Mean);
        Assert.Empty(empty.SpreadContributions);
    }

    [Fact]
    public void Bad_items_are_refused_together_with_their_paths_and_values()
    {
        var ex = Assert.Throws<KamValidationException>(() => new BookingsForecaster().Distribution(
            [Item("A", 1m, 1.5m), new ForecastItem(OpportunityId.Parse("B"), Money.Of(1m, "USD"), 0.5m), Item("C", -1m, -0.1m), Item("D", 1m, 0.1m, " ")], Cny));
        Assert.Contains(ex.Errors, e => e.Path == "items[0].probability" && e.AttemptedValue == "150%");
        Assert.Contains(ex.Errors, e => e.Path == "items[1].value" && e.Code == KamErrorCodes.CurrencyMismatch);
        Assert.Contains(ex.Errors, e => e.Path == "items[2].value" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "items[2].probability");
        Assert.Contains(ex.Errors, e => e.Path == "items[3].group");
    }

    [Fact]
    public void A_grid_above_the_limit_is_refused_naming_the_limit()
    {
        var ex = Assert.Throws<KamValidationException>(() => new BookingsForecaster(new DistributionPolicy(grain: 0.001m)).Distribution([Item("A", 10_000m, 0.5m)], Cny));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("grain", error.Path);
        Assert.Equal("0.001", error.AttemptedValue);
        Assert.Contains("4000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_in_another_currency_and_a_bad_level_are_refused()
    {
        var d = new BookingsForecaster().Distribution([Item("A", 100m, 0.5m)], Cny);
        Assert.Equal("target", Assert.Throws<KamValidationException>(() => d.ProbabilityOfAtLeast(Money.Of(1m, "USD"))).Errors[0].Path);
        Assert.Equal("level", Assert.Throws<KamValidationException>(() => d.Percentile(double.NaN)).Errors[0].Path);
        Assert.Equal("level", Assert.Throws<KamValidationException>(() => d.Percentile(0d)).Errors[0].Path);
        Assert.Equal("cell", Assert.Throws<KamValidationException>(() => d.ProbabilityAt(-1)).Errors[0].Path);
    }

    [Fact]
    public void The_policies_validate_and_round_trip_through_json()
    {
        Assert.Equal("resolution", Assert.Throws<KamValidationException>(() => new DistributionPolicy(0)).Errors[0].Path);
        Assert.Equal("grain", Assert.Throws<KamValidationException>(() => new DistributionPolicy(grain: 0m)).Errors[0].Path);
        Assert.Equal("priorStrength", Assert.Throws<KamValidationException>(() => new ShrinkagePolicy(double.NaN)).Errors[0].Path);
        Assert.Equal("stageStrengths", Assert.Throws<KamValidationException>(() => new ShrinkagePolicy(stageStrengths: [1d])).Errors[0].Path);
        Assert.Equal("stageStrengths[2]", Assert.Throws<KamValidationException>(() => new ShrinkagePolicy(stageStrengths: [1, 1, -1, 1, 1, 1, 1, 1])).Errors[0].Path);
        var distribution = new DistributionPolicy(500, 250m);
        Assert.Equal(distribution.ToJson(), DistributionPolicy.FromJson(distribution.ToJson()).ToJson());
        var shrinkage = new ShrinkagePolicy(stageStrengths: [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal([1d, 2, 3, 4, 5, 6, 7, 8], ShrinkagePolicy.FromJson(shrinkage.ToJson()).Strengths);
        Assert.Equal(20d, ShrinkagePolicy.FromJson("{}").Strengths[7]);
        Assert.Equal("$.grain", Assert.Throws<KamValidationException>(() => DistributionPolicy.FromJson("{\"grain\": -5}")).Errors[0].Path);
    }

    /// <summary>Two closed opportunities: one completed stages 1 and 2 and was won (20% at close), one completed stage 1 and was lost (10%).</summary>
    internal static OpportunityState[] TwoClosed() =>
    [
        Closed(new StageScenario("W1").InStage(3), won: true),
        Closed(new StageScenario("L1").InStage(2), won: false),
    ];

    private static OpportunityState Closed(StageScenario s, bool won) =>
        s.Add(at => won ? new OpportunityWon(at, s.Owner) : new OpportunityLost(at, s.Owner, "price")).State;

    [Fact]
    public void Win_rates_brier_and_reliability_of_two_closed_opportunities()
    {
        var states = TwoClosed().Append(new StageScenario("OPEN").InStage(4).State).ToArray();
        var history = WinHistory.Of(states);
        Assert.Equal(2, history.Closed);
        Assert.Equal(1, history.Won);
        var rates = history.WinRates();
        Assert.Equal((2L, 1L), (rates[0].Reached, rates[0].Won));
        Assert.Equal(0.5, rates[0].Rate);
        Assert.Equal(0.094531, rates[0].Low, 6);
        Assert.Equal(0.905469, rates[0].High, 6);
        Assert.Equal((1L, 1L), (rates[1].Reached, rates[1].Won));
        Assert.Null(rates[2].Rate);
        Assert.Equal((0d, 1d), (rates[2].Low, rates[2].High));
        Assert.Equal(0.325, history.Brier!.Value, 12);
        var bands = history.Reliability();
        Assert.Equal(10, bands.Count);
        Assert.Equal((1L, 0L), (bands[1].Count, bands[1].Won));
        Assert.Equal((1L, 1L), (bands[2].Count, bands[2].Won));
        Assert.Equal(0.2, bands[2].MeanPredicted!.Value, 12);
        Assert.Null(bands[5].ObservedRate);
    }

    [Fact]
    public void Learned_probabilities_shrink_toward_the_book_and_become_a_playbook()
    {
        var learned = WinHistory.Of(TwoClosed()).Learn(Playbook.Default.Probabilities);
        Assert.True(learned.HasEvidence);
        Assert.Equal(3d / 22d, learned.Stages[0].Posterior, 12);
        Assert.Equal(5d / 21d, learned.Stages[1].Posterior, 12);
        Assert.Equal(0.25, learned.Stages[2].Posterior, 12);
        Assert.Equal(2d / 22d, learned.Stages[0].EvidenceWeight, 12);
        var table = learned.ToTable();
        Assert.Equal([13.6m, 23.8m, 25m, 30m, 50m, 75m, 90m, 100m], table.Values.Select(v => v.Percent));
        var playbook = learned.ToPlaybook(Playbook.Default);
        Assert.Equal(table, Playbook.FromJson(playbook.ToJson()).Probabilities);
        Assert.Equal(WinProbabilityTable.Default, Playbook.Default.Probabilities);
    }

    [Fact]
    public void Learned_values_that_do_not_rise_are_repaired_to_a_strictly_rising_table()
    {
        // With no prior weight stage 2 takes its observed rate 100% and stage 1 50%; the later stages keep 25%…100%
        // and are raised above 100% → lowered from the top: a strictly rising table ending at 100%.
        var learned = WinHistory.Of(TwoClosed()).Learn(Playbook.Default.Probabilities, new ShrinkagePolicy(0d));
        var values = learned.ToTable().Values.Select(v => v.Percent).ToArray();
        Assert.Equal([50m, 99.4m, 99.5m, 99.6m, 99.7m, 99.8m, 99.9m, 100m], values);
    }

    [Fact]
    public void No_closed_opportunities_is_no_evidence_and_the_prior_unchanged()
    {
        var history = WinHistory.Of([new StageScenario("OPEN").InStage(2).State]);
        Assert.False(history.HasEvidence);
        Assert.Null(history.Brier);
        var learned = history.Learn(Playbook.Default.Probabilities, new ShrinkagePolicy(0d));
        Assert.False(learned.HasEvidence);
        Assert.Same(Playbook.Default.Probabilities, learned.ToTable());
        Assert.All(learned.Stages, s => Assert.Equal((double)s.Prior.Fraction, s.Posterior));
        Assert.Equal("states[0]", Assert.Throws<KamValidationException>(() => WinHistory.Of([OpportunityState.Initial(Playbook.Default)])).Errors[0].Path);
    }

    private static readonly FiscalPeriod Q2 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 5, 1), PeriodKind.Quarter);

    internal static Opportunity[] TrackScenario()
    {
        var march = Instant.FromUtc(2026, 3, 1, 9, 0);
        var a = new StageScenario("A", StageScenario.Alice, 1000m, new LocalDate(2026, 6, 15), march).InStage(2);
        var won = a.Events.Append(new OpportunityWon(Instant.FromUtc(2026, 5, 10, 9, 0), StageScenario.Alice));
        var b = new StageScenario("B", StageScenario.Bob, 2000m, new LocalDate(2026, 5, 20), march, AccountId.Parse("BETA")).InStage(2);
        var moved = b.Events.Append(new ExpectedCloseChanged(Instant.FromUtc(2026, 5, 15, 9, 0), StageScenario.Bob, new LocalDate(2026, 8, 10)));
        return [Opportunity.Replay(Playbook.Default, won), Opportunity.Replay(Playbook.Default, moved)];
    }

    [Fact]
    public void The_track_record_of_a_quarter_at_three_horizons()
    {
        var record = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny).Replay(TrackScenario(), [Q2]);
        Assert.Equal([90, 60, 30], record.Horizons);
        var h90 = Assert.Single(record.Rows(90));
        Assert.Equal((300m, 1000m, -700m), (h90.Forecast.Amount, h90.Booked.Amount, h90.Error.Amount));
        Assert.Equal(0.7, h90.AbsolutePercentageError);
        Assert.Equal(300m, record.Rows(60)[0].Forecast.Amount);
        var h30 = record.Rows(30)[0];
        Assert.Equal((0m, -1000m), (h30.Forecast.Amount, h30.Error.Amount));
        var alice = record.Rows(90, owner: StageScenario.Alice)[0];
        Assert.Equal((100m, 1000m), (alice.Forecast.Amount, alice.Booked.Amount));
        var beta = record.Rows(90, account: AccountId.Parse("BETA"))[0];
        Assert.Equal((200m, 0m), (beta.Forecast.Amount, beta.Booked.Amount));
        Assert.Null(beta.AbsolutePercentageError);
        var score = record.Score(30);
        Assert.Equal((-1000m, 1000m, 1d), (score.Bias.Amount, score.MeanAbsoluteError.Amount, score.Mape!.Value));
        Assert.Null(record.Score(90, owner: StageScenario.Bob).Mape);
        var slip = Assert.Single(record.Slippage());
        Assert.Equal((Q2, 1L, 2000m, 0L), (slip.Period!.Value, slip.SlippedOut, slip.SlippedOutValue.Amount, slip.PulledIn));
        Assert.Equal(StageScenario.Bob, Assert.Single(record.SlippageByOwner()).Owner);
    }

    private static AccountHierarchy TrackHierarchy() => new(
        Kam.Core.Tests.Accounts.AccountsSamples.Organization(),
        [
            new Account(StageScenario.Acme, "Acme", AccountLevel.Group, PersonId.Parse("zhang"), UnitId.Parse("HZ")),
            new Account(AccountId.Parse("BETA"), "Beta", AccountLevel.Group, PersonId.Parse("zhao"), UnitId.Parse("SH-1")),
        ]);

    [Fact]
    public void The_track_record_rolls_accounts_up_to_the_units_that_hold_them()
    {
        // ACME (A: Alice's 1,000 at 10%, won in May) is held by the Hangzhou branch, BETA (B: Bob's 2,000 at 10%, moved out) by the Pudong office.
        var record = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny).Replay(TrackScenario(), [Q2]);
        var hierarchy = TrackHierarchy();
        var hz = Assert.Single(record.UnitRows(90, UnitId.Parse("HZ"), hierarchy));
        Assert.Equal((100m, 1000m, -900m), (hz.Forecast.Amount, hz.Booked.Amount, hz.Error.Amount));
        var sh = Assert.Single(record.UnitRows(90, UnitId.Parse("SH"), hierarchy));
        Assert.Equal((200m, 0m), (sh.Forecast.Amount, sh.Booked.Amount));
        Assert.Equal((0m, 0m), (record.UnitRows(90, UnitId.Parse("NORTH"), hierarchy)[0].Forecast.Amount, record.UnitRows(90, UnitId.Parse("NORTH"), hierarchy)[0].Booked.Amount));

        // A unit above both is the whole record; the score of a unit is the score of its rows.
        var east = record.UnitRows(60, UnitId.Parse("EAST"), hierarchy)[0];
        var all = record.Rows(60)[0];
        Assert.Equal((all.Forecast, all.Booked), (east.Forecast, east.Booked));
        var score = record.UnitScore(30, UnitId.Parse("HZ"), hierarchy);
        Assert.Equal((-1000m, 1d), (score.Bias.Amount, score.Mape!.Value));

        // Merged partitions roll up to the whole's rows.
        var opportunities = TrackScenario();
        var tracker = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny);
        var merged = tracker.Replay(opportunities[..1], [Q2]).Merge(tracker.Replay(opportunities[1..], [Q2]));
        foreach (var horizon in merged.Horizons)
        {
            foreach (var unit in new[] { "HQ", "EAST", "SH", "HZ" })
            {
                var whole = record.UnitRows(horizon, UnitId.Parse(unit), hierarchy)[0];
                var parts = merged.UnitRows(horizon, UnitId.Parse(unit), hierarchy)[0];
                Assert.Equal((whole.Forecast, whole.Booked), (parts.Forecast, parts.Booked));
            }
        }
    }

    [Fact]
    public void The_unit_roll_up_refuses_an_unknown_unit_or_an_account_outside_the_hierarchy()
    {
        var record = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny).Replay(TrackScenario(), [Q2]);
        var hierarchy = TrackHierarchy();
        Assert.Equal("unit", Assert.Throws<KamValidationException>(() => record.UnitRows(90, UnitId.Parse("MARS"), hierarchy)).Errors[0].Path);
        Assert.Equal("horizonDays", Assert.Throws<KamValidationException>(() => record.UnitScore(45, UnitId.Parse("HZ"), hierarchy)).Errors[0].Path);
        var partial = new AccountHierarchy(hierarchy.Organization, [hierarchy.Accounts[0]]);
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => record.UnitRows(90, UnitId.Parse("HZ"), partial)).Errors);
        Assert.Equal(("account", KamErrorCodes.Unknown, "BETA"), (error.Path, error.Code, error.AttemptedValue?.ToString()));
    }

    [Fact]
    public void The_track_record_refuses_bad_queries_and_inputs()
    {
        var tracker = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny);
        var record = tracker.Replay(TrackScenario(), [Q2]);
        Assert.Equal("horizonDays", Assert.Throws<KamValidationException>(() => record.Rows(45)).Errors[0].Path);
        Assert.Equal("account", Assert.Throws<KamValidationException>(() => record.Rows(90, StageScenario.Alice, StageScenario.Acme)).Errors[0].Path);
        Assert.Equal("periods[1]", Assert.Throws<KamValidationException>(() => tracker.Replay(TrackScenario(), [Q2, Q2])).Errors[0].Path);
        Assert.Equal("opportunities[0].value", Assert.Throws<KamValidationException>(() => new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Currency.USD).Replay(TrackScenario(), [Q2])).Errors[0].Path);
        Assert.Equal("horizonDays[1]", Assert.Throws<KamValidationException>(() => new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny, [30, 30])).Errors[0].Path);
        Assert.Equal("horizonDays[0]", Assert.Throws<KamValidationException>(() => new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Cny, [0])).Errors[0].Path);
        Assert.Throws<CurrencyMismatchException>(() => record.Merge(ForecastTrackRecord.Empty(Currency.USD)));
    }
}
