using System.Globalization;
using System.Text;
using System.Text.Json;
using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Cli;

/// <summary>End-to-end runs of <c>kam pipeline</c> on a small hand-made events.csv with known stages.</summary>
public sealed class PipelineCommandTests : IDisposable
{
    private const string Header = "opportunity_id,account_id,owner,value,currency,expected_close,at,kind,stage,item,person,reason";

    private readonly TempFolder _temp = new();
    private readonly string _events;

    public PipelineCommandTests() => _events = _temp.Write("events.csv", Events());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_views_show_each_opportunitys_stage_probability_and_the_planted_anomalies()
    {
        var (exit, output, error) = CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30", "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        // OP-1: stage 1 completed, stage 2 entered (its required milestones done): 10% earned, 10%–20% band, in step with the customer.
        var op1 = Row(root, "opportunities", "opportunity", "OP-1");
        Assert.Equal(2, op1.GetProperty("stage").GetInt32());
        Assert.Equal(1, op1.GetProperty("completed_stage").GetInt32());
        Assert.Equal(10m, op1.GetProperty("probability_pct").GetDecimal());
        Assert.Equal("10%–20%", op1.GetProperty("band").GetString());
        Assert.Equal("in_step", op1.GetProperty("alignment").GetString());
        Assert.Equal("s2.proposal-requested", op1.GetProperty("next_required").GetString());

        // OP-2: stage 1 entered only; OP-4: stages 1-6 completed (75%); OP-5 lost; OP-6 won.
        var op2 = Row(root, "opportunities", "opportunity", "OP-2");
        Assert.Equal(1, op2.GetProperty("stage").GetInt32());
        Assert.Equal(JsonValueKind.Null, op2.GetProperty("completed_stage").ValueKind);
        Assert.Equal("0%–10%", op2.GetProperty("band").GetString());
        var op4 = Row(root, "opportunities", "opportunity", "OP-4");
        Assert.Equal((6, 6, 75m), (op4.GetProperty("stage").GetInt32(), op4.GetProperty("completed_stage").GetInt32(), op4.GetProperty("probability_pct").GetDecimal()));
        Assert.Equal("best", op4.GetProperty("funnel").GetString());
        Assert.Equal("lost", Row(root, "opportunities", "opportunity", "OP-5").GetProperty("status").GetString());
        Assert.Equal("won", Row(root, "opportunities", "opportunity", "OP-6").GetProperty("status").GetString());

        // The planted anomalies: OP-2 is worth 2,000,000 at 0% fifteen days before its close; OP-3 skipped stage 2.
        var anomalies = root.GetProperty("anomalies").EnumerateArray().ToArray();
        var highValue = Assert.Single(anomalies, a => a.GetProperty("code").GetString() == "high_value_low_probability");
        Assert.Equal(("OP-2", 15), (highValue.GetProperty("opportunity").GetString(), highValue.GetProperty("measure").GetInt32()));
        var skipped = Assert.Single(anomalies, a => a.GetProperty("code").GetString() == "skipped_stage");
        Assert.Equal("OP-3", skipped.GetProperty("opportunity").GetString());

        // Forecast FY2026-Q3: OP-1 (1,000,000 at 10%), OP-2 (2,000,000 at 0%), OP-4 (500,000 at 75%, commit and best case).
        var q3 = Row(root, "forecast", "period", "FY2026-Q3");
        Assert.Equal(3, q3.GetProperty("open").GetInt32());
        Assert.Equal(3_500_000m, q3.GetProperty("value").GetDecimal());
        Assert.Equal(475_000m, q3.GetProperty("weighted").GetDecimal());
        Assert.Equal(500_000m, q3.GetProperty("commit").GetDecimal());
        Assert.Equal(500_000m, q3.GetProperty("best_case").GetDecimal());

        // Pipeline by stage and funnel, per salesperson, conversion of the two closed ones.
        Assert.Equal(1, Row(root, "by_stage", "name", "Project evaluation").GetProperty("open").GetInt32());
        Assert.Equal(2, Row(root, "by_funnel", "funnel", "search").GetProperty("open").GetInt32());
        var s01 = Row(root, "by_salesperson", "owner", "S01");
        Assert.Equal((1, 1, 1, 3), (s01.GetProperty("s1").GetInt32(), s01.GetProperty("s2").GetInt32(), s01.GetProperty("s3").GetInt32(), s01.GetProperty("open").GetInt32()));
        Assert.Equal(2, root.GetProperty("conversion")[0].GetProperty("entered").GetInt32());
    }

    [Fact]
    public void As_of_an_earlier_day_the_later_events_are_not_yet_known()
    {
        // As of 2026-06-01 the events of OP-1 and OP-2 are known, OP-3 half, OP-4 to OP-6 not at all.
        var (exit, output, _) = CliHarness.Run("pipeline", _events, "--as-of", "2026-06-01", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var opportunities = json.RootElement.GetProperty("opportunities").EnumerateArray().Select(o => o.GetProperty("opportunity").GetString()).ToArray();
        Assert.Equal(["OP-1", "OP-2", "OP-3"], opportunities);
        Assert.Equal(JsonValueKind.Null, Row(json.RootElement, "opportunities", "opportunity", "OP-3").GetProperty("stage").ValueKind);
    }

    [Fact]
    public void Csv_and_table_formats_carry_every_table()
    {
        var csv = CliHarness.Run("pipeline", _events, "--format", "csv");
        Assert.Equal(0, csv.Exit);
        foreach (var name in new[] { "opportunities", "by_stage", "by_funnel", "by_salesperson", "anomalies", "forecast", "conversion" })
        {
            Assert.Contains("#" + name + "\n", csv.Out, StringComparison.Ordinal);
        }

        Assert.Contains("\nOP-1,C1,S01,open,1000000,2026-09-30,2,1,10,10%–20%,search,", csv.Out, StringComparison.Ordinal);

        var table = CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30");
        Assert.Equal(0, table.Exit);
        Assert.Contains("Forecast by period of expected close", table.Out, StringComparison.Ordinal);
        Assert.Contains("high_value_low_probability  OP-2", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void By_account_shows_the_open_pipeline_per_account_instead_of_per_salesperson()
    {
        var (exit, output, error) = CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30", "--by", "account", "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("by_salesperson", out _));

        // OP-1 of account C1: stage 2 entered, 1,000,000 at 10%; the closed OP-5 and OP-6 have no row.
        var c1 = Row(root, "by_account", "account", "C1");
        Assert.Equal((1, 1, 1_000_000m, 100_000m), (c1.GetProperty("s2").GetInt32(), c1.GetProperty("open").GetInt32(), c1.GetProperty("value").GetDecimal(), c1.GetProperty("weighted").GetDecimal()));
        var accounts = root.GetProperty("by_account").EnumerateArray().Select(r => r.GetProperty("account").GetString()).ToArray();
        Assert.Equal(["C1", "C2", "C3", "C4"], accounts);
        Assert.Equal(
            root.GetProperty("by_stage").EnumerateArray().Sum(r => r.GetProperty("open").GetInt32()),
            root.GetProperty("by_account").EnumerateArray().Sum(r => r.GetProperty("open").GetInt32()));

        // The default is per salesperson, and the report's bars follow --by.
        Assert.Equal(CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30", "--format", "json").Out, CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30", "--by", "owner", "--format", "json").Out);
        var report = _temp.File("by-account.html");
        Assert.Equal(0, CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30", "--by", "account", "--out", report).Exit);
        Assert.Contains("Open opportunities per account by stage", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal(1, CliHarness.Run("pipeline", _events, "--by", "unit").Exit);
    }

    [Fact]
    public void Out_writes_the_report_with_funnel_forecast_and_anomalies()
    {
        var report = _temp.File("report.html");
        var (exit, output, error) = CliHarness.Run("pipeline", _events, "--as-of", "2026-06-30", "--out", report);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Opportunities", output, StringComparison.Ordinal);
        var html = File.ReadAllText(report);
        foreach (var id in new[] { "pipeline", "forecast", "anomalies" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-chart=\"funnel\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("high_value_low_probability", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_item_key_is_reported_at_its_cell_and_nothing_is_written()
    {
        var bad = _temp.Write("bad.csv", Header + "\n"
            + "OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-01T09:00:00Z,milestone,1,s1.customer-info-gathered,,\n"
            + "OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-02T09:00:00Z,milestone,1,s1.no-such-item,,\n");
        var report = _temp.File("bad.html");
        var (exit, output, error) = CliHarness.Run("pipeline", bad, "--out", report);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(bad + ":3:10", error, StringComparison.Ordinal);
        Assert.Contains("s1.no-such-item", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Theory]
    [InlineData("OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-03T09:00:00Z,milestone,1,s1.meeting-agreed,,", 10, "success criterion, not a milestone")]
    [InlineData("OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-03T09:00:00Z,milestone,2,s1.customer-graded,,", 9, "belongs to stage 1")]
    [InlineData("OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-03T09:00:00Z,abandoned,,,,", 12, "needs a reason")]
    [InlineData("OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-05T09:00:00Z,milestone,1,s1.customer-graded,,", 8, "closed")]
    public void Events_the_state_machine_refuses_are_reported_at_their_cell(string row, int column, string why)
    {
        var bad = _temp.Write("refused.csv", Header + "\n"
            + "OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-01T09:00:00Z,milestone,1,s1.customer-info-gathered,,\n"
            + "OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-04T09:00:00Z,won,,,,\n"
            + row + "\n");
        var (exit, output, error) = CliHarness.Run("pipeline", bad);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{bad}:4:{column}"), error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_playbook_init_writes_loads_back_and_gives_the_default_views()
    {
        var folder = Path.Combine(_temp.Path, "init");
        Assert.Equal(0, CliHarness.Run("init", folder).Exit);
        var playbook = Path.Combine(folder, "playbook.json");
        Assert.Equal(Playbook.Default.ToJson(), Playbook.FromJson(File.ReadAllText(playbook)).ToJson());

        var withFile = CliHarness.Run("pipeline", _events, "--playbook", playbook, "--format", "json");
        var without = CliHarness.Run("pipeline", _events, "--format", "json");
        Assert.Equal(0, withFile.Exit);
        Assert.Equal(without.Out, withFile.Out);

        // The example events.csv of kam init names the default playbook's items.
        Assert.Equal(0, CliHarness.Run("pipeline", Path.Combine(folder, "events.csv"), "--playbook", playbook).Exit);
    }

    [Fact]
    public void A_playbook_with_a_duplicate_key_is_an_input_error_naming_the_json_path()
    {
        var folder = Path.Combine(_temp.Path, "init");
        Assert.Equal(0, CliHarness.Run("init", folder).Exit);
        var playbook = Path.Combine(folder, "playbook.json");
        File.WriteAllText(playbook, File.ReadAllText(playbook).Replace("\"s1.opportunity-evaluated\"", "\"s1.customer-info-gathered\"", StringComparison.Ordinal));
        var (exit, output, error) = CliHarness.Run("pipeline", _events, "--playbook", playbook);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(playbook + ":$.stages[0].milestones[1].key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Opportunities_in_two_currencies_are_an_input_error()
    {
        var bad = _temp.Write("currencies.csv", Header + "\n"
            + "OP-1,C1,S01,1000,CNY,2026-09-30,2026-06-01T09:00:00Z,milestone,1,s1.customer-info-gathered,,\n"
            + "OP-2,C1,S01,1000,USD,2026-09-30,2026-06-01T09:00:00Z,milestone,1,s1.customer-info-gathered,,\n");
        var (exit, _, error) = CliHarness.Run("pipeline", bad);
        Assert.Equal(2, exit);
        Assert.Contains(bad + ":3:5", error, StringComparison.Ordinal);
    }

    private static JsonElement Row(JsonElement root, string table, string key, string value) =>
        Assert.Single(root.GetProperty(table).EnumerateArray(), r => r.GetProperty(key).GetString() == value);

    // Six opportunities with known positions, each item of the default playbook named by its key.
    private static string Events()
    {
        var text = new StringBuilder(Header).Append('\n');
        var at = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        void Add(string id, string owner, int value, string close, string kind, int? stage = null, string? item = null, string? reason = null)
        {
            at = at.AddHours(1);
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{id},C{id[3..]},{owner},{value},CNY,{close},{at:yyyy-MM-ddTHH:mm:ssZ},{kind},{stage},{item},,{reason}\n"));
        }

        void Through(string id, string owner, int value, string close, int lastCompleted, bool enterNext)
        {
            for (var k = 1; k <= lastCompleted + (enterNext ? 1 : 0); k++)
            {
                foreach (var item in Playbook.Default.ItemsOf((SalesStage)k, StageItemKind.Milestone).Where(i => i.Required))
                {
                    Add(id, owner, value, close, "milestone", k, item.Key);
                }

                if (k <= lastCompleted)
                {
                    foreach (var item in Playbook.Default.ItemsOf((SalesStage)k, StageItemKind.SuccessCriterion).Where(i => i.Required))
                    {
                        Add(id, owner, value, close, "success", k, item.Key);
                    }
                }
            }
        }

        Through("OP-1", "S01", 1_000_000, "2026-09-30", 1, enterNext: true);
        Add("OP-1", "S01", 1_000_000, "2026-09-30", "procurement", 2);
        Through("OP-2", "S01", 2_000_000, "2026-07-15", 0, enterNext: true);
        Through("OP-3", "S01", 300_000, "2026-12-31", 1, enterNext: false);
        Add("OP-3", "S01", 300_000, "2026-12-31", "milestone", 3, "s3.proposal-submitted");
        Through("OP-4", "S02", 500_000, "2026-08-31", 6, enterNext: false);
        Through("OP-5", "S02", 400_000, "2026-08-31", 1, enterNext: false);
        Add("OP-5", "S02", 400_000, "2026-08-31", "lost", reason: "price");
        at = new DateTime(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc);
        Through("OP-6", "S02", 700_000, "2026-06-30", 8, enterNext: false);
        Add("OP-6", "S02", 700_000, "2026-06-30", "won");
        return text.ToString();
    }
}
