using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kam.Cli;
using Kam.Cli.Features.Init;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Cli.Sample;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// What keeps <c>kam</c> usable on large files (docs/performance.md): people's views are capped with a visible count
/// (terminal tables, report tables, the Pareto chart, the report's account table), machine formats write every row,
/// and standard output spills to a temporary file without changing a byte.
/// </summary>
public sealed partial class ScaleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_table_format_shows_the_first_rows_and_the_count()
    {
        var text = Write(OutputFormat.Table, Numbers(2500));
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        // Title, header, rule, then the rows shown and the note.
        Assert.Equal(3 + ResultWriter.MaxTableRows + 1, lines.Length);
        Assert.StartsWith("row-0000 ", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("row-0999 ", lines[^2], StringComparison.Ordinal);
        Assert.Equal("(showing 1,000 of 2,500 rows; use --format csv for all)", lines[^1]);
        Assert.DoesNotContain("row-1000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_within_the_cap_has_no_note()
    {
        var text = Write(OutputFormat.Table, Numbers(ResultWriter.MaxTableRows));
        Assert.Contains("row-0999", text, StringComparison.Ordinal);
        Assert.DoesNotContain("showing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_writes_every_row()
    {
        var lines = Write(OutputFormat.Csv, Numbers(2500)).TrimEnd('\n').Split('\n');
        Assert.Equal(2501, lines.Length);
        Assert.Equal("id,value", lines[0]);
        Assert.Equal("row-2499,2499.5", lines[^1]);
    }

    [Fact]
    public void Json_is_streamed_in_pieces_and_still_one_valid_document_with_every_row()
    {
        // 10,000 rows: the writer hands its UTF-8 to the output every 4,096 rows; a non-ASCII name crosses the pieces.
        var table = new ResultTable("rows", "Rows", 10_000, i => [$"行-{i:0000}", i + 0.5m], ResultColumn.Text("id"), ResultColumn.Number("value"));
        using var json = JsonDocument.Parse(Write(OutputFormat.Json, table));
        var rows = json.RootElement.GetProperty("rows");
        Assert.Equal(10_000, rows.GetArrayLength());
        Assert.Equal("行-4095", rows[4095].GetProperty("id").GetString());
        Assert.Equal(9999.5m, rows[9999].GetProperty("value").GetDecimal());
    }

    [Fact]
    public void A_computed_table_computes_its_rows_when_read_and_refuses_added_rows()
    {
        var computed = 0;
        var table = new ResultTable("rows", "Rows", 3, i =>
        {
            computed++;
            return [i.ToString(CultureInfo.InvariantCulture)];
        }, ResultColumn.Text("i"));
        Assert.Equal(0, computed);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("2", table.Rows[2][0]);
        Assert.Equal(["0", "1", "2"], table.Rows.Select(r => (string)r[0]!));
        Assert.Equal(4, computed);
        Assert.Throws<InvalidOperationException>(() => table.Add("3"));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Rows[3]);
    }

    [Fact]
    public void A_report_table_shows_its_first_rows_and_the_count()
    {
        var html = new StringBuilder();
        HtmlReport.RenderTable(html, Numbers(500));
        var text = html.ToString();
        Assert.Equal(HtmlReport.MaxTableRows, Regex.Count(text, "<tr><td>"));
        Assert.Contains("row-0199", text, StringComparison.Ordinal);
        Assert.DoesNotContain("row-0200", text, StringComparison.Ordinal);
        Assert.Contains("<p class=\"truncated\">showing 200 of 500 rows; use --format csv for all.</p>", text, StringComparison.Ordinal);

        html.Clear();
        HtmlReport.RenderTable(html, Numbers(HtmlReport.MaxTableRows));
        Assert.DoesNotContain("truncated", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pareto_chart_of_many_items_draws_the_largest_and_one_bar_for_the_rest()
    {
        // 120 items: 1..120, with ties at the cut (two items of value 70 and 71 keep input order).
        var values = Enumerable.Range(1, 120).Select(i => (double)i).ToArray();
        var labels = Enumerable.Range(1, 120).Select(i => $"A{i:000}").ToArray();
        var svg = ParetoChart.Render(new ParetoChartData("Revenue", labels, values)).Svg;
        var bars = Regex.Matches(svg, "<rect class=\"bar\"[^>]*><title>([^<]*)</title>").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(ParetoChart.MaxBars + 1, bars.Length);
        Assert.StartsWith("A120: ", bars[0], StringComparison.Ordinal);
        Assert.StartsWith("A071: ", bars[49], StringComparison.Ordinal);

        // The rest: 1 + ... + 70 = 2485 of 7260, and the cumulative line ends at 100%.
        Assert.StartsWith("the other 70: 2,485 ", bars[50], StringComparison.Ordinal);
        Assert.EndsWith("cumulative 100.0%)", bars[50], StringComparison.Ordinal);
    }

    [Fact]
    public void A_pareto_chart_with_ties_keeps_input_order_among_the_largest()
    {
        var labels = Enumerable.Range(1, 60).Select(i => $"T{i:00}").ToArray();
        var svg = ParetoChart.Render(new ParetoChartData("Revenue", labels, Enumerable.Repeat(5d, 60).ToArray())).Svg;
        var bars = Regex.Matches(svg, "<title>([^<:]*):").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal([.. labels.Take(ParetoChart.MaxBars), "the other 10"], bars);
    }

    [Fact]
    public void A_bar_chart_of_many_categories_draws_the_largest_in_their_order_and_one_for_the_rest()
    {
        // 80 salespeople, stacked a + b; salesperson i has i in all (a = ceil(i/2), b = floor(i/2)): the largest 50 are S31..S80.
        var categories = Enumerable.Range(1, 80).Select(i => $"S{i:00}").ToArray();
        var a = Enumerable.Range(1, 80).Select(i => (double)(i - (i / 2))).ToArray();
        var b = Enumerable.Range(1, 80).Select(i => (double)(i / 2)).ToArray();
        var svg = BarChart.Render(new BarChartData("Per salesperson", categories, [new ChartSeries("a", a), new ChartSeries("b", b)], Stacked: true)).Svg;
        var tips = Regex.Matches(svg, "<title>([^<]*)</title></rect>").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal((BarChart.MaxCategories + 1) * 2, tips.Length);
        Assert.Equal("S31 — a: 16", tips[0]);
        Assert.Equal("S80 — b: 40", tips[99]);
        Assert.Equal("the other 30 — a: 240", tips[100]);
        Assert.Equal("the other 30 — b: 225", tips[101]);
    }

    [Fact]
    public void The_stdout_buffer_spills_to_a_temporary_file_without_changing_a_character()
    {
        var expected = new StringBuilder();
        using var buffer = new SpillBuffer("\n", memoryLimit: 1000);
        for (var i = 0; i < 500; i++)
        {
            var line = $"line {i}: 行 ✓ {new string('x', i % 17)}";
            buffer.WriteLine(line);
            expected.Append(line).Append('\n');
        }

        buffer.Write('!');
        expected.Append('!');
        Assert.True(buffer.Spilled);
        using var output = new StringWriter();
        buffer.CopyTo(output);
        Assert.Equal(expected.ToString(), output.ToString());
        Assert.Equal(expected.ToString(), buffer.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Output_past_the_memory_limit_reaches_stdout_whole_on_success_and_not_at_all_on_error(bool fail)
    {
        // 5 M characters: past SpillBuffer's 4 M in memory, so the run spills to a temporary file first.
        var piece = new string('x', 1 << 20);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = KamApp.Run(["big"], output, error, interactive: false, context =>
        {
            var big = new Command("big", "writes a lot");
            big.SetAction((Func<ParseResult, int>)(_ =>
            {
                for (var i = 0; i < 5; i++)
                {
                    context.Output.Write(piece);
                }

                context.Output.WriteLine("end");
                return fail ? throw new KamValidationException("big.csv:2", KamErrorCodes.InvalidFormat, "v", "bad cell.") : KamApp.Ok;
            }));
            return new RootCommand("test") { big };
        });

        if (fail)
        {
            Assert.Equal(KamApp.InvalidInput, exit);
            Assert.Equal(string.Empty, output.ToString());
            Assert.Contains("big.csv:2", error.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(KamApp.Ok, exit);
            Assert.Equal((5 << 20) + 3 + Environment.NewLine.Length, output.ToString().Length);
            Assert.EndsWith("xxend" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Kam_tier_on_many_accounts_caps_the_table_and_the_report_and_writes_every_csv_row()
    {
        var accounts = WriteAccounts(1200);

        var (exit, table, error) = CliHarness.Run("tier", accounts);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("(showing 1,000 of 1,200 rows; use --format csv for all)", table, StringComparison.Ordinal);

        var (csvExit, csv, _) = CliHarness.Run("tier", accounts, "--format", "csv");
        Assert.Equal(0, csvExit);
        var accountRows = csv.Split('\n').Count(l => Regex.IsMatch(l, "^C[0-9]+,"));
        Assert.Equal(1200, accountRows);
        Assert.DoesNotContain("showing", csv, StringComparison.Ordinal);

        var report = _temp.File("report.html");
        Assert.Equal(0, CliHarness.Run("tier", accounts, "--format", "csv", "--out", report).Exit);
        var html = File.ReadAllText(report);
        Assert.Contains("data-chart=\"pareto\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>the other 1,150: ", html, StringComparison.Ordinal);
        var accountsTable = Regex.Match(html, "<figure class=\"table\" data-table=\"accounts\">.*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("The 50 largest of 1,200 accounts by revenue, and the other 1,150 in one row", accountsTable, StringComparison.Ordinal);
        Assert.Equal(51, Regex.Count(accountsTable, "<tr><td>"));
        Assert.Contains("<td>the other 1,150 accounts</td>", accountsTable, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_rest_row_holds_the_revenue_of_the_accounts_not_shown()
    {
        var accounts = WriteAccounts(80);
        var (_, csv, _) = CliHarness.Run("tier", accounts, "--format", "json");
        using var json = JsonDocument.Parse(csv);
        var rows = json.RootElement.GetProperty("accounts").EnumerateArray()
            .Select(a => (Revenue: a.GetProperty("revenue").GetDecimal(), Cumulative: a.GetProperty("cumulative_pct").GetDouble()))
            .OrderBy(a => a.Cumulative)
            .ToArray();
        var restRevenue = rows.Skip(50).Sum(a => a.Revenue);

        var report = _temp.File("report80.html");
        Assert.Equal(0, CliHarness.Run("tier", accounts, "--out", report).Exit);
        var html = File.ReadAllText(report);
        var rest = Regex.Match(html, "<td>the other 30 accounts</td><td class=\"num\">([^<]*)</td>");
        Assert.True(rest.Success);
        Assert.Equal(restRevenue.ToString("N0", CultureInfo.InvariantCulture), rest.Groups[1].Value);
    }

    private string WriteAccounts(int count)
    {
        var sample = SampleGenerator.Generate(accountCount: count, opportunityCount: 0);
        var file = SampleCsv.Files(sample).Single(f => f.FileName == "accounts.csv");
        return _temp.Write($"accounts-{count}.csv", file.Content);
    }

    private static ResultTable Numbers(int rows) =>
        new("rows", "Rows", rows, i => [$"row-{i:0000}", i + 0.5m], ResultColumn.Text("id"), ResultColumn.Number("value"));

    private static string Write(OutputFormat format, ResultTable table)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        ResultWriter.Write(output, format, [table]);
        return output.ToString();
    }
}
