using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Progress;
using NodaTime;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// The contracts of the stage types at their edges: a null argument is named, every refusal explains itself in words
/// (a message the user reads, with the values that matter), and orders the docs promise hold. Written against the
/// survivors of a mutation run (docs/mutation-testing.md), each asserting behaviour a caller sees.
/// </summary>
public sealed class StageContractTests
{
    private static readonly Currency Cny = Currency.CNY;
    private static readonly FiscalPeriod Q2 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 5, 1), PeriodKind.Quarter);
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static ForecastTracker Tracker(IEnumerable<int>? horizons = null) => new(StagesOptions.Default, FiscalCalendar.Calendar, Cny, horizons);

    private static void Named(string parameter, Action act) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentNullException>(act).ParamName);

    private static KamValidationError Refused(Action act)
    {
        var error = Assert.Single(Assert.Throws<KamValidationException>(act).Errors);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), $"The error at {error.Path} has no message.");
        return error;
    }

    [Fact]
    public void A_null_argument_is_refused_by_its_name()
    {
        var record = Tracker().Replay(ForecastingTests.TrackScenario(), [Q2]);
        var history = WinHistory.Of([]);
        Named("values", () => _ = new WinProbabilityTable(null!));
        Named("other", () => record.Merge(null!));
        Named("hierarchy", () => record.UnitRows(90, UnitId.Parse("HZ"), null!));
        Named("options", () => _ = new ForecastTracker(null!, FiscalCalendar.Calendar, Cny));
        Named("calendar", () => _ = new ForecastTracker(StagesOptions.Default, null!, Cny));
        Named("opportunities", () => Tracker().Replay(null!, [Q2]));
        Named("periods", () => Tracker().Replay(ForecastingTests.TrackScenario(), null!));
        Named("states", () => WinHistory.Of((IEnumerable<OpportunityState>)null!));
        Named("other", () => history.Merge(null!));
        Named("prior", () => history.Learn(null!));
        Named("playbook", () => history.Learn(Playbook.Default.Probabilities).ToPlaybook(null!));
        Named("playbook", () => Opportunity.Replay(null!, []));
        Named("items", () => new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution((IEnumerable<ForecastItem>)null!, Cny));
    }

    [Fact]
    public void A_currency_mismatch_names_the_operation_refused()
    {
        var record = Tracker().Replay(ForecastingTests.TrackScenario(), [Q2]);
        Assert.Contains("merge forecast track records", Assert.Throws<CurrencyMismatchException>(() => record.Merge(ForecastTrackRecord.Empty(Currency.USD))).Message, StringComparison.Ordinal);

        var usd = new PipelineAnalyzer(StagesOptions.Default, FiscalCalendar.Calendar, Currency.USD);
        var cny = new PipelineAnalyzer(StagesOptions.Default, FiscalCalendar.Calendar, Cny);
        var states = ForecastingTests.TrackScenario().Select(o => o.State).ToArray();
        Assert.Contains("merge deal-control summaries", Assert.Throws<CurrencyMismatchException>(() => cny.Summarize(states, AsOf).Merge(usd.Summarize([], AsOf))).Message, StringComparison.Ordinal);
        Assert.Contains("summarise the pipeline", Assert.Throws<CurrencyMismatchException>(() => usd.Summarize(states, AsOf)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_track_records_queries_explain_a_refusal()
    {
        var record = Tracker().Replay(ForecastingTests.TrackScenario(), [Q2]);
        var horizon = Refused(() => record.Rows(45));
        Assert.Equal(("horizonDays", KamErrorCodes.Unknown, "45"), (horizon.Path, horizon.Code, horizon.AttemptedValue));
        Assert.Equal("This horizon was not measured; the horizons are 90, 60, 30 days.", horizon.Message);
        var both = Refused(() => record.Rows(90, StageScenario.Alice, StageScenario.Acme));
        Assert.Equal(("account", KamErrorCodes.InvalidState, StageScenario.Acme.ToString()), (both.Path, both.Code, both.AttemptedValue));
        Assert.Contains("not both", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tracker_refuses_no_horizon_a_missing_opportunity_and_another_currency()
    {
        var empty = Refused(() => _ = Tracker([]));
        Assert.Equal(("horizonDays", KamErrorCodes.Empty), (empty.Path, empty.Code));

        var opportunities = ForecastingTests.TrackScenario();
        var missing = Refused(() => Tracker().Replay([opportunities[0], null!], [Q2]));
        Assert.Equal(("opportunities[1]", KamErrorCodes.Required), (missing.Path, missing.Code));

        var dollars = Refused(() => new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Currency.USD).Replay(opportunities, [Q2]));
        Assert.Equal(("opportunities[0].value", KamErrorCodes.CurrencyMismatch), (dollars.Path, dollars.Code));
        Assert.Equal("The track record is in USD.", dollars.Message);
    }

    [Fact]
    public void The_track_record_lists_horizons_longest_first_and_periods_owners_accounts_in_order()
    {
        Assert.Equal([90, 60, 30], Tracker([30, 90, 60]).Horizons);
        var q3 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 8, 1), PeriodKind.Quarter);
        var record = Tracker([30, 90, 60]).Replay(ForecastingTests.TrackScenario(), [q3, Q2]);
        Assert.Equal([90, 60, 30], record.Horizons);
        Assert.Equal([Q2, q3], record.Periods);
        Assert.Equal(new[] { StageScenario.Bob, StageScenario.Alice }.Order(), record.Owners);
        Assert.Equal(new[] { AccountId.Parse("BETA"), StageScenario.Acme }.Order(), record.Accounts);
    }

    [Fact]
    public void A_forecast_item_is_made_only_of_an_opened_opportunity()
    {
        var state = ForecastingTests.TrackScenario()[1].State;
        var item = ForecastItem.Of(state, "g");
        Assert.Equal((state.Id, state.Value, state.Probability.Fraction, "g"), (item.Opportunity, item.Value, item.Probability, item.Group));
        var error = Refused(() => ForecastItem.Of(OpportunityState.Initial(Playbook.Default)));
        Assert.Equal(("state", KamErrorCodes.InvalidState), (error.Path, error.Code));
        var history = Refused(() => WinHistory.Of([OpportunityState.Initial(Playbook.Default)]));
        Assert.Equal(("states[0]", KamErrorCodes.InvalidState), (history.Path, history.Code));
    }

    [Fact]
    public void Bad_forecast_items_are_explained()
    {
        var forecaster = new BookingsForecaster(new DistributionPolicy(grain: 100m));
        var errors = Assert.Throws<KamValidationException>(() => forecaster.Distribution(
            [
                new ForecastItem(OpportunityId.Parse("A"), Money.Of(100m, "USD"), 0.5m),
                new ForecastItem(OpportunityId.Parse("B"), Money.Of(-1m, "CNY"), 1.5m, " "),
            ],
            Cny)).Errors;
        Assert.Equal(["items[0].value", "items[1].value", "items[1].probability", "items[1].group"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal("The forecast is in CNY.", errors[0].Message);
        Assert.Equal("150%", errors[2].AttemptedValue);
    }

    [Fact]
    public void A_distribution_explains_a_bad_level_or_target()
    {
        var distribution = new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution(
            [new ForecastItem(OpportunityId.Parse("A"), Money.Of(100m, "CNY"), 0.5m)], Cny);
        var level = Refused(() => distribution.Percentile(1.5));
        Assert.Equal(("level", "1.5"), (level.Path, level.AttemptedValue));
        var target = Refused(() => distribution.ProbabilityOfAtLeast(Money.Of(50m, "USD")));
        Assert.Equal(("target", KamErrorCodes.CurrencyMismatch, "The distribution is in CNY."), (target.Path, target.Code, target.Message));

        // The top percentile is the largest value with any probability: 100, reached half the time; at least 0 is certain.
        Assert.Equal(100m, distribution.Percentile(1d).Amount);
        Assert.Equal(1d, distribution.ProbabilityOfAtLeast(Money.Of(0m, "CNY")));
        Assert.Equal(0.5, distribution.ProbabilityOfAtLeast(Money.Of(100m, "CNY")), 12);
        Assert.Equal(0d, distribution.ProbabilityOfAtLeast(Money.Of(101m, "CNY")));
    }

    [Fact]
    public void The_options_keep_the_parts_they_are_given()
    {
        var playbook = new Playbook(Playbook.Default.Items.Where(i => i.Required));
        var progress = new ProgressPolicy(behindTolerance: 1);
        var options = new StagesOptions(playbook, progress);
        Assert.Same(playbook, options.Playbook);
        Assert.Same(progress, options.Progress);
        Assert.Same(Playbook.Default, new StagesOptions().Playbook);
    }

    [Fact]
    public void The_options_file_round_trips_and_explains_an_unknown_time_zone()
    {
        var options = new StagesOptions(
            new Playbook(Playbook.Default.Items.Where(i => i.Required)),
            new ProgressPolicy(behindTolerance: 2),
            new AnomalyPolicy(maxDaysInStage: 45),
            new ForecastPolicy(PeriodKind.Month),
            DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var back = StagesOptions.FromJson(options.ToJson());
        Assert.Equal(options.Playbook.Items.Select(i => i.Key), back.Playbook.Items.Select(i => i.Key));
        Assert.Equal((2, 45, PeriodKind.Month, "Asia/Shanghai"), (back.Progress.BehindTolerance, back.Anomalies.MaxDaysInStage, back.Forecast.Period, back.TimeZone.Id));
        Assert.Equal(options.ToJson(), back.ToJson());

        var zone = Refused(() => StagesOptions.FromJson("""{ "timeZone": "Mars/Olympus" }"""));
        Assert.Equal(("$.timeZone", KamErrorCodes.Unknown, "Mars/Olympus"), (zone.Path, zone.Code, zone.AttemptedValue));
        Assert.Contains("IANA", zone.Message, StringComparison.Ordinal);

        var errors = Assert.Throws<KamValidationException>(() => StagesOptions.FromJson(
            """{ "progress": { "behindTolerance": 9 }, "anomalies": { "maxDaysInStage": -1 }, "timeZone": "Mars/Olympus" }""")).Errors;
        Assert.Equal(["$.progress.behindTolerance", "$.anomalies.maxDaysInStage", "$.timeZone"], errors.Select(e => e.Path));
    }

    [Fact]
    public void An_undefined_abandon_stage_is_explained()
    {
        var error = Refused(() => _ = new ProgressPolicy(abandonFrom: (ProcurementStage)9));
        Assert.Equal(("abandonFrom", KamErrorCodes.OutOfRange, "9"), (error.Path, error.Code, error.AttemptedValue));
    }

    [Fact]
    public void Playbook_refusals_are_explained_at_their_paths()
    {
        var unknown = Refused(() => _ = Playbook.Default["s9.nothing"]);
        Assert.Equal(("key", KamErrorCodes.Unknown, "s9.nothing"), (unknown.Path, unknown.Code, unknown.AttemptedValue));
        var stage = Refused(() => _ = new PlaybookItem("x", (SalesStage)0, StageItemKind.Milestone, "甲", "A"));
        Assert.Equal(("stage", KamErrorCodes.OutOfRange), (stage.Path, stage.Code));

        var items = Playbook.Default.Items.ToList();
        var first = items[0];
        items.Insert(1, new PlaybookItem(first.Key, first.Stage, first.Kind, first.ChineseName, first.EnglishName));
        items.Insert(2, null!);
        var errors = Assert.Throws<KamValidationException>(() => new Playbook(items)).Errors;
        Assert.Contains(errors, e => e.Path == "items[2]" && e.Code == KamErrorCodes.Required && e.Message.Length > 0);
        Assert.Contains(errors, e => e.Path == "items[1].key" && e.Code == KamErrorCodes.Duplicate);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Eight_stage_strengths_are_required_and_the_error_says_so()
    {
        var error = Refused(() => _ = new ShrinkagePolicy(10d, [1d, 2d]));
        Assert.Equal(("stageStrengths", KamErrorCodes.OutOfRange), (error.Path, error.Code));
    }
    [Fact]
    public void A_track_record_of_no_period_scores_zero_error_and_no_percentage()
    {
        var score = Tracker().Replay(ForecastingTests.TrackScenario(), []).Score(90);
        Assert.Equal((0m, 0m, Cny), (score.Bias.Amount, score.MeanAbsoluteError.Amount, score.Bias.Currency));
        Assert.Null(score.Mape);
    }
}
