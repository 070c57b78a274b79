using System.Text.Json;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Cli.Terminal;

namespace Kam.Core.Tests.Cli;

public sealed class OutputTests
{
    private static ResultTable[] Sample()
    {
        var tiers = new ResultTable("tiers", "Tiers", ResultColumn.Text("account"), ResultColumn.Number("revenue", "N0"), ResultColumn.Number("share", "0.0"), ResultColumn.Text("note"));
        tiers.Add("A1", 1234567.5m, 0.5, "plain");
        tiers.Add("A,2", 10, 1d / 3, null);
        var summary = new ResultTable("summary", "Summary", ResultColumn.Text("tier"), ResultColumn.Number("accounts"));
        summary.Add("A", 2L);
        return [tiers, summary];
    }

    private static string Write(OutputFormat format)
    {
        using var writer = new StringWriter();
        ResultWriter.Write(writer, format, Sample());
        return writer.ToString();
    }

    [Fact]
    public void Table_format_prints_titled_aligned_tables_with_display_formats()
    {
        var text = Write(OutputFormat.Table);
        Assert.Contains("Tiers:", text, StringComparison.Ordinal);
        Assert.Contains("1,234,568", text, StringComparison.Ordinal);
        Assert.Contains("Summary:", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("account", StringComparison.Ordinal));
        Assert.Equal(lines[header + 2].IndexOf("1,234,568", StringComparison.Ordinal) + "1,234,568".Length, lines[header + 3].IndexOf("10", StringComparison.Ordinal) + 2);
    }

    [Fact]
    public void Csv_format_writes_full_precision_quoted_fields_and_separates_tables_with_comments()
    {
        var text = Write(OutputFormat.Csv);
        Assert.StartsWith("#tiers\naccount,revenue,share,note\nA1,1234567.5,0.5,plain\n\"A,2\",10,0.3333333333333333,\n\n#summary\ntier,accounts\nA,2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_writes_numbers_as_numbers_and_one_member_per_table()
    {
        using var json = JsonDocument.Parse(Write(OutputFormat.Json));
        var tiers = json.RootElement.GetProperty("tiers");
        Assert.Equal(2, tiers.GetArrayLength());
        Assert.Equal(1234567.5m, tiers[0].GetProperty("revenue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, tiers[1].GetProperty("note").ValueKind);
        Assert.Equal("A,2", tiers[1].GetProperty("account").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("summary")[0].GetProperty("accounts").GetInt32());
    }

    [Fact]
    public void A_row_with_the_wrong_cell_count_is_a_programming_error()
    {
        var table = new ResultTable("t", "T", ResultColumn.Text("a"));
        Assert.Throws<ArgumentException>(() => table.Add("x", "y"));
    }

    [Fact]
    public void Atomic_files_replace_the_target_and_leave_no_temporary_file()
    {
        using var temp = new TempFolder();
        var target = temp.Write("report.html", "old");
        AtomicFile.WriteAllText(target, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(temp.Path));

        var ex = Assert.Throws<KamValidationException>(() => AtomicFile.WriteAllText(Path.Combine(temp.Path, "no", "report.html"), "x"));
        Assert.Equal(KamErrorCodes.Unknown, ex.Errors[0].Code);
    }

    [Fact]
    public void The_progress_bar_draws_in_place_only_when_its_text_changes_and_clears_itself()
    {
        using var error = new StringWriter();
        using (var bar = new TerminalProgressBar(error))
        {
            bar.Report(new ProgressUpdate("reading", 0, 1000));
            bar.Report(new ProgressUpdate("reading", 1, 1000)); // still 0%: not redrawn
            bar.Report(new ProgressUpdate("reading", 500, 1000));
        }

        var text = error.ToString();
        Assert.Equal(3, text.Count(c => c == '\r') - 1);
        Assert.Contains("reading [---------------------------]   0%".Replace("---------------------------", new string('-', 30), StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("[" + new string('#', 15) + new string('-', 15) + "]  50%", text, StringComparison.Ordinal);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
        Assert.Equal("fitting 1,234", TerminalProgressBar.Render(new ProgressUpdate("fitting", 1234, null)));
        Assert.EndsWith("100%", TerminalProgressBar.Render(new ProgressUpdate("x", 2000, 1000)), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_silent_when_output_is_redirected()
    {
        using var error = new StringWriter();
        using var services = new CliServices();
        var context = new CliContext(TextWriter.Null, error, Interactive: false, services);
        context.CreateProgress().Report(new ProgressUpdate("reading", 1, 2));
        Assert.Same(ProgressFactory.Silent, context.CreateProgress());
        Assert.Equal(string.Empty, error.ToString());
        Assert.IsType<TerminalProgressBar>(new CliContext(TextWriter.Null, error, Interactive: true, services).CreateProgress());
    }
}
