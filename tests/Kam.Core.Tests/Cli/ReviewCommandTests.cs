using System.Text.Json;
using Kam.Cli.Features.Review;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// <c>kam review ACCOUNT DIR</c> on the folder <c>kam init --sample</c> writes: each format, the one-page review, an
/// unknown account and an <c>--out</c> that names an input. C175 owes 905,500 against a credit limit of 700,000
/// (<c>kam receivables</c> on the same files), so <c>credit-limit-exceeded</c> fires with the open balance at stake.
/// </summary>
public sealed class ReviewCommandTests(SampleFolder sample) : IClassFixture<SampleFolder>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Out, string Err) Run(string account, params string[] options) => CliHarness.Run(["review", account, sample.Path, .. options]);

    [Fact]
    public void The_table_shows_the_summary_the_signals_and_the_findings()
    {
        var (exit, output, error) = Run("C175");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Account review of C175 as of 2026-06-30 (CNY)", output, StringComparison.Ordinal);
        Assert.Contains("Signals: what the rules read", output, StringComparison.Ordinal);
        Assert.Contains("AccountReceivables.UsedShare", output, StringComparison.Ordinal); // the source field of receivables.creditUsed
        Assert.Contains("credit-limit-exceeded", output, StringComparison.Ordinal);
        Assert.Contains("receivables.creditUsed = 1.29357 > 1 (Receivables: AccountReceivables.UsedShare)", output, StringComparison.Ordinal); // 905,500 / 700,000
        Assert.Contains("Hold new credit sales until the balance is back under the limit", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_json_carry_the_same_three_tables()
    {
        var (_, csv, _) = Run("C175", "--format", "csv");
        Assert.Contains("#summary", csv, StringComparison.Ordinal);
        Assert.Contains("signal,value,unit,part,field", csv, StringComparison.Ordinal);
        Assert.Contains("receivables.open,905500,Money,Receivables,AccountReceivables.OpenBalance", csv, StringComparison.Ordinal);
        Assert.Contains("kind,rule,severity,weight,title,reasons,at_stake_signal,value_at_stake,action", csv, StringComparison.Ordinal);

        var (exit, output, error) = Run("C175", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, error));
        using var json = JsonDocument.Parse(output);
        var summary = Assert.Single(json.RootElement.GetProperty("summary").EnumerateArray());
        Assert.Equal("C175", summary.GetProperty("account").GetString());
        Assert.Equal("TierChanges", summary.GetProperty("absent_parts").GetString());
        var signals = json.RootElement.GetProperty("signals").EnumerateArray().ToArray();
        Assert.Equal(39, signals.Length); // the built-in catalog
        Assert.Equal(905_500d / 700_000d, signals.Single(s => s.GetProperty("signal").GetString() == "receivables.creditUsed").GetProperty("value").GetDouble(), 9);
        var credit = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "credit-limit-exceeded");
        Assert.Equal(("Risk", "High", 905_500m), (credit.GetProperty("kind").GetString(), credit.GetProperty("severity").GetString(), credit.GetProperty("value_at_stake").GetDecimal()));
        Assert.Equal(summary.GetProperty("risks").GetInt32(), json.RootElement.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("kind").GetString() == "Risk"));
    }

    [Fact]
    public void Xlsx_writes_a_workbook_of_three_sheets()
    {
        var book = _temp.File("review.xlsx");
        var (exit, output, _) = Run("C175", "--format", "xlsx", "--out", book);

        Assert.Equal(0, exit);
        Assert.Contains("3 sheets", output, StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(book)[..2]);
    }

    [Fact]
    public void Out_writes_the_one_page_review_for_a4_landscape()
    {
        var page = _temp.File("review.html");
        var (exit, _, error) = Run("C175", "--out", page);

        Assert.Equal((0, string.Empty), (exit, error));
        var html = File.ReadAllText(page);
        Assert.Contains("@page { size: A4 landscape; margin: 10mm; }", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Credit used</dt><dd class=\"bad\">129.4% of 700,000</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<b>Parts absent:</b> Tier changes (", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"code\">credit-limit-exceeded</span>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">Coverage: no gap: the actual 214,000 CNY already meets the target 50,000 CNY.</p>", html, StringComparison.Ordinal);
        Assert.Contains("grid-template-columns: repeat(4, minmax(0, 1fr))", html, StringComparison.Ordinal); // a long value never widens its column
    }

    [Fact]
    public void An_unknown_account_is_refused_with_exit_2_naming_the_file_and_close_ids()
    {
        var (exit, output, error) = Run("c175");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("kam: account 'c175' is not in accounts.csv (200 accounts); did you mean 'C175'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));

        var (code, _, far) = Run("NOBODY");
        Assert.Equal(2, code);
        Assert.Equal("kam: account 'NOBODY' is not in accounts.csv (200 accounts).", far.Trim());
    }

    [Fact]
    public void An_out_equal_to_an_input_is_refused_and_the_input_kept()
    {
        var input = Path.Combine(sample.Path, "accounts.csv");
        var before = File.ReadAllBytes(input);

        var (exit, output, error) = Run("C175", "--out", input);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("is the input file", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void Close_ids_are_at_most_two_edits_away_the_closest_first()
    {
        var known = new[] { "C175", "C176", "C17", "X999" }.Select(AccountId.Parse).ToArray();

        Assert.Equal(["C175", "C17", "C176"], ReviewAnalysis.Close("C175", known));
        Assert.Empty(ReviewAnalysis.Close("ZZZZZZ", known));
    }
}
