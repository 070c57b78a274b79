using System.Text.Json;
using Xunit;

namespace Kam.Core.Tests.Cli;

/// <summary><c>kam plan</c>: the sample end to end, bad files located, the output formats and the report.</summary>
public sealed class PlanCommandTests
{
    private static readonly string[] Files = ["accounts.csv", "organization.json", "targets.json", "plans.json", "events.csv"];

    private static string[] Args(TempFolder temp, params string[] more) => ["plan", .. Files.Select(temp.File), .. more];

    private static TempFolder Sample()
    {
        var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        return temp;
    }

    [Fact]
    public void The_sample_files_reproduce_the_demo_plan_part()
    {
        using var temp = Sample();
        var (exit, output, error) = CliHarness.Run(Args(temp));
        Assert.True(exit == 0, error);
        var demo = CliHarness.Run("demo").Out;
        var part = demo[demo.IndexOf("== Key-account plans", StringComparison.Ordinal)..];

        // The demo's findings table and its unit lines of the year are rows of kam plan's tables, character for character.
        var findings = part[part.IndexOf("Plan checks (", StringComparison.Ordinal)..].Split('\n').Skip(3).TakeWhile(l => !l.StartsWith('=')).Where(l => l.Trim().Length > 0).ToArray(); // up to the next part's heading
        Assert.Equal(16, findings.Length);
        foreach (var line in findings)
        {
            Assert.Contains(line.TrimEnd(), output, StringComparison.Ordinal);
        }

        // The head office's year line: the same target, actual, weighted pipeline, forecast and gap as kam plan's (CSV, raw numbers).
        var hq = part.Split('\n').First(l => l.StartsWith("HQ ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var csv = CliHarness.Run(Args(temp, "--format", "csv")).Out.Split('\n').First(l => l.StartsWith("HQ,HeadOffice,bookings,FY2026,", StringComparison.Ordinal)).Split(',');
        for (var i = 4; i <= 10; i++)
        {
            Assert.Equal(decimal.Parse(hq[i].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(csv[i], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Csv_and_json_carry_the_findings_and_the_unit_figures()
    {
        using var temp = Sample();
        var csv = CliHarness.Run(Args(temp, "--format", "csv"));
        Assert.Equal(0, csv.Exit);
        Assert.Contains("C126,ActionOverdue,actions[0].due,", csv.Out, StringComparison.Ordinal);
        Assert.Contains("C101,NotCoPlanned,coPlannedOn,", csv.Out, StringComparison.Ordinal);

        var json = CliHarness.Run(Args(temp, "--format", "json", "--as-of", "2026-05-31"));
        Assert.Equal(0, json.Exit);
        using var document = JsonDocument.Parse(json.Out);
        Assert.True(document.RootElement.TryGetProperty("units", out var units));
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("unit").GetString() == "HQ" && u.GetProperty("period").GetString() == "FY2026-Q2");
        Assert.True(document.RootElement.TryGetProperty("findings", out _));
        Assert.True(document.RootElement.TryGetProperty("whitespace", out _));
    }

    [Fact]
    public void The_report_has_the_bullet_chart_the_waterfalls_and_the_heat_maps()
    {
        using var temp = Sample();
        var page = temp.File("plan.html");
        Assert.Equal(0, CliHarness.Run(Args(temp, "--out", page)).Exit);
        var html = File.ReadAllText(page);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<svg [^>]*data-chart=\"bullet\""));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(html, "<svg [^>]*data-chart=\"waterfall\"")); // the head office and the four regions
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(html, "<svg [^>]*data-chart=\"heatmap\"")); // one per plan
    }

    [Fact]
    public void A_workbook_needs_out_and_sheet_needs_a_workbook_input()
    {
        using var temp = Sample();
        var noOut = CliHarness.Run(Args(temp, "--format", "xlsx"));
        Assert.Equal(1, noOut.Exit);
        Assert.Contains("--format xlsx writes an Excel workbook to a file", noOut.Err, StringComparison.Ordinal);

        var noBook = CliHarness.Run(Args(temp, "--sheet", "Accounts"));
        Assert.Equal(1, noBook.Exit);
        Assert.Contains("no input is an .xlsx workbook", noBook.Err, StringComparison.Ordinal);

        var book = temp.File("plan.xlsx");
        var written = CliHarness.Run(Args(temp, "--format", "xlsx", "--out", book));
        Assert.True(written.Exit == 0, written.Err);
        Assert.Contains("wrote ", written.Out, StringComparison.Ordinal);
        Assert.True(new FileInfo(book).Length > 0);
    }

    [Fact]
    public void An_output_equal_to_an_input_is_refused()
    {
        using var temp = Sample();
        var (exit, _, error) = CliHarness.Run(Args(temp, "--out", temp.File("plans.json")));
        Assert.Equal(2, exit);
        Assert.Contains("plans.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opportunity_of_an_unknown_account_is_located_in_events_csv()
    {
        using var temp = Sample();
        var lines = File.ReadAllLines(temp.File("events.csv"));
        var first = Array.FindIndex(lines, l => l.StartsWith("OP-", StringComparison.Ordinal));
        var cells = lines[first].Split(',');
        var opportunity = cells[0];
        for (var i = first; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(opportunity + ",", StringComparison.Ordinal))
            {
                var parts = lines[i].Split(',');
                parts[1] = "GHOST";
                lines[i] = string.Join(',', parts);
            }
        }

        File.WriteAllLines(temp.File("events.csv"), lines);
        var (exit, _, error) = CliHarness.Run(Args(temp));
        Assert.Equal(2, exit);
        Assert.Contains($"events.csv:{first + 1}:2", error, StringComparison.Ordinal);
        Assert.Contains("GHOST", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_parents_is_located_in_accounts_csv()
    {
        using var temp = Sample();
        var lines = File.ReadAllLines(temp.File("accounts.csv"));
        var header = Array.FindIndex(lines, l => l.StartsWith("account_id,", StringComparison.Ordinal));
        var columns = lines[header].Split(',');
        var parent = Array.IndexOf(columns, "parent_id");
        var group = Array.FindIndex(lines, l => l.StartsWith("C001,", StringComparison.Ordinal));
        var cells = lines[group].Split(',');
        cells[parent] = "C002"; // C002's parent is C001
        lines[group] = string.Join(',', cells);
        File.WriteAllLines(temp.File("accounts.csv"), lines);
        var (exit, _, error) = CliHarness.Run(Args(temp));
        Assert.Equal(2, exit);
        Assert.Matches(@"accounts\.csv:\d+:" + (parent + 1), error);
        Assert.Contains("C001", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_in_another_currency_is_located_in_targets_json()
    {
        using var temp = Sample();
        var text = File.ReadAllText(temp.File("targets.json"));
        var at = text.IndexOf("\"targets\"", StringComparison.Ordinal);
        var value = text.IndexOf("\"value\":", at, StringComparison.Ordinal);
        text = text[..value] + "\"currency\": \"USD\", " + text[value..];
        File.WriteAllText(temp.File("targets.json"), text);
        var (exit, _, error) = CliHarness.Run(Args(temp));
        Assert.Equal(2, exit);
        Assert.Contains("targets.json:$.targets[0]", error, StringComparison.Ordinal);
        Assert.Contains("currency_mismatch", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_for_a_missing_target_is_located_in_plans_json()
    {
        using var temp = Sample();
        var text = File.ReadAllText(temp.File("plans.json"));
        var review = text.IndexOf("\"lines\"", StringComparison.Ordinal);
        var measure = text.IndexOf("\"bookings\"", review, StringComparison.Ordinal);
        text = text[..measure] + "\"nps\"" + text[(measure + "\"bookings\"".Length)..];
        File.WriteAllText(temp.File("plans.json"), text);
        var (exit, _, error) = CliHarness.Run(Args(temp));
        Assert.Equal(2, exit);
        Assert.Matches(@"plans\.json:\$\.plans\[0\]\.reviews\[0\]\.lines\[0\]\.(measure|period)", error);
        Assert.Contains("nps", error, StringComparison.Ordinal);
    }
}
