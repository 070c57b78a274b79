using System.Globalization;
using System.Text;
using System.Text.Json;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.Shared;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core.Compensation;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// End-to-end runs of <c>kam</c> on inputs the engines cannot take or that would give a silent wrong answer: amounts
/// and dates beyond the supported bounds, blank or mistyped cells, engine errors about the Nth record, collections
/// beyond a deal's amount, duplicate rows, as-of days in the future, files not in UTF-8, and the output's CSV cells
/// and JSON booleans.
/// </summary>
public sealed class InputChecksTests : IDisposable
{
    private const string Max = "1000000000000000"; // 10^15, CsvColumns.MaxAmount
    private const string OverMax = "1000000000000001";

    private const string AccountsHeader = "account_id,name,currency,revenue,gross_profit,cost_to_serve,discounts";

    private const string DealsHeader = "deal_id,salesperson,account_id,opportunity_id,booked_on,amount,currency,gross_margin";

    private const string CollectionsHeader = "deal_id,collected_on,amount,currency";

    private readonly TempFolder _temp = new();

    public InputChecksTests()
    {
        _temp.Write("plan.json", PayRun.DefaultPlan.ToJson());
        _temp.Write("events.csv", EventsCsv.Schema.ToExampleFile());
    }

    public void Dispose() => _temp.Dispose();

    // ---- amounts ----

    [Fact]
    public void The_issue_s_revenue_of_decimal_max_is_refused_at_its_cell_with_its_value()
    {
        var file = _temp.Write("a.csv", "account_id,name,currency,revenue,gross_profit\nA1,X,CNY,79228162514264337593543950335,0\n");
        var (exit, output, error) = CliHarness.Run("tier", file);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{file}:2:4: column 'revenue': is too large", error, StringComparison.Ordinal);
        Assert.Contains("value '79228162514264337593543950335'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5e28")]
    [InlineData("50000000000000000000000000000")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("792281625142643375935439503350")]
    public void Amounts_beyond_the_bound_or_decimal_are_out_of_range_not_format_errors(string revenue)
    {
        var file = _temp.Write("a.csv", $"account_id,name,currency,revenue,gross_profit\nA1,X,CNY,1,{revenue}\n");
        var (exit, _, error) = CliHarness.Run("tier", file);
        Assert.Equal(2, exit);
        Assert.Contains($"{file}:2:5:", error, StringComparison.Ordinal);
        Assert.Contains($"value '{revenue}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_takes_every_amount_at_the_bound_and_refuses_one_above_it()
    {
        var ok = _temp.Write("ok.csv", $"{AccountsHeader}\nA1,X,CNY,{Max},{Max},{Max},{Max}\nA2,Y,CNY,{Max},-{Max},{Max},{Max}\nA3,Z,CNY,0,0,0,0\n");
        var (exit, output, error) = CliHarness.Run("tier", ok, "--format", "json");
        Assert.True(exit == 0, error);
        var a2 = JsonDocument.Parse(output).RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == "A2");
        Assert.Equal(-3_000_000_000_000_000m, a2.GetProperty("contribution").GetDecimal()); // −10^15 − 10^15 − 10^15

        var bad = _temp.Write("bad.csv", $"{AccountsHeader}\nA1,X,CNY,{Max},0,0,0\nA2,Y,CNY,0,0,0,-{OverMax}\n");
        (exit, output, error) = CliHarness.Run("tier", bad);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{bad}:3:7:", error, StringComparison.Ordinal);
        Assert.Contains($"value '-{OverMax}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_takes_a_value_at_the_bound_and_refuses_one_above_it()
    {
        var ok = _temp.Write("ok.csv", EventsCsv.Schema.ToExampleFile().Replace(",1200000,", $",{Max},", StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("pipeline", ok);
        Assert.True(exit == 0, error);

        var bad = _temp.Write("bad.csv", EventsCsv.Schema.ToExampleFile().Replace(",800000,", $",{OverMax},", StringComparison.Ordinal));
        (exit, _, error) = CliHarness.Run("pipeline", bad);
        Assert.Equal(2, exit);
        Assert.Matches($@"bad\.csv:\d+:4: column 'value': is too large.*value '{OverMax}'", error);
    }

    [Fact]
    public void Pay_takes_deals_and_collections_at_the_bound_and_refuses_one_above_it()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,{Max},CNY,50%\nD2,S02,A2,,2026-03-01,{Max},CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\nD1,2026-04-01,{Max},CNY\nD2,2026-05-01,{Max},CNY\n");
        var (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections);
        Assert.True(exit == 0, error);

        var over = _temp.Write("over.csv", $"{CollectionsHeader}\nD1,2026-04-01,1,CNY\nD2,2026-05-01,{OverMax},CNY\n");
        (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, over);
        Assert.Equal(2, exit);
        Assert.Contains($"{over}:3:3: column 'amount': is too large", error, StringComparison.Ordinal);
        Assert.Contains($"value '{OverMax}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ltv_takes_purchases_at_the_bound_and_refuses_one_above_it()
    {
        var rows = new StringBuilder("customer_id,date,amount,currency\n");
        for (var c = 0; c < 12; c++)
        {
            for (var k = 0; k <= c % 4; k++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"C{c},2025-{1 + (k * 3) + (c % 3):00}-{1 + c:00},{(k % 2 == 0 ? Max : (1000 + c).ToString(CultureInfo.InvariantCulture))},CNY\n");
            }
        }

        var ok = _temp.Write("ok.csv", rows.ToString());
        foreach (var model in new[] { "bgnbd", "pareto", "sbg" })
        {
            var (exit, _, error) = CliHarness.Run("ltv", ok, "--model", model);
            Assert.True(exit == 0, model + ": " + error);
        }

        var bad = _temp.Write("bad.csv", rows.ToString().Replace($",{Max},", $",{OverMax},", StringComparison.Ordinal));
        var (code, _, message) = CliHarness.Run("ltv", bad);
        Assert.Equal(2, code);
        Assert.Contains($"{bad}:2:3: column 'amount': is too large", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_whose_total_passes_ten_to_the_eighteen_is_refused_at_the_row_where_it_does()
    {
        var csv = new StringBuilder(AccountsHeader + "\n");
        for (var i = 1; i <= 1001; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A{i},X,CNY,1,{(i % 2 == 0 ? "-" : string.Empty)}{Max},0,0\n");
        }

        var file = _temp.Write("a.csv", csv.ToString());
        var (exit, _, error) = CliHarness.Run("tier", file);
        Assert.Equal(2, exit);

        // Row 1001 (line 1002) takes the sum of |gross_profit| to 1001 × 10^15, although the signed sum is 10^15.
        Assert.Contains($"{file}:1002:5: column 'gross_profit': the file's total of gross_profit (sum of absolute values) passes 1000000000000000000", error, StringComparison.Ordinal);
        Assert.DoesNotContain(":1001:5:", error, StringComparison.Ordinal);
    }

    // ---- dates and instants ----

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    public void Pipeline_refuses_an_as_of_day_outside_the_supported_dates(string day)
    {
        var (exit, output, error) = CliHarness.Run("pipeline", _temp.File("events.csv"), "--as-of", day);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"--as-of: is outside the supported dates 1900-01-01..2199-12-31. (out_of_range, value '{day}')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_supported_day_works_as_of_day()
    {
        var (exit, _, error) = CliHarness.Run("pipeline", _temp.File("events.csv"), "--as-of", "2199-12-31");
        Assert.True(exit == 0, error);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59-12:00")]
    [InlineData("2199-12-31T23:59:59-12:00")]
    [InlineData("1899-12-31T23:00:00Z")]
    [InlineData("-0001-01-01T00:00:00Z")]
    public void An_event_instant_outside_the_supported_dates_is_refused_at_its_cell(string at)
    {
        var file = _temp.Write("e.csv", EventsCsv.Schema.ToExampleFile().Replace("2026-03-05T15:00:00+08:00", at, StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("pipeline", file);
        Assert.Equal(2, exit);
        Assert.Matches(@"e\.csv:\d+:7: column 'at': (is outside the supported dates|not an instant)", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_cells_and_pay_periods_outside_the_supported_dates_are_refused()
    {
        var accounts = _temp.Write("a.csv", "account_id,name,currency,revenue,gross_profit,first_order\nA1,X,CNY,1,1,0001-01-01\n");
        var (exit, _, error) = CliHarness.Run("tier", accounts);
        Assert.Equal(2, exit);
        Assert.Contains($"{accounts}:2:6: column 'first_order': is outside the supported dates", error, StringComparison.Ordinal);

        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,100,CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\nD1,2026-04-01,100,CNY\n");
        (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections, "--period", "FY9998");
        Assert.Equal(2, exit);
        Assert.Contains("--period: is outside the supported dates", error, StringComparison.Ordinal);
    }

    // ---- blank and mistyped cells ----

    [Theory]
    [InlineData("")]
    [InlineData("wonn")]
    public void A_blank_or_mistyped_event_kind_is_refused_at_its_cell(string kind)
    {
        var file = _temp.Write("e.csv", EventsCsv.Schema.ToExampleFile().Replace(",milestone,1,", $",{kind},1,", StringComparison.Ordinal));
        var (exit, _, error) = CliHarness.Run("pipeline", file);
        Assert.Equal(2, exit);
        Assert.Matches(@"e\.csv:\d+:8: column 'kind'", error);
        Assert.DoesNotContain("NullReference", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_deal_id_is_refused_at_its_cell_in_deals_and_collections()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\n,S01,A1,,2026-03-01,100,CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\n,2026-04-01,100,CNY\n");
        var (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections);
        Assert.Equal(2, exit);
        Assert.Contains($"{deals}:2:1: column 'deal_id' needs a value", error, StringComparison.Ordinal);
    }

    // ---- engine errors located ----

    [Fact]
    public void A_receipt_before_its_deal_is_reported_at_the_collections_cell_with_an_iso_date()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,1000,CNY,\n");
        var collections = _temp.Write("collections.csv", $"# receipts\n{CollectionsHeader}\nD1,2026-04-01,100,CNY\nD1,2026-01-02,100,CNY\n");
        var (exit, output, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{collections}:4:2: collection on deal 'D1': cash cannot be received before the deal is booked. (out_of_order, value '2026-01-02')", error, StringComparison.Ordinal);
        Assert.DoesNotContain("collections[", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Friday", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_errors_map_engine_paths_to_cells_and_leave_other_paths_alone()
    {
        var (deals, collections) = PayCsv.Read(
            new StringReader($"{DealsHeader}\nD1,S01,A1,,2026-03-01,1000,CNY,10%\nD2,S02,A1,,2026-03-02,2000,CNY,\n"), "deals.csv",
            new StringReader($"{CollectionsHeader}\nD2,2026-04-01,100,CNY\n"), "collections.csv");
        var maps = new[] { RecordErrors.Deals(deals), RecordErrors.Collections(collections) };

        var amount = RecordErrors.Locate(new KamValidationError("deals[1].amount", KamErrorCodes.OutOfRange, "2000 CNY", "Too much."), maps);
        Assert.Equal(new KamValidationError("deals.csv:3:6", KamErrorCodes.OutOfRange, "2000", "deal 'D2': too much."), amount);
        var booked = RecordErrors.Locate(new KamValidationError("deals[0].bookedOn", KamErrorCodes.OutOfOrder, "Sunday, 01 March 2026", "x"), maps);
        Assert.Equal(("deals.csv:2:5", "2026-03-01"), (booked.Path, booked.AttemptedValue));
        var deal = RecordErrors.Locate(new KamValidationError("collections[0].deal", KamErrorCodes.Unknown, "D2", "x"), maps);
        Assert.Equal("collections.csv:2:1", deal.Path);

        var other = new KamValidationError("payees[0].annualQuota", KamErrorCodes.OutOfRange, "1", "x");
        Assert.Same(other, RecordErrors.Locate(other, maps));
        var beyond = new KamValidationError("deals[7].amount", KamErrorCodes.OutOfRange, "1", "x");
        Assert.Same(beyond, RecordErrors.Locate(beyond, maps));
    }

    [Fact]
    public void Opportunity_and_purchase_errors_are_located_at_their_rows()
    {
        var example = EventsCsv.Schema.ToExampleFile();
        var opportunities = EventsCsv.Read(new StringReader(example), "events.csv");
        var lastLine = example.TrimEnd('\n').Split('\n').Length; // OP-0002's only row
        var value = RecordErrors.Locate(new KamValidationError("opportunities[1].value", KamErrorCodes.OutOfRange, "x", "Too large."), [RecordErrors.Opportunities(opportunities)]);
        Assert.Equal(($"events.csv:{lastLine}:4", "800000", "opportunity 'OP-0002': too large."), (value.Path, value.AttemptedValue, value.Message));

        var purchases = TransactionsCsv.Read(new StringReader("customer_id,date,amount\nA1,2025-01-01,5\nA2,2025-01-02,7\n"), "t.csv");
        var amount = RecordErrors.Locate(new KamValidationError("log[1].amount", KamErrorCodes.OutOfRange, "7", "Bad."), [RecordErrors.Transactions(purchases)]);
        Assert.Equal(("t.csv:3:3", "7", "customer 'A2': bad."), (amount.Path, amount.AttemptedValue, amount.Message));
    }

    // ---- collections beyond a deal's amount ----

    [Fact]
    public void Collections_beyond_a_deal_s_amount_are_refused_naming_the_row_and_both_amounts()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,1200000,CNY,\nD2,S02,A2,,2026-03-01,450000,CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\nD2,2026-04-01,400000,CNY\nD1,2026-04-01,1200000,CNY\nD2,2026-05-01,100000000,CNY\n");
        var (exit, output, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{collections}:4:3: collections on deal 'D2' reach 100400000 CNY at this row, more than the deal's amount 450000 CNY ({deals}:3:6)", error, StringComparison.Ordinal);
        Assert.Contains("--allow-overcollection", error, StringComparison.Ordinal);
        Assert.DoesNotContain(":3:3:", error, StringComparison.Ordinal); // D1 collected exactly its amount
    }

    [Fact]
    public void With_allow_overcollection_the_run_goes_on_and_each_such_deal_is_a_warning_and_a_table()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,1200000,CNY,\nD2,S02,A2,,2026-03-01,450000,CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\nD2,2026-04-01,400000,CNY\nD2,2026-05-01,100000000,CNY\n");
        var (exit, output, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections, "--allow-overcollection", "--format", "json");
        Assert.True(exit == 0, error);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("kam: warning: deal 'D2'", warning, StringComparison.Ordinal);
        Assert.Contains("100400000 CNY collected, more than its amount 450000 CNY", warning, StringComparison.Ordinal);
        var row = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("overcollected").EnumerateArray());
        Assert.Equal(("D2", 99_950_000m), (row.GetProperty("deal").GetString(), row.GetProperty("excess").GetDecimal()));
    }

    // ---- duplicate rows ----

    [Fact]
    public void Duplicate_purchases_are_refused_with_both_lines_unless_kept()
    {
        var file = _temp.Write("t.csv", "customer_id,date,amount,currency\nA1,2025-01-14,15230.50,CNY\nA1,2025-03-02,8800,CNY\nA1, 2025-01-14 ,15230.50,CNY\nA1,2025-01-14,15230.5,CNY\n");
        var (exit, _, error) = CliHarness.Run("ltv", file);
        Assert.Equal(2, exit);
        var problems = error.Split('\n').Where(l => l.Contains("identical", StringComparison.Ordinal)).ToArray();
        var problem = Assert.Single(problems); // 15230.5 is not the same cell as 15230.50
        Assert.Contains($"{file}:4: the row is identical in every cell to line 2", problem, StringComparison.Ordinal);
        Assert.Contains("--keep-duplicates", problem, StringComparison.Ordinal);

        var kept = TransactionsCsv.Read(new StringReader(File.ReadAllText(file)), "t.csv", keepDuplicates: true);
        Assert.Equal(4, kept.Count);
    }

    [Fact]
    public void Duplicate_collection_rows_are_refused_unless_kept()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,1200000,CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\nD1,2026-04-01,100000,CNY\nD1,2026-04-01,100000,CNY\n");
        var (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections);
        Assert.Equal(2, exit);
        Assert.Contains($"{collections}:3: the row is identical in every cell to line 2: the same receipt would be counted twice", error, StringComparison.Ordinal);

        (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections, "--keep-duplicates");
        Assert.True(exit == 0, error);
    }

    // ---- as-of in the future ----

    [Fact]
    public void Tier_warns_when_a_last_order_in_2099_moves_the_as_of_day()
    {
        var file = _temp.Write("a.csv", "account_id,name,currency,revenue,gross_profit,last_order\nA1,X,CNY,10,1,2026-01-05\nA2,Y,CNY,20,2,2099-06-18\n");
        var (exit, output, error) = CliHarness.Run("tier", file);
        Assert.True(exit == 0, error);
        Assert.NotEqual(string.Empty, output);
        Assert.Contains("kam: warning: the as-of day 2099-06-18 (the latest date in", error, StringComparison.Ordinal);
        Assert.Contains("is after today", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_as_of_far_after_the_file_s_latest_date_warns_and_one_near_it_does_not()
    {
        // The latest date of the example events.csv is an expected close, 2026-09-30 (the latest event is 2026-03-06).
        var file = _temp.File("events.csv");
        var (exit, _, error) = CliHarness.Run("pipeline", file, "--as-of", "2026-10-05");
        Assert.Equal((0, string.Empty), (exit, error));

        (exit, _, error) = CliHarness.Run("pipeline", file, "--as-of", "2026-11-30");
        Assert.Equal(0, exit);
        Assert.Equal("kam: warning: --as-of 2026-11-30 is 61 days after the latest date in " + file + " (2026-09-30): anything after 2026-09-30 is missing from the file, and the results are counted to 2026-11-30.", error.TrimEnd());
    }

    [Fact]
    public void Pay_warns_when_a_date_in_the_future_chooses_the_fiscal_year()
    {
        var deals = _temp.Write("deals.csv", $"{DealsHeader}\nD1,S01,A1,,2026-03-01,1000,CNY,\n");
        var collections = _temp.Write("collections.csv", $"{CollectionsHeader}\nD1,2099-04-01,100,CNY\n");
        var (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections);
        Assert.True(exit == 0, error);
        Assert.StartsWith("kam: warning: the latest booking or collection date, 2099-04-01, is after today", error, StringComparison.Ordinal);
        Assert.Contains("FY2099", error, StringComparison.Ordinal);

        (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), deals, collections, "--period", "FY2026");
        Assert.Equal((0, string.Empty), (exit, error));
    }

    [Fact]
    public void As_of_warnings_compare_with_today_and_with_the_file()
    {
        var today = new NodaTime.LocalDate(2026, 12, 1);
        Assert.Empty(AsOfWarnings.For(new(2026, 11, 30), "--as-of", given: true, new(2026, 11, 28), "f.csv", today));
        Assert.Single(AsOfWarnings.For(new(2026, 12, 2), "--as-of", given: false, new(2026, 12, 2), "f.csv", today));
        Assert.Equal(2, AsOfWarnings.For(new(2027, 1, 1), "--as-of", given: true, new(2026, 11, 1), "f.csv", today).Count());
        Assert.All(AsOfWarnings.For(new(2027, 1, 1), "--as-of", given: true, new(2026, 11, 1), "f.csv", today), w => Assert.StartsWith("kam: warning: ", w, StringComparison.Ordinal));
    }

    // ---- encodings ----

    [Fact]
    public void A_latin1_file_is_refused_naming_the_encoding_the_line_and_iconv()
    {
        var bytes = Encoding.Latin1.GetBytes("account_id,name,currency,revenue,gross_profit\nA1,Acme,CNY,1,1\nA2,Société Générale,EUR,1,1\n");
        var file = _temp.File("latin1.csv");
        File.WriteAllBytes(file, bytes);
        var (exit, output, error) = CliHarness.Run("tier", file);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{file}:3: the file is not UTF-8 text: it looks like Windows-1252 (Latin-1)", error, StringComparison.Ordinal);
        Assert.Contains("iconv -f WINDOWS-1252 -t UTF-8", error, StringComparison.Ordinal);
        Assert.Contains("value '0xE9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gb18030_file_is_named_as_such()
    {
        byte[] bytes = [.. "account_id,name,currency,revenue,gross_profit\nA1,"u8.ToArray(), 0xBA, 0xD3, 0xB1, 0xB1, 0xB8, 0xD6, 0xCC, 0xFA, .. ",CNY,1,1\n"u8.ToArray()]; // 河北钢铁
        var file = _temp.File("gbk.csv");
        File.WriteAllBytes(file, bytes);
        var (exit, _, error) = CliHarness.Run("tier", file);
        Assert.Equal(2, exit);
        Assert.Contains($"{file}:2: the file is not UTF-8 text: it looks like GB18030", error, StringComparison.Ordinal);
        Assert.Contains("iconv -f GB18030 -t UTF-8", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16LE-bom", "UTF-16 LE")]
    [InlineData("utf-16BE-bom", "UTF-16 BE")]
    [InlineData("utf-16LE", "UTF-16 LE")]
    [InlineData("utf-16BE", "UTF-16 BE")]
    public void A_utf16_file_is_refused_naming_its_byte_order(string encoding, string expected)
    {
        var text = "account_id,name,currency,revenue,gross_profit\nA1,Acme,CNY,1,1\n";
        var unicode = new UnicodeEncoding(bigEndian: encoding.Contains("BE", StringComparison.Ordinal), byteOrderMark: false);
        byte[] mark = !encoding.EndsWith("bom", StringComparison.Ordinal) ? [] : encoding.Contains("BE", StringComparison.Ordinal) ? [0xFE, 0xFF] : [0xFF, 0xFE];
        byte[] bytes = [.. mark, .. unicode.GetBytes(text)];
        var file = _temp.File("u16.csv");
        File.WriteAllBytes(file, bytes);
        var (exit, _, error) = CliHarness.Run("tier", file);
        Assert.Equal(2, exit);
        Assert.Contains($"{file}:1: the file is not UTF-8 text: it looks like {expected}", error, StringComparison.Ordinal);
        Assert.Contains($"iconv -f {expected.Replace(" ", string.Empty, StringComparison.Ordinal)} -t UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_is_read()
    {
        var file = _temp.File("bom.csv");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("account_id,name,currency,revenue,gross_profit\nA1,Société 河北,CNY,1,1\n")]);
        var accounts = AccountsCsv.Read(file);
        Assert.Equal(("A1", "Société 河北"), (accounts[0].Id.Value, accounts[0].Name));
    }

    [Fact]
    public void A_rule_file_not_in_utf8_is_refused_too()
    {
        var policy = _temp.File("policy.json");
        File.WriteAllBytes(policy, Encoding.Latin1.GetBytes("{\n  \"pareto\": { \"measure\": \"revenue\" }\n  // Gérard\n}\n"));
        var accounts = _temp.Write("a.csv", "account_id,name,currency,revenue,gross_profit\nA1,X,CNY,1,1\n");
        var (exit, _, error) = CliHarness.Run("tier", accounts, "--policy", policy);
        Assert.Equal(2, exit);
        Assert.Contains($"{policy}:3: the file is not UTF-8 text: it looks like Windows-1252", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_split_across_the_check_s_chunks_is_accepted()
    {
        // 河 is 3 bytes; shift it across every position around the 64 KiB chunk boundary.
        for (var pad = (1 << 16) - 4; pad <= (1 << 16) + 1; pad++)
        {
            var bytes = Encoding.UTF8.GetBytes(new string('a', pad) + "河\n");
            Utf8Check.Verify(bytes, "x.csv");
        }
    }

    // ---- output ----

    [Fact]
    public void Csv_output_neutralises_formulas_in_text_cells_and_keeps_negative_numbers()
    {
        var file = _temp.Write("a.csv", $"{AccountsHeader}\nA1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",CNY,10,-12.5,0,0\nA2,@SUM(A1),CNY,20,1,0,0\nA3,+1,CNY,5,1,0,0\nA4,-2,CNY,5,1,0,0\n");
        var (exit, output, error) = CliHarness.Run("tier", file, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Contains("A1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",10,-12.5,", output, StringComparison.Ordinal);
        Assert.Contains("A2,'@SUM(A1),20,", output, StringComparison.Ordinal);
        Assert.Contains("A3,'+1,", output, StringComparison.Ordinal);
        Assert.Contains("A4,'-2,", output, StringComparison.Ordinal);

        var table = CliHarness.Run("tier", file).Out;
        Assert.Contains("=HYPERLINK(\"http://x\",\"y\")", table, StringComparison.Ordinal);
        Assert.DoesNotContain("'=HYPERLINK", table, StringComparison.Ordinal);
        var json = CliHarness.Run("tier", file, "--format", "json").Out;
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", JsonDocument.Parse(json).RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == "A1").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_cells_that_start_a_formula_get_a_quote(string text, string expected) =>
        Assert.Equal(expected, ResultWriter.CsvCell(text));

    [Fact]
    public void Number_cells_stay_numbers_in_csv()
    {
        Assert.Equal("-12.5", ResultWriter.CsvCell(-12.5m));
        Assert.Equal("-3", ResultWriter.CsvCell(-3));
        Assert.Equal("-0.25", ResultWriter.CsvCell(-0.25d));
        Assert.Equal("yes", ResultWriter.CsvCell(true));
    }

    [Fact]
    public void Booleans_are_yes_or_no_for_people_and_csv_and_booleans_in_json()
    {
        var table = new ResultTable("t", "T", ResultColumn.Text("converged"));
        table.Add(true).Add(false).Add([null]);
        string Write(OutputFormat format)
        {
            using var text = new StringWriter();
            ResultWriter.Write(text, format, [table]);
            return text.ToString();
        }

        Assert.Equal(["converged", "yes", "no"], Write(OutputFormat.Csv).Split('\n').Take(3));
        var json = JsonDocument.Parse(Write(OutputFormat.Json)).RootElement.GetProperty("t").EnumerateArray().Select(r => r.GetProperty("converged").ValueKind).ToArray();
        Assert.Equal([JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null], json);
        Assert.Contains("yes", Write(OutputFormat.Table), StringComparison.Ordinal);
    }
}
