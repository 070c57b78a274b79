using System.Text.Json;

namespace Kam.Core.Tests.Cli;

/// <summary><c>kam portfolio</c> on the folder <c>kam init --sample</c> writes: each format, <c>--top</c>, the report's charts, and its refusals.</summary>
public sealed class PortfolioCommandTests(SampleFolder sample) : IClassFixture<SampleFolder>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Json_gives_every_table_with_the_ranked_risks_and_both_matrices()
    {
        using var json = Json();
        var root = json.RootElement;
        Assert.Equal(["risks", "opportunities", "matrix", "cells", "parts"], root.EnumerateObject().Select(p => p.Name).ToArray());

        var risks = root.GetProperty("risks").EnumerateArray().ToArray();
        Assert.Equal(21, risks.Length); // the default --top 20, then one row for the others
        Assert.Equal("C091", risks[0].GetProperty("account").GetString()); // neglect (4) + plan gap with thin coverage (3)
        Assert.Equal(7, risks[0].GetProperty("score").GetDouble());
        Assert.Equal("neglect, plan-gap-thin-coverage", risks[0].GetProperty("rules").GetString());
        Assert.Contains("contact.belowStandard = 1", risks[0].GetProperty("reasons").GetString(), StringComparison.Ordinal);
        Assert.Equal("S03", risks[0].GetProperty("owner").GetString());
        var scores = risks[..^1].Select(r => r.GetProperty("score").GetDouble()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.StartsWith("(other ", risks[^1].GetProperty("account").GetString(), StringComparison.Ordinal);

        // Every account in the scores matrix; the value matrix has the accounts with a lifetime value.
        var matrix = root.GetProperty("matrix").EnumerateArray().ToArray();
        Assert.Equal(200, matrix.Count(m => m.GetProperty("matrix").GetString() == "attractiveness-strength"));
        var c175 = matrix.Single(m => m.GetProperty("matrix").GetString() == "current-future-value" && m.GetProperty("account").GetString() == "C175");
        Assert.Contains(c175.GetProperty("cell").GetString(), new[] { "Star", "Cash cow", "Wildcat", "Dog" });

        // The cells add up to the accounts placed, and the parts list the one absent part with why.
        var cells = root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("matrix").GetString() == "attractiveness-strength").ToArray();
        Assert.Equal(4, cells.Length);
        Assert.Equal(200, cells.Sum(c => c.GetProperty("accounts").GetInt32()));
        var parts = root.GetProperty("parts").EnumerateArray().ToArray();
        Assert.Equal(12, parts.Length);
        var absent = Assert.Single(parts, p => p.GetProperty("present").GetString() == "no");
        Assert.Equal("TierChanges", absent.GetProperty("part").GetString());
        Assert.Equal("invoices.csv payments.csv accounts.csv receivables-policy.json", parts.Single(p => p.GetProperty("part").GetString() == "Receivables").GetProperty("files").GetString());
        Assert.Equal("accounts.csv tier-policy.json invoices.csv payments.csv receivables-policy.json", parts.Single(p => p.GetProperty("part").GetString() == "Tiering").GetProperty("files").GetString()); // the credit gate reads the receivables
    }

    [Fact]
    public void Top_shows_the_first_entries_and_the_others_as_one_row()
    {
        using var all = Json("--top", "0");
        using var three = Json("--top", "3");
        var every = all.RootElement.GetProperty("risks").EnumerateArray().ToArray();
        var rows = three.RootElement.GetProperty("risks").EnumerateArray().ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal(every.Take(3).Select(r => r.GetProperty("account").GetString()), rows.Take(3).Select(r => r.GetProperty("account").GetString()));
        Assert.Equal(Invariant($"(other {every.Length - 3})"), rows[3].GetProperty("account").GetString());
        Assert.Equal(every.Skip(3).Sum(r => r.GetProperty("score").GetDouble()), rows[3].GetProperty("score").GetDouble(), 6);
    }

    [Fact]
    public void Table_csv_and_xlsx_are_written()
    {
        var (exit, table, error) = CliHarness.Run("portfolio", sample.Path, "--top", "2");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Risks as of 2026-06-30", table, StringComparison.Ordinal);
        Assert.Contains("The parts of the account review", table, StringComparison.Ordinal);

        (exit, var csv, error) = CliHarness.Run("portfolio", "--dir", sample.Path, "--format", "csv");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("rank,account,name,owner,score,value_at_stake,rules,reasons,action", csv, StringComparison.Ordinal);

        var book = _temp.File("portfolio.xlsx");
        (exit, var wrote, error) = CliHarness.Run("portfolio", sample.Path, "--format", "xlsx", "--out", book);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("5 sheets", wrote, StringComparison.Ordinal);
        Assert.True(new FileInfo(book).Length > 0);
    }

    [Fact]
    public void The_report_draws_both_matrices_as_scatter_plots_with_quadrants_and_the_top_risks_named()
    {
        var html = _temp.File("portfolio.html");
        var (exit, _, error) = CliHarness.Run("portfolio", sample.Path, "--out", html);
        Assert.Equal((0, string.Empty), (exit, error));
        var text = File.ReadAllText(html);
        Assert.Equal(2, CountOf(text, "data-chart=\"scatter\"><svg"));
        Assert.Equal(4, CountOf(text, "class=\"threshold\"")); // one line per axis threshold, two per matrix
        foreach (var cell in new[] { "Strategic", "Development", "Status", "Streamline", "Star", "Cash cow", "Wildcat", "Dog" })
        {
            Assert.Contains($"class=\"quadrant-label\" x=", text, StringComparison.Ordinal);
            Assert.Contains($">{cell}</text>", text, StringComparison.Ordinal);
        }

        Assert.Contains("class=\"point-label\"", text, StringComparison.Ordinal);
        Assert.Contains(">C091</text>", text, StringComparison.Ordinal); // the top risk is named
        Assert.Contains("the portfolio&#39;s medians", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_as_of_day_after_the_files_is_warned_about_and_counted_to()
    {
        var (exit, output, error) = CliHarness.Run("portfolio", sample.Path, "--as-of", "2026-09-30", "--top", "1");
        Assert.Equal(0, exit);
        Assert.Contains("kam: warning: --as-of 2026-09-30 is 92 days after the latest date", error, StringComparison.Ordinal);
        Assert.Contains("Risks as of 2026-09-30", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_equal_to_an_input_is_refused()
    {
        var (exit, _, error) = CliHarness.Run("portfolio", sample.Path, "--out", Path.Combine(sample.Path, "accounts.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("accounts.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_signal_in_the_rules_is_located_in_the_file()
    {
        var rules = RepositoryFiles.Read("docs/schemas/samples/review-rules.json")
            .Replace("\"signal\": \"health.trend\"", "\"signal\": \"health.mood\"", StringComparison.Ordinal)
            .Replace("\"$schema\": \"../review-rules.schema.json\",", string.Empty, StringComparison.Ordinal);
        var path = _temp.Write("review-rules.json", rules);
        var (exit, _, error) = CliHarness.Run("portfolio", sample.Path, "--rules", path);
        Assert.Equal(2, exit);
        Assert.Contains(path + ":$.rules[0].conditions[0].signal", error, StringComparison.Ordinal);
        Assert.Contains("health.mood", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_on_other_axes_is_refused_at_its_name()
    {
        var matrix = _temp.Write("matrix.json", Kam.Core.Portfolio.Matrices.PortfolioMatrix.AttractivenessAndStrength.ToJson().Replace("\"attractiveness\"", "\"loyalty\"", StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("portfolio", sample.Path, "--matrix", matrix);
        Assert.Equal(2, exit);
        Assert.Contains(matrix + ":$.x.name", error, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private JsonDocument Json(params string[] options)
    {
        var (exit, output, error) = CliHarness.Run(["portfolio", sample.Path, .. options, "--format", "json"]);
        Assert.Equal((0, string.Empty), (exit, error));
        return JsonDocument.Parse(output);
    }
}
