using System.Globalization;
using System.Text.Json;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;
using Xunit;

namespace Kam.Core.Tests.Cli;

/// <summary><c>kam plan --actuals</c> (actuals.csv: the measures other than bookings) and <c>--period</c>, on the sample <c>kam init --sample</c> writes.</summary>
public sealed class PlanActualsTests
{
    private static readonly string[] Files = ["accounts.csv", "organization.json", "targets.json", "plans.json", "events.csv"];

    private static string[] Args(TempFolder temp, params string[] more) => ["plan", .. Files.Select(temp.File), .. more];

    private static TempFolder Sample()
    {
        var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        return temp;
    }

    private static string[] Row(string csv, string prefix) =>
        csv.Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split(',');

    [Fact]
    public void The_sample_actuals_read_back_as_generated_and_are_gross_profit_of_accounts_with_a_target()
    {
        using var temp = Sample();
        var generated = SamplePlans.Generate(SampleGenerator.Generate());
        var read = PlanActualsCsv.Read(temp.File("actuals.csv"));
        Assert.NotEmpty(read);
        Assert.Equal(generated.Actuals, read.Select(a => a with { Source = null }));
        var withTarget = generated.Targets.Targets.Where(t => t.Measure == "grossProfit").Select(t => t.Subject.Account!.Value).ToHashSet();
        Assert.All(read, a =>
        {
            Assert.Equal("grossProfit", a.Measure);
            Assert.Contains(a.Account, withTarget);
            Assert.Equal("CNY", a.Currency?.Code);
        });
    }

    [Fact]
    public void The_sample_with_actuals_end_to_end_the_head_offices_gross_profit_is_their_sum_and_the_demo_shows_it()
    {
        using var temp = Sample();
        var sum = PlanActualsCsv.Read(temp.File("actuals.csv")).Sum(a => a.Value);
        Assert.True(sum > 0);

        var run = CliHarness.Run(Args(temp, "--actuals", temp.File("actuals.csv"), "--format", "csv"));
        Assert.True(run.Exit == 0, run.Err);
        var hq = Row(run.Out, "HQ,HeadOffice,grossProfit,FY2026,");
        Assert.Equal(sum, decimal.Parse(hq[7], CultureInfo.InvariantCulture));
        Assert.True(decimal.Parse(hq[6], CultureInfo.InvariantCulture) > 0); // the accounts' gross profit targets rolled up

        // Bookings are unchanged by the actuals file: the same head-office line with and without it.
        var without = CliHarness.Run(Args(temp, "--format", "csv"));
        Assert.Equal(0, without.Exit);
        Assert.Equal(Row(without.Out, "HQ,HeadOffice,bookings,FY2026,"), Row(run.Out, "HQ,HeadOffice,bookings,FY2026,"));
        Assert.NotEqual(sum.ToString(CultureInfo.InvariantCulture), Row(without.Out, "HQ,HeadOffice,grossProfit,FY2026,")[7]);

        var demo = CliHarness.Run("demo").Out;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"actual to date {sum:N0} ("), demo, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_bad_actuals_row_is_refused_at_its_cell()
    {
        using var temp = Sample();
        var path = temp.File("actuals.csv");
        var first = File.ReadAllLines(path).Length + 1;
        File.AppendAllLines(path,
        [
            "GHOST,grossProfit,2026-03-01,100,CNY",
            "C001,noSuchMeasure,2026-03-01,100,CNY",
            "C001,grossProfit,2026-03-01,100,USD",
            "C001,grossProfit,2026-03-01,100,",
            "C001,grossProfit,2025-03-01,100,CNY",
            "C001,grossProfit,2026-09-01,100,CNY",
            "C001,bookings,2026-03-01,100,CNY",
        ]);
        var (exit, output, error) = CliHarness.Run(Args(temp, "--actuals", path));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        string At(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"actuals.csv:{first + row}:{column}: ");
        Assert.Contains(At(0, 1) + "No account of the hierarchy has this identifier. (unknown, value 'GHOST')", error, StringComparison.Ordinal);
        Assert.Contains(At(1, 2) + "The plan has no measure with this key. (unknown, value 'noSuchMeasure')", error, StringComparison.Ordinal);
        Assert.Contains(At(2, 5) + "The measure 'grossProfit' is money in CNY", error, StringComparison.Ordinal);
        Assert.Contains("(currency_mismatch, value '100 USD')", error, StringComparison.Ordinal);
        Assert.Contains(At(3, 5) + "The measure 'grossProfit' is money in CNY", error, StringComparison.Ordinal);
        Assert.Contains(At(4, 3) + "The date is outside the plan's year FY2026. (out_of_range, value '2025-03-01')", error, StringComparison.Ordinal);
        Assert.Contains(At(5, 3) + "The date is after the as-of day 2026-06-30", error, StringComparison.Ordinal);
        Assert.Contains(At(6, 2) + "Bookings come from the won opportunities", error, StringComparison.Ordinal);
        Assert.Contains("Give bookings in events.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_measure_is_averaged_and_refuses_a_currency_at_its_cell()
    {
        using var temp = Sample();
        var targets = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(temp.File("targets.json")))!;
        targets["measures"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["key"] = "serviceLevel", ["name"] = "Service level", ["kind"] = "Ratio" });
        targets["targets"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["account"] = "C001", ["measure"] = "serviceLevel", ["period"] = "FY2026", ["value"] = 0.95m });
        File.WriteAllText(temp.File("targets.json"), targets.ToJsonString());
        var path = temp.Write("levels.csv", "account_id,measure,date,value,currency\nC001,serviceLevel,2026-03-31,0.90,\nC001,serviceLevel,2026-05-31,0.97,\n");

        var run = CliHarness.Run(Args(temp, "--actuals", path, "--format", "csv"));
        Assert.True(run.Exit == 0, run.Err);
        var line = run.Out.Split('\n').First(l => l.StartsWith("C001,", StringComparison.Ordinal) && l.Contains(",serviceLevel,FY2026,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(0.935m, decimal.Parse(line[6], CultureInfo.InvariantCulture)); // (0.90 + 0.97) / 2

        File.AppendAllText(path, "C001,serviceLevel,2026-05-31,0.97,CNY\n");
        var (exit, _, error) = CliHarness.Run(Args(temp, "--actuals", path));
        Assert.Equal(2, exit);
        Assert.Contains("levels.csv:4:5: The measure 'serviceLevel' is a ratio, not money. (currency_mismatch, value '0.97 CNY')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_cell_of_actuals_csv_is_located_by_the_csv_reader()
    {
        using var temp = Sample();
        var path = temp.File("actuals.csv");
        var line = File.ReadAllLines(path).Length + 1;
        File.AppendAllLines(path, ["C001,grossProfit,2026-03-01,12k,CNY"]);
        var (exit, _, error) = CliHarness.Run(Args(temp, "--actuals", path));
        Assert.Equal(2, exit);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"actuals.csv:{line}:4: column 'value': not a number"), error, StringComparison.Ordinal);

        var missing = CliHarness.Run(Args(temp, "--actuals", temp.File("nothere.csv")));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nothere.csv", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_restricts_the_tables_to_that_period_with_the_figures_of_the_default_run()
    {
        using var temp = Sample();
        var all = CliHarness.Run(Args(temp, "--actuals", temp.File("actuals.csv"), "--format", "json"));
        var q2 = CliHarness.Run(Args(temp, "--actuals", temp.File("actuals.csv"), "--format", "json", "--period", "FY2026-Q2"));
        Assert.True(q2.Exit == 0, q2.Err);
        using var allDocument = JsonDocument.Parse(all.Out);
        using var q2Document = JsonDocument.Parse(q2.Out);
        foreach (var table in new[] { "units", "accounts" })
        {
            var rows = q2Document.RootElement.GetProperty(table).EnumerateArray().ToArray();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal("FY2026-Q2", r.GetProperty("period").GetString()));
            var same = allDocument.RootElement.GetProperty(table).EnumerateArray().Where(r => r.GetProperty("period").GetString() == "FY2026-Q2").Select(r => r.GetRawText());
            Assert.Equal(same, rows.Select(r => r.GetRawText()));
        }

        Assert.Equal(allDocument.RootElement.GetProperty("findings").GetRawText(), q2Document.RootElement.GetProperty("findings").GetRawText());

        // A month and the year are periods too; the month's head-office bookings target is not the year's.
        var month = CliHarness.Run(Args(temp, "--period", "FY2026-M03", "--format", "csv"));
        Assert.True(month.Exit == 0, month.Err);
        Assert.DoesNotContain(",FY2026,", month.Out, StringComparison.Ordinal);
        Assert.Contains("HQ,HeadOffice,bookings,FY2026-M03,", month.Out, StringComparison.Ordinal);
        var year = CliHarness.Run(Args(temp, "--period", "FY2026", "--format", "csv"));
        Assert.Equal(0, year.Exit);
        Assert.DoesNotContain(",FY2026-Q", year.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FY2025-Q3", "outside the targets' fiscal year FY2026")]
    [InlineData("FY2027", "outside the targets' fiscal year FY2026")]
    [InlineData("FY2026-H1", "evaluated by year, quarter and month")]
    [InlineData("2026Q3", "Expected a period name")]
    public void An_unknown_or_out_of_year_period_is_exit_2_naming_the_value(string period, string message)
    {
        using var temp = Sample();
        var (exit, output, error) = CliHarness.Run(Args(temp, "--period", period));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--period: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains($"value '{period}'", error, StringComparison.Ordinal);
    }
}
