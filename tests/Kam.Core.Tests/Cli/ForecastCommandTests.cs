using System.Globalization;
using System.Text.Json;
using Kam.Cli.Features.Forecast;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Tests.Cli;

/// <summary>End-to-end runs of <c>kam forecast</c> on the sample <c>kam init --sample</c> writes, checked against the library called directly, and its refusals.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private const string Header = "opportunity_id,account_id,owner,value,currency,expected_close,at,kind,stage,item,person,reason";

    private readonly TempFolder _temp = new();
    private readonly string _events;

    public ForecastCommandTests()
    {
        Assert.Equal(0, CliHarness.Run("init", _temp.Path, "--sample").Exit);
        _events = _temp.File("events.csv");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_forecast_agrees_with_kam_pipeline_and_with_the_library()
    {
        var (exit, output, error) = CliHarness.Run("forecast", _events, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        // The library, called directly on the same opportunities (the CLI's mapping of events.csv to engine events).
        var records = EventsCsv.Read(_events);
        var asOf = records.SelectMany(r => r.Events).Max(e => e.At).InUtc().Date;
        var until = asOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var opportunities = records.Select(r => ForecastAnalysis.Events(r, until)).Where(e => e.Count > 0).Select(e => Opportunity.Replay(Playbook.Default, e)).ToArray();
        var calendar = new FiscalCalendar(1);
        var current = calendar.PeriodOf(asOf, PeriodKind.Quarter);

        // The distribution: four quarters from the as-of day's; the mean is kam pipeline's weighted forecast of the period.
        using var pipeline = JsonDocument.Parse(CliHarness.Run("pipeline", _events, "--format", "json").Out);
        var rows = root.GetProperty("distribution").EnumerateArray().ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal(current.ToString(), rows[0].GetProperty("period").GetString());
        var withOpen = 0;
        foreach (var row in rows)
        {
            var period = row.GetProperty("period").GetString()!;
            var open = opportunities.Where(o => o.State.Status == OpportunityStatus.Open && calendar.PeriodOf(o.State.ExpectedClose, PeriodKind.Quarter).ToString() == period).ToArray();
            Assert.Equal(open.Length, row.GetProperty("open").GetInt32());
            if (open.Length == 0)
            {
                continue;
            }

            withOpen++;
            var distribution = new BookingsForecaster().Distribution(open.Select(o => ForecastItem.Of(o.State)), Currency.CNY);
            Assert.Equal(distribution.PointForecast.Amount, row.GetProperty("mean").GetDecimal());
            Assert.Equal(distribution.P10.Amount, row.GetProperty("p10").GetDecimal());
            Assert.Equal(distribution.P50.Amount, row.GetProperty("p50").GetDecimal());
            Assert.Equal(distribution.P90.Amount, row.GetProperty("p90").GetDecimal());
            Assert.True(distribution.P10.Amount <= distribution.P50.Amount && distribution.P50.Amount <= distribution.P90.Amount);
            var weighted = Assert.Single(pipeline.RootElement.GetProperty("forecast").EnumerateArray(), f => f.GetProperty("period").GetString() == period).GetProperty("weighted").GetDecimal();
            Assert.Equal(weighted, row.GetProperty("mean").GetDecimal());
        }

        Assert.True(withOpen >= 3, "the sample has open opportunities in the coming quarters");

        // Calibration: the sample's closed opportunities give evidence; Brier score and win rates as the library's.
        var history = WinHistory.Of(opportunities.Select(o => o.State));
        Assert.True(history.Closed > 50);
        var calibration = Assert.Single(root.GetProperty("calibration").EnumerateArray());
        Assert.Equal("yes", calibration.GetProperty("evidence").GetString());
        Assert.Equal(history.Closed, calibration.GetProperty("closed").GetInt64());
        Assert.Equal(Math.Round(history.Brier!.Value, 4), calibration.GetProperty("brier").GetDouble());
        var stage1 = root.GetProperty("win_rates")[0];
        var learned = history.Learn(Playbook.Default.Probabilities).ToTable();
        Assert.Equal(history.WinRates()[0].Reached, stage1.GetProperty("reached").GetInt64());
        Assert.Equal(learned.Values[0].Percent, stage1.GetProperty("learned_pct").GetDecimal());
        Assert.Equal(10, root.GetProperty("reliability").GetArrayLength());

        // Accuracy: the last four quarters that ended by the as-of day, at 90, 60 and 30 days, as the tracker replays them.
        var lastClosed = current.Interval.End <= asOf ? current : current.Previous;
        var measured = Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, i).Aggregate(lastClosed, (p, _) => p.Previous)).Reverse().ToArray();
        var track = new ForecastTracker(StagesOptions.Default, calendar, Currency.CNY).Replay(opportunities, measured);
        var accuracy = root.GetProperty("accuracy").EnumerateArray().ToArray();
        Assert.Equal(12, accuracy.Length);
        foreach (var horizon in new[] { 90, 60, 30 })
        {
            foreach (var expected in track.Rows(horizon))
            {
                var row = Assert.Single(accuracy, a => a.GetProperty("period").GetString() == expected.Period.ToString() && a.GetProperty("horizon_days").GetInt32() == horizon);
                Assert.Equal((expected.Forecast.Amount, expected.Booked.Amount, expected.Error.Amount), (row.GetProperty("forecast").GetDecimal(), row.GetProperty("booked").GetDecimal(), row.GetProperty("error").GetDecimal()));
            }
        }

        Assert.Contains(accuracy, a => a.GetProperty("booked").GetDecimal() > 0m);
        var all30 = Assert.Single(root.GetProperty("accuracy_scores").EnumerateArray(), s => s.GetProperty("by").GetString() == "all" && s.GetProperty("horizon_days").GetInt32() == 30);
        Assert.Equal(decimal.Round(track.Score(30).Bias.Amount, 2), all30.GetProperty("bias").GetDecimal());

        // The sample's re-estimates show as slippage and pull-ins, and the owners who slip most come first.
        var slippage = root.GetProperty("slippage").EnumerateArray().ToArray();
        Assert.Equal(track.Slippage().Count, slippage.Length);
        Assert.Contains(slippage, s => s.GetProperty("slipped_out").GetInt64() > 0);
        Assert.Contains(slippage, s => s.GetProperty("pulled_in").GetInt64() > 0);
        var owners = root.GetProperty("slippage_by_owner").EnumerateArray().Select(s => s.GetProperty("slipped_out_value").GetDecimal()).ToArray();
        Assert.Equal(owners.OrderDescending(), owners);
    }

    [Fact]
    public void A_target_gives_the_chance_of_reaching_it_and_it_falls_as_the_target_rises()
    {
        var low = Json("--period", "FY2026-Q3", "--target", "1000000");
        var high = Json("--period", "FY2026-Q3", "--target", "50000000 CNY");
        var lowRow = Assert.Single(low.GetProperty("distribution").EnumerateArray());
        var highRow = Assert.Single(high.GetProperty("distribution").EnumerateArray());
        Assert.Equal("FY2026-Q3", lowRow.GetProperty("period").GetString());
        Assert.Equal(1_000_000m, lowRow.GetProperty("target").GetDecimal());
        Assert.True(lowRow.GetProperty("p_target_pct").GetDecimal() > highRow.GetProperty("p_target_pct").GetDecimal());
        Assert.InRange(highRow.GetProperty("p_target_pct").GetDecimal(), 0m, 100m);
        Assert.Equal(JsonValueKind.Null, Json().GetProperty("distribution")[0].GetProperty("p_target_pct").ValueKind);
    }

    [Fact]
    public void By_unit_rolls_the_accuracy_up_through_the_organization()
    {
        var organization = _temp.File("organization.json");
        var accounts = _temp.File("accounts.csv");
        var root = Json("--by", "unit", "--organization", organization, "--accounts", accounts);
        var scores = root.GetProperty("accuracy_scores").EnumerateArray().ToArray();
        var units = scores.Where(s => s.GetProperty("by").GetString() == "unit").ToArray();
        Assert.NotEmpty(units);

        // The top unit holds every account: its scores are the scores of everything.
        var org = Organization.FromJson(File.ReadAllText(organization));
        var topUnit = org.Units.Single(u => u.Parent is null).Id.Value;
        foreach (var horizon in new[] { 90, 60, 30 })
        {
            var all = Assert.Single(scores, s => s.GetProperty("by").GetString() == "all" && s.GetProperty("horizon_days").GetInt32() == horizon);
            var top = Assert.Single(units, s => s.GetProperty("subject").GetString() == topUnit && s.GetProperty("horizon_days").GetInt32() == horizon);
            Assert.Equal(all.GetProperty("bias").GetDecimal(), top.GetProperty("bias").GetDecimal());
            Assert.Equal(all.GetProperty("mae").GetDecimal(), top.GetProperty("mae").GetDecimal());
        }

        Assert.Equal(1, CliHarness.Run("forecast", _events, "--by", "unit").Exit);
        Assert.Contains(Json("--by", "account").GetProperty("accuracy_scores").EnumerateArray(), s => s.GetProperty("by").GetString() == "account");
    }

    [Fact]
    public void Csv_table_and_json_carry_every_table()
    {
        string[] names = ["distribution", "spread", "calibration", "win_rates", "reliability", "accuracy", "accuracy_scores", "slippage", "slippage_by_owner"];
        var csv = CliHarness.Run("forecast", _events, "--format", "csv");
        Assert.Equal(0, csv.Exit);
        foreach (var name in names)
        {
            Assert.Contains("#" + name + "\n", csv.Out, StringComparison.Ordinal);
        }

        Assert.Contains("period,open,value,mean,std_dev,p10,p50,p90,target,p_target_pct,grain\n", csv.Out, StringComparison.Ordinal);
        var root = Json();
        Assert.Equal(names, root.EnumerateObject().Select(p => p.Name).ToArray());
        var table = CliHarness.Run("forecast", _events);
        Assert.Equal(0, table.Exit);
        Assert.Contains("Bookings by period of expected close as a distribution", table.Out, StringComparison.Ordinal);
        Assert.Contains("Stage probabilities against history", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_fan_chart_the_reliability_diagram_and_the_accuracy_chart_each_explained()
    {
        var report = _temp.File("forecast.html");
        var (exit, _, error) = CliHarness.Run("forecast", _events, "--target", "8000000", "--out", report);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var html = File.ReadAllText(report);
        Assert.Contains("data-chart=\"fan\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"reliability\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("<polygon class=\"fan-band\"", html, StringComparison.Ordinal);
        Assert.Contains("target 8M", html, StringComparison.Ordinal);
        Assert.Contains("<circle class=\"reliability-point\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"reference\"", html, StringComparison.Ordinal);
        foreach (var text in new[] { ForecastViews.FanText, ForecastViews.ReliabilityText, ForecastViews.AccuracyText })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html, StringComparison.Ordinal);
        }

        foreach (var id in new[] { "forecast-range", "forecast-calibration", "forecast-accuracy" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Learn_out_writes_the_learned_playbook_and_learn_uses_it()
    {
        var learned = _temp.File("learned-playbook.json");
        Assert.Equal(0, CliHarness.Run("forecast", _events, "--learn-out", learned).Exit);
        var playbook = Playbook.FromJson(File.ReadAllText(learned));
        var root = Json();
        var table = root.GetProperty("win_rates").EnumerateArray().Select(r => r.GetProperty("learned_pct").GetDecimal()).ToArray();
        Assert.Equal(table, playbook.Probabilities.Values.Select(v => v.Percent).ToArray());
        Assert.Equal(Playbook.Default.Items.Count, playbook.Items.Count);

        // --learn is the same as --playbook with the learned file, for the distribution.
        var withLearn = Json("--learn").GetProperty("distribution").GetRawText();
        var withFile = Json("--playbook", learned).GetProperty("distribution").GetRawText();
        Assert.Equal(withFile, withLearn.Replace("; learned probabilities", string.Empty, StringComparison.Ordinal));
        Assert.NotEqual(root.GetProperty("distribution").GetRawText(), withLearn);
    }

    [Fact]
    public void A_history_without_closed_opportunities_is_no_evidence_and_keeps_the_playbook()
    {
        // OP-1 completes stage 1 (10%), OP-2 only enters it (0%): both open.
        var rows = new List<string> { Header };
        var day = 1;
        foreach (var item in Playbook.Default.ItemsOf(SalesStage.AccountPlanning, StageItemKind.Milestone).Where(i => i.Required))
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"OP-1,C1,S01,1000000,CNY,2026-09-30,2026-06-{day++:00}T09:00:00Z,milestone,1,{item.Key},,"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"OP-2,C2,S02,500000,CNY,2026-08-15,2026-06-{day++:00}T09:00:00Z,milestone,1,{item.Key},,"));
        }

        foreach (var item in Playbook.Default.ItemsOf(SalesStage.AccountPlanning, StageItemKind.SuccessCriterion).Where(i => i.Required))
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"OP-1,C1,S01,1000000,CNY,2026-09-30,2026-06-{day++:00}T09:00:00Z,success,1,{item.Key},,"));
        }

        var open = _temp.Write("open.csv", string.Join('\n', rows) + "\n");
        var learned = _temp.File("none.json");
        var (exit, output, error) = CliHarness.Run("forecast", open, "--format", "json", "--learn-out", learned);
        Assert.Equal(0, exit);
        Assert.Contains("no evidence", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var calibration = Assert.Single(json.RootElement.GetProperty("calibration").EnumerateArray());
        Assert.Equal("none", calibration.GetProperty("evidence").GetString());
        Assert.Equal(JsonValueKind.Null, calibration.GetProperty("brier").ValueKind);
        Assert.Contains("no evidence", calibration.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(Playbook.Default.Probabilities.Values, Playbook.FromJson(File.ReadAllText(learned)).Probabilities.Values);

        // OP-1 (1,000,000 at 10%) and OP-2 (nothing earned) in FY2026-Q3: nothing with 90%, 1,000,000 with 10%, so
        // P90 is 0 (bookings exceed it with 10%), the mean 100,000 and P(≥ 1) = 10%.
        var q3 = json.RootElement.GetProperty("distribution")[1];
        Assert.Equal(("FY2026-Q3", 2, 100_000m, 0m, 0m), (q3.GetProperty("period").GetString(), q3.GetProperty("open").GetInt32(), q3.GetProperty("mean").GetDecimal(), q3.GetProperty("p10").GetDecimal(), q3.GetProperty("p90").GetDecimal()));
        using var target = JsonDocument.Parse(CliHarness.Run("forecast", open, "--format", "json", "--period", "FY2026-Q3", "--target", "1").Out);
        Assert.Equal(10m, target.RootElement.GetProperty("distribution")[0].GetProperty("p_target_pct").GetDecimal());
    }

    [Theory]
    [InlineData("--grain", "0.01", "4000000")]
    [InlineData("--grain", "0", "above zero")]
    [InlineData("--target", "5000000 USD", "CNY")]
    [InlineData("--target", "-5", "zero or more")]
    [InlineData("--target", "lots", "not an amount")]
    [InlineData("--period", "FY2026-Q5", "FY2026-Q5")]
    [InlineData("--horizons", "90,x", "whole days")]
    [InlineData("--horizons", "0", "whole days")]
    [InlineData("--horizons", "30,30", "repeated")]
    [InlineData("--periods", "0", "1 to 40")]
    [InlineData("--prior-strength", "-1", "prior strength")]
    public void A_bad_option_value_is_refused_with_one_located_message(string option, string value, string why)
    {
        var report = _temp.File("refused.html");
        var (exit, output, error) = CliHarness.Run("forecast", _events, option + "=" + value, "--out", report);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.False(File.Exists(report));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--learn-out")]
    public void An_output_equal_to_an_input_is_refused_and_the_input_kept(string option)
    {
        var before = File.ReadAllText(_events);
        var (exit, _, error) = CliHarness.Run("forecast", _events, option, _events);
        Assert.Equal(2, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains("never writes over its input", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_events));
    }

    [Fact]
    public void An_account_without_a_unit_is_named_at_its_cell()
    {
        // Leave out of accounts.csv an account of events.csv that is no other account's parent.
        var lines = File.ReadAllLines(_temp.File("accounts.csv"));
        var events = File.ReadAllLines(_events);
        var header = Array.FindIndex(events, l => l.StartsWith("opportunity_id,", StringComparison.Ordinal));
        var line = Enumerable.Range(header + 1, events.Length - header - 1).First(i => lines.Count(l => l.Split(',').Contains(events[i].Split(',')[1])) == 1);
        var account = events[line].Split(',')[1];
        var pruned = _temp.Write("pruned.csv", string.Join('\n', lines.Where(l => !l.StartsWith(account + ",", StringComparison.Ordinal))) + "\n");
        var (exit, _, error) = CliHarness.Run("forecast", _events, "--by", "unit", "--organization", _temp.File("organization.json"), "--accounts", pruned);
        Assert.Equal(2, exit);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{_events}:{line + 1}:2"), error, StringComparison.Ordinal);
        Assert.Contains(account, error, StringComparison.Ordinal);
    }

    private JsonElement Json(params string[] options)
    {
        var (exit, output, error) = CliHarness.Run(["forecast", _events, "--format", "json", .. options]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
