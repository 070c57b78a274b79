using System.IO.Compression;
using System.Text.Json;
using Kam.Cli.Features.WinLoss;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core.Portfolio;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// <c>kam winloss</c>: the worked example of docs/portfolio.md as an events file, each figure checked by hand; every
/// output format; the refusals located at their cell; and the sample <c>kam init --sample</c> writes.
/// </summary>
public sealed class WinLossCommandTests : IDisposable
{
    private const string Header = "opportunity_id,account_id,owner,value,currency,expected_close,at,kind,stage,item,person,reason,reason_code,competitor";

    // Five opportunities of three accounts, all opened on 5 January 2026 (docs/portfolio.md, "Worked example"):
    // W1 won after 40 days, W2 won after 100, L1 lost after 60 and L2 after 120 (both to Rival Co), A1 abandoned after 30.
    private static readonly string Example = string.Join('\n',
        Header,
        "W1,CITY,alice,80000,CNY,2026-03-31,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,",
        "W1,CITY,alice,80000,CNY,2026-03-31,2026-02-14T09:00:00Z,won,,,,,won-value,",
        "W2,MINE,bob,500000,CNY,2026-06-30,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,",
        "W2,MINE,bob,500000,CNY,2026-06-30,2026-04-15T09:00:00Z,won,,,,,won-relationship,",
        "L1,CITY,alice,300000,CNY,2026-03-31,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,",
        "L1,CITY,alice,300000,CNY,2026-03-31,2026-03-06T09:00:00Z,lost,,,,price too high,lost-price,Rival Co",
        "L2,TOWER,bob,1200000,CNY,2026-06-30,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,",
        "L2,TOWER,bob,1200000,CNY,2026-06-30,2026-05-05T09:00:00Z,lost,,,,,lost-competitor-offer,Rival Co",
        "A1,CITY,alice,50000,CNY,2026-03-31,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,",
        "A1,CITY,alice,50000,CNY,2026-03-31,2026-02-04T09:00:00Z,abandoned,,,,,abandoned-behind,",
        "O1,MINE,bob,700000,CNY,2026-09-30,2026-03-01T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,") + "\n";

    private const string Accounts = "account_id,name,industry,currency,revenue,gross_profit\nCITY,City Works,government,CNY,1000000,200000\nMINE,Mine Co,mining,CNY,1000000,200000\nTOWER,Tower Estates,real estate,CNY,1000000,200000\n";

    private readonly TempFolder _temp = new();
    private readonly string _events;
    private readonly string _accounts;

    public WinLossCommandTests()
    {
        _events = _temp.Write("events.csv", Example);
        _accounts = _temp.Write("accounts.csv", Accounts);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_worked_example_gives_the_hand_computed_figures()
    {
        var root = Json(_events, "--accounts", _accounts);

        // 5 closed (the open O1 is not): 2 won, 2 lost, 1 abandoned; 40% by count, 580,000 / 2,130,000 = 27.23% by value;
        // cycles 30, 40, 60, 100, 120 days: median 60, mean 70.
        var total = Assert.Single(root.GetProperty("winloss").EnumerateArray());
        Assert.Equal((5, 2, 2, 1), (Int(total, "closed"), Int(total, "won"), Int(total, "lost"), Int(total, "abandoned")));
        Assert.Equal(40m, total.GetProperty("win_rate_pct").GetDecimal());
        Assert.Equal(27.23m, total.GetProperty("value_win_rate_pct").GetDecimal());
        Assert.Equal((2_130_000m, 580_000m, 1_500_000m), (total.GetProperty("closed_value").GetDecimal(), total.GetProperty("won_value").GetDecimal(), total.GetProperty("lost_value").GetDecimal()));
        Assert.Equal((60d, 70d), (total.GetProperty("median_cycle_days").GetDouble(), total.GetProperty("mean_cycle_days").GetDouble()));

        // By reason, in the list's order; by cause; Rival Co won 2 worth 1,500,000.
        Assert.Equal(["won-value", "won-relationship", "lost-price", "lost-competitor-offer", "abandoned-behind"], Keys(root, "by_reason", "reason_code"));
        var price = root.GetProperty("by_reason")[2];
        Assert.Equal(("lost", "price", "Our price too high", 300_000m), (price.GetProperty("outcome").GetString(), price.GetProperty("cause").GetString(), price.GetProperty("label").GetString(), price.GetProperty("lost_value").GetDecimal()));
        Assert.Equal(["competitor-offer", "price", "qualification", "relationship", "value"], Keys(root, "by_cause", "cause"));
        var rival = Row(root, "by_competitor", "competitor", "Rival Co");
        Assert.Equal((2, 2, 1_500_000m), (Int(rival, "closed"), Int(rival, "lost"), rival.GetProperty("lost_value").GetDecimal()));
        Assert.Equal(3, Int(Row(root, "by_competitor", "competitor", "(none named)"), "closed"));

        // By owner: alice 1 of 3 (33.33%), bob 1 of 2 (50%); one milestone item enters no stage: all before stage 1.
        Assert.Equal(33.33m, Row(root, "by_owner", "owner", "alice").GetProperty("win_rate_pct").GetDecimal());
        Assert.Equal(50m, Row(root, "by_owner", "owner", "bob").GetProperty("win_rate_pct").GetDecimal());
        var stage = Assert.Single(root.GetProperty("by_stage").EnumerateArray());
        Assert.Equal((0, "before stage 1", 5), (Int(stage, "stage"), stage.GetProperty("name").GetString(), Int(stage, "closed")));

        // By size band: small 1 of 2, medium 1 of 2, large 0 of 1.
        var bands = root.GetProperty("by_size_band").EnumerateArray().Select(b => (b.GetProperty("band").GetString(), Int(b, "closed"), Int(b, "won"))).ToArray();
        Assert.Equal([("small", 2, 1), ("medium", 2, 1), ("large", 1, 0)], bands);

        // By industry: government 3 closed (1 won), mining 1 won, real estate 1 lost.
        Assert.Equal(["government", "mining", "real estate"], Keys(root, "by_industry", "industry"));
        Assert.Equal((3, 1), (Int(Row(root, "by_industry", "industry", "government"), "closed"), Int(Row(root, "by_industry", "industry", "government"), "won")));

        // The trend: FY2026-Q1 1 of 3 (33.33%), FY2026-Q2 1 of 2 (50%, +16.67 points, won value 500,000 - 80,000).
        var periods = root.GetProperty("by_period").EnumerateArray().ToArray();
        Assert.Equal(["FY2026-Q1", "FY2026-Q2"], periods.Select(p => p.GetProperty("period").GetString()).ToArray());
        Assert.Equal((3, 33.33m), (Int(periods[0], "closed"), periods[0].GetProperty("win_rate_pct").GetDecimal()));
        Assert.Equal((2, 50m, -1), (Int(periods[1], "closed"), periods[1].GetProperty("win_rate_pct").GetDecimal(), Int(periods[1], "closed_change")));
        Assert.Equal(16.67m, periods[1].GetProperty("win_rate_change_pts").GetDecimal());
        Assert.Equal(420_000m, periods[1].GetProperty("won_value_change").GetDecimal());
    }

    [Fact]
    public void Without_accounts_there_is_no_industry_table_and_the_period_and_as_of_options_apply()
    {
        var root = Json(_events);
        Assert.False(root.TryGetProperty("by_industry", out _));

        // Months: from February (A1 and W1) to May (L2); none closed in January.
        var months = Json(_events, "--period", "month");
        Assert.Equal(["FY2026-M02", "FY2026-M03", "FY2026-M04", "FY2026-M05"], Keys(months, "by_period", "period"));
        Assert.Equal([2, 1, 1, 1], months.GetProperty("by_period").EnumerateArray().Select(p => Int(p, "closed")).ToArray());

        // As of 31 March: only W1, L1 and A1 had closed.
        var march = Assert.Single(Json(_events, "--as-of", "2026-03-31").GetProperty("winloss").EnumerateArray());
        Assert.Equal((3, 1), (Int(march, "closed"), Int(march, "won")));
    }

    [Fact]
    public void Every_format_carries_every_table()
    {
        string[] names = ["winloss", "by_reason", "by_cause", "by_competitor", "by_stage", "by_owner", "by_size_band", "by_industry", "by_period"];
        Assert.Equal(names, Json(_events, "--accounts", _accounts).EnumerateObject().Select(p => p.Name).ToArray());

        var csv = CliHarness.Run("winloss", _events, "--accounts", _accounts, "--format", "csv");
        Assert.Equal(0, csv.Exit);
        foreach (var name in names)
        {
            Assert.Contains("#" + name + "\n", csv.Out, StringComparison.Ordinal);
        }

        Assert.Contains("closed,won,lost,abandoned,win_rate_pct,value_win_rate_pct,closed_value,won_value,lost_value,median_cycle_days,mean_cycle_days\n5,2,2,1,40,27.23,2130000,580000,1500000,60,70\n", csv.Out, StringComparison.Ordinal);

        var table = CliHarness.Run("winloss", _events);
        Assert.Equal(0, table.Exit);
        Assert.Contains("By close reason", table.Out, StringComparison.Ordinal);
        Assert.Contains("Rival Co", table.Out, StringComparison.Ordinal);

        var book = _temp.File("winloss.xlsx");
        var xlsx = CliHarness.Run("winloss", _events, "--accounts", _accounts, "--format", "xlsx", "--out", book);
        Assert.Equal(0, xlsx.Exit);
        Assert.Contains("9 sheets", xlsx.Out, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(book);
        Assert.Equal(9, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)));
    }

    [Fact]
    public void Out_writes_the_trend_the_reasons_and_the_competitors_each_explained()
    {
        var report = _temp.File("winloss.html");
        var (exit, _, error) = CliHarness.Run("winloss", _events, "--accounts", _accounts, "--out", report);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var html = File.ReadAllText(report);
        foreach (var title in new[] { "Win rate by period of closing: by count and by value", "Value lost and abandoned by close reason", "Value lost by the competitor who won" })
        {
            Assert.Contains(title, html, StringComparison.Ordinal);
        }

        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        foreach (var text in new[] { WinLossViews.TrendText, WinLossViews.ReasonText, WinLossViews.CompetitorText })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html, StringComparison.Ordinal);
        }

        foreach (var id in new[] { "winloss-trend", "winloss-reasons", "winloss-competitors", "winloss-breakdowns" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("FY2026-Q2", html, StringComparison.Ordinal);
        Assert.Contains("lost-competitor-offer", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_closed_gives_empty_figures_never_zero_rates()
    {
        var events = _temp.Write("open.csv", Header + "\nO1,MINE,bob,700000,CNY,2026-09-30,2026-03-01T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,\n");
        var report = _temp.File("open.html");
        Assert.Equal(0, CliHarness.Run("winloss", events, "--out", report).Exit);
        Assert.Contains("data-chart=\"bar\"", File.ReadAllText(report), StringComparison.Ordinal);
        var total = Assert.Single(Json(events).GetProperty("winloss").EnumerateArray());
        Assert.Equal(0, Int(total, "closed"));
        Assert.Equal(JsonValueKind.Null, total.GetProperty("win_rate_pct").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("median_cycle_days").ValueKind);
    }

    [Fact]
    public void An_out_equal_to_an_input_is_refused_and_the_input_kept()
    {
        var (exit, _, error) = CliHarness.Run("winloss", _events, "--out", _events);
        Assert.Equal(2, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.Equal(Example, File.ReadAllText(_events));
        Assert.Equal(2, CliHarness.Run("winloss", _events, "--accounts", _accounts, "--out", _accounts).Exit);
    }

    [Fact]
    public void An_unknown_reason_code_is_refused_at_its_cell_with_the_code()
    {
        var events = _temp.Write("unknown.csv", Example.Replace("lost-price,Rival Co", "lost-moon,Rival Co", StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("winloss", events);
        Assert.Equal(2, exit);
        Assert.Contains("unknown.csv:7:13", error, StringComparison.Ordinal);
        Assert.Contains("lost-moon", error, StringComparison.Ordinal);
        Assert.Contains("no such code", error, StringComparison.Ordinal);

        // A code of the list given for another outcome: a won reason on a lost row.
        var wrong = _temp.Write("wrong.csv", Example.Replace("lost-price,Rival Co", "won-price,Rival Co", StringComparison.Ordinal));
        var refused = CliHarness.Run("winloss", wrong);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("wrong.csv:7:13", refused.Err, StringComparison.Ordinal);
        Assert.Contains("won-price", refused.Err, StringComparison.Ordinal);

        // With its own list (--reasons), a code only that list holds is accepted.
        var reasons = _temp.Write("close-reasons.json", """{ "reasons": [ { "code": "lost-moon", "label": "Lost to the moon", "outcome": "Lost" }, { "code": "won-value", "label": "v", "outcome": "Won" }, { "code": "won-relationship", "label": "r", "outcome": "Won" }, { "code": "lost-competitor-offer", "label": "c", "outcome": "Lost", "cause": "competitor-offer" }, { "code": "abandoned-behind", "label": "b", "outcome": "Abandoned" } ] }""");
        var custom = Json(events, "--reasons", reasons);
        Assert.Equal(["lost-moon", "won-value", "won-relationship", "lost-competitor-offer", "abandoned-behind"], Keys(custom, "by_reason", "reason_code")); // the list's order
    }

    [Fact]
    public void A_reason_code_or_competitor_on_the_wrong_row_is_refused_at_its_cell()
    {
        // A reason code on a milestone row (column 13), a competitor on a won row (column 14).
        var events = _temp.Write("misplaced.csv", Example
            .Replace("W2,MINE,bob,500000,CNY,2026-06-30,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,,", "W2,MINE,bob,500000,CNY,2026-06-30,2026-01-05T09:00:00Z,milestone,1,s1.customer-info-gathered,,,won-value,", StringComparison.Ordinal)
            .Replace("won,,,,,won-relationship,", "won,,,,,won-relationship,Rival Co", StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("winloss", events);
        Assert.Equal(2, exit);
        Assert.Contains("misplaced.csv:4:13", error, StringComparison.Ordinal);
        Assert.Contains("won-value", error, StringComparison.Ordinal);
        Assert.Contains("misplaced.csv:5:14", error, StringComparison.Ordinal);
        Assert.Contains("Rival Co", error, StringComparison.Ordinal);
        Assert.Equal(2, CliHarness.Run("pipeline", events).Exit); // the reader refuses them for every command
    }

    [Fact]
    public void An_account_missing_from_the_accounts_is_refused_at_its_first_row()
    {
        var accounts = _temp.Write("two.csv", Accounts.Replace("TOWER,Tower Estates,real estate,CNY,1000000,200000\n", string.Empty, StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("winloss", _events, "--accounts", accounts);
        Assert.Equal(2, exit);
        Assert.Contains("events.csv:8:2", error, StringComparison.Ordinal);
        Assert.Contains("TOWER", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_file_without_the_new_columns_still_reads_and_counts_without_codes()
    {
        var old = string.Join('\n', Example.Split('\n').Select(line => line.Length == 0 ? line : string.Join(',', line.Split(',').Take(12)))).Replace("abandoned,,,,", "abandoned,,,,too far behind", StringComparison.Ordinal);
        var events = _temp.Write("old.csv", old);
        Assert.Equal(0, CliHarness.Run("pipeline", events).Exit);
        var root = Json(events);
        var reason = Assert.Single(root.GetProperty("by_reason").EnumerateArray());
        Assert.Equal(("(no code)", 5), (reason.GetProperty("reason_code").GetString(), Int(reason, "closed")));
        Assert.Equal(["(none named)"], Keys(root, "by_competitor", "competitor"));
    }

    [Fact]
    public void The_reasons_and_options_files_are_exclusive_and_checked()
    {
        var reasons = _temp.Write("close-reasons.json", CloseReasonCatalog.Default.ToJson());
        var options = _temp.Write("winloss.json", """{ "period": "Half", "sizeBands": [ { "name": "all", "from": 0 } ] }""");
        Assert.NotEqual(0, CliHarness.Run("winloss", _events, "--reasons", reasons, "--options", options).Exit);
        var root = Json(_events, "--options", options);
        Assert.Equal(["FY2026-H1"], Keys(root, "by_period", "period"));
        Assert.Equal(["all"], Keys(root, "by_size_band", "band"));
        Assert.Equal(["FY2026-Q1", "FY2026-Q2"], Keys(Json(_events, "--options", options, "--period", "quarter"), "by_period", "period"));

        var bad = _temp.Write("bad.json", """{ "sizeBands": [ { "name": "small", "from": 5 } ] }""");
        var (exit, _, error) = CliHarness.Run("winloss", _events, "--options", bad);
        Assert.Equal(2, exit);
        Assert.Contains("bad.json:$.sizeBands", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_has_reason_codes_competitors_and_its_own_reason_list()
    {
        var folder = Path.Combine(_temp.Path, "sample");
        Assert.Equal(0, CliHarness.Run("init", folder, "--sample").Exit);
        var reasons = Path.Combine(folder, WinLossRun.ReasonsFileName);
        var text = File.ReadAllText(reasons);
        Assert.StartsWith("{\n  \"$schema\": \"./close-reasons.schema.json\",\n", text, StringComparison.Ordinal); // and the schema beside it
        Assert.Equal(CloseReasonCatalog.Default.ToJson().TrimEnd() + "\n", text.Replace("  \"$schema\": \"./close-reasons.schema.json\",\n", string.Empty, StringComparison.Ordinal));
        var root = Json(Path.Combine(folder, "events.csv"), "--accounts", Path.Combine(folder, "accounts.csv"), "--reasons", reasons);
        var codes = Keys(root, "by_reason", "reason_code");
        Assert.DoesNotContain("(no code)", codes);
        Assert.Contains("lost-price", codes);
        Assert.Contains("won-value", codes);
        Assert.Equal(4, Keys(root, "by_competitor", "competitor").Length); // three competitors and (none named)

        // Every breakdown sums to the total.
        var closed = Int(root.GetProperty("winloss")[0], "closed");
        foreach (var name in new[] { "by_reason", "by_cause", "by_competitor", "by_stage", "by_owner", "by_size_band", "by_industry", "by_period" })
        {
            Assert.Equal(closed, root.GetProperty(name).EnumerateArray().Sum(r => Int(r, "closed")));
        }
    }

    [Fact]
    public void The_portfolio_page_shows_rows_of_this_file()
    {
        var page = RepositoryFiles.Read("docs/portfolio.md").ReplaceLineEndings("\n");
        var section = page[page.IndexOf("### From the command line", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```csv\n", StringComparison.Ordinal) + "```csv\n".Length)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var lines = Example.Split('\n');
        Assert.All(block.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(line, lines));
    }

    [Fact]
    public void The_events_schema_documents_the_new_columns()
    {
        Assert.Contains(EventsCsv.Schema.Columns, c => c.Name == "reason_code" && !c.Required);
        Assert.Contains(EventsCsv.Schema.Columns, c => c.Name == "competitor" && !c.Required);
        Assert.NotEmpty(EventsCsv.Read(new StringReader(EventsCsv.Schema.ToExampleFile()), "events.csv"));
    }

    private static JsonElement Json(params string[] args)
    {
        var (exit, output, error) = CliHarness.Run(["winloss", .. args, "--format", "json"]);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    private static int Int(JsonElement row, string name) => row.GetProperty(name).GetInt32();

    private static string?[] Keys(JsonElement root, string table, string column) =>
        [.. root.GetProperty(table).EnumerateArray().Select(r => r.GetProperty(column).GetString())];

    private static JsonElement Row(JsonElement root, string table, string column, string key) =>
        Assert.Single(root.GetProperty(table).EnumerateArray(), r => r.GetProperty(column).GetString() == key);
}
