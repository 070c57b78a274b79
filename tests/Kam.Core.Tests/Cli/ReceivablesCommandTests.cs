using System.Text.Json;
using Kam.Cli.Features.Receivables;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;
using Kam.Core.Portfolio.Receivables;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// <c>kam receivables</c> on the worked example of docs/receivables.md (every figure computed by hand there), in each
/// format, and its refusals, each at its cell; then on the sample <c>kam init --sample</c> writes.
/// </summary>
public sealed class ReceivablesCommandTests : IDisposable
{
    /// <summary>The worked example's invoices (docs/receivables.md).</summary>
    internal const string Invoices = """
        account_id,invoice_id,issued,due,amount,currency,opportunity_id
        ACME,A-1,2026-02-15,2026-03-17,40000,CNY,OPP-1
        ACME,A-2,2026-04-10,2026-05-10,50000,CNY,OPP-2
        ACME,A-3,2026-05-20,,30000,CNY,
        ACME,A-4,2026-06-15,,20000,CNY,
        BETA,B-0,2026-04-05,,60000,CNY,OPP-4
        BETA,B-1,2026-05-01,,60000,CNY,
        CORA,C-1,2026-06-01,,10000,CNY,OPP-3
        """;

    /// <summary>The worked example's payments.</summary>
    internal const string Payments = """
        account_id,payment_id,invoice_id,received,amount,currency
        ACME,P-1,,2026-04-20,25000,CNY
        ACME,P-2,A-2,2026-06-05,30000,CNY
        BETA,P-3,,2026-05-30,60000,CNY
        CORA,P-4,C-1,2026-06-20,4000,CNY
        ACME,P-5,,2026-07-05,15000,CNY
        """;

    private const string Accounts = """
        account_id,name,currency,credit_limit,payment_days
        ACME,Acme Corp,CNY,100000,30
        BETA,Beta Ltd,CNY,50000,60
        CORA,Cora Inc,CNY,,
        """;

    private readonly TempFolder _temp = new();

    public ReceivablesCommandTests()
    {
        _temp.Write("invoices.csv", Invoices + "\n");
        _temp.Write("payments.csv", Payments + "\n");
        _temp.Write("accounts.csv", Accounts + "\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_worked_example_gives_the_hand_computed_figures()
    {
        var root = Json("--as-of", "2026-06-30");
        var accounts = root.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("account").GetString()!);
        Assert.Equal(["ACME", "BETA", "CORA"], root.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account").GetString()).ToArray()); // largest open first

        var acme = accounts["ACME"];
        Assert.Equal("Acme Corp", acme.GetProperty("name").GetString());
        Assert.Equal(85_000m, acme.GetProperty("open").GetDecimal());
        Assert.Equal(20_000m, acme.GetProperty("not_due").GetDecimal());
        Assert.Equal([50_000m, 20_000m, 0m, 15_000m], Buckets(acme));
        Assert.Equal(65_000m, acme.GetProperty("overdue").GetDecimal());
        Assert.Equal(105, acme.GetProperty("oldest_days_past_due").GetInt32()); // A-1 due 03-17
        Assert.Equal(100_000m, acme.GetProperty("credit_sales").GetDecimal());
        Assert.Equal(76.5m, acme.GetProperty("dso_days").GetDecimal()); // 85,000 / 100,000 x 90
        Assert.Equal(85m, acme.GetProperty("used_pct").GetDecimal());
        Assert.Equal(15_000m, acme.GetProperty("headroom").GetDecimal());
        Assert.Equal("SeverelyOverdue HighDso", acme.GetProperty("alerts").GetString());
        Assert.Equal("yes", acme.GetProperty("credit_risk").GetString());

        var beta = accounts["BETA"];
        Assert.Equal(60_000m, beta.GetProperty("open").GetDecimal());
        Assert.Equal(60_000m, beta.GetProperty("not_due").GetDecimal()); // B-1 falls due on the day
        Assert.Equal(45m, beta.GetProperty("dso_days").GetDecimal());
        Assert.Equal(120m, beta.GetProperty("used_pct").GetDecimal());
        Assert.Equal(-10_000m, beta.GetProperty("headroom").GetDecimal());
        Assert.Equal("LimitExceeded", beta.GetProperty("alerts").GetString());

        var cora = accounts["CORA"];
        Assert.Equal(6_000m, cora.GetProperty("open").GetDecimal());
        Assert.Equal(54m, cora.GetProperty("dso_days").GetDecimal()); // 6,000 / 10,000 x 90
        Assert.Equal(JsonValueKind.Null, cora.GetProperty("credit_limit").ValueKind);
        Assert.Equal("no", cora.GetProperty("credit_risk").GetString());

        var summary = Assert.Single(root.GetProperty("summary").EnumerateArray());
        Assert.Equal(3, summary.GetProperty("accounts").GetInt32());
        Assert.Equal(7, summary.GetProperty("invoices").GetInt32());
        Assert.Equal(5, summary.GetProperty("payments").GetInt32());
        Assert.Equal(151_000m, summary.GetProperty("open").GetDecimal());
        Assert.Equal(86_000m, summary.GetProperty("not_due").GetDecimal());
        Assert.Equal(65_000m, summary.GetProperty("overdue").GetDecimal());
        Assert.Equal([116_000m, 20_000m, 0m, 15_000m], Buckets(summary));
        Assert.Equal(230_000m, summary.GetProperty("credit_sales").GetDecimal());
        Assert.Equal(59.1m, summary.GetProperty("dso_days").GetDecimal()); // 151,000 / 230,000 x 90 = 59.09
        Assert.Equal(150_000m, summary.GetProperty("credit_limits").GetDecimal());
        Assert.Equal(2, summary.GetProperty("at_risk").GetInt32());

        var alerts = root.GetProperty("alerts").EnumerateArray().Select(a => (a.GetProperty("account").GetString(), a.GetProperty("alert").GetString())).ToArray();
        Assert.Equal([("ACME", "SeverelyOverdue"), ("ACME", "HighDso"), ("BETA", "LimitExceeded")], alerts);
    }

    [Fact]
    public void Without_as_of_the_latest_date_counts_and_the_later_payment_clears_the_oldest_invoice()
    {
        var acme = Json().GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == "ACME");
        Assert.Equal(70_000m, acme.GetProperty("open").GetDecimal()); // as of 2026-07-05: P-5 clears A-1's 15,000
        Assert.Equal(0m, Buckets(acme)[3]);
    }

    [Fact]
    public void Without_accounts_no_account_has_a_limit()
    {
        var (exit, output, error) = Run("--as-of", "2026-06-30", "--format", "json", "--no-accounts");
        Assert.Equal((0, string.Empty), (exit, error));
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("accounts").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("credit_limit").ValueKind));
        Assert.Equal(0, Assert.Single(json.RootElement.GetProperty("summary").EnumerateArray()).GetProperty("limit_exceeded").GetInt32());
    }

    [Fact]
    public void Top_shows_the_largest_balances_and_the_others_as_one_row()
    {
        var rows = Json("--as-of", "2026-06-30", "--top", "1").GetProperty("accounts").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal("ACME", rows[0].GetProperty("account").GetString());
        Assert.Equal("(other 2)", rows[1].GetProperty("account").GetString());
        Assert.Equal(66_000m, rows[1].GetProperty("open").GetDecimal()); // BETA 60,000 + CORA 6,000
        Assert.Equal(45.7m, rows[1].GetProperty("dso_days").GetDecimal()); // 66,000 / 130,000 x 90 = 45.69
        Assert.Equal("1 at risk", rows[1].GetProperty("credit_risk").GetString());
    }

    [Fact]
    public void A_policy_file_sets_the_buckets()
    {
        var policy = _temp.Write("receivables.json", """{ "bucketLimits": [30, 90], "maxDsoDays": 80 }""");
        var acme = Json("--as-of", "2026-06-30", "--policy", policy).GetProperty("accounts").EnumerateArray().First();
        Assert.Equal(50_000m, acme.GetProperty("days_0_30").GetDecimal());
        Assert.Equal(20_000m, acme.GetProperty("days_31_90").GetDecimal());
        Assert.Equal(15_000m, acme.GetProperty("days_90_plus").GetDecimal());
        Assert.Equal("SeverelyOverdue", acme.GetProperty("alerts").GetString()); // 76.5 days is not above 80

        _temp.Write("receivables.json", """{ "bucketLimits": [60, 30] }""");
        var (exit, _, error) = Run("--policy", policy);
        Assert.Equal(2, exit);
        Assert.Contains("receivables.json:$.bucketLimits[1]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_csv_and_xlsx_carry_the_same_figures()
    {
        var (exit, table, error) = Run("--as-of", "2026-06-30");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Receivables per account as of 2026-06-30", table, StringComparison.Ordinal);
        Assert.Contains("85,000", table, StringComparison.Ordinal);
        Assert.Contains("LimitExceeded", table, StringComparison.Ordinal);

        var (_, csv, _) = Run("--as-of", "2026-06-30", "--format", "csv");
        Assert.Contains("account,name,open_invoices,open,not_due,days_0_30,days_31_60,days_61_90,days_90_plus,overdue,", csv, StringComparison.Ordinal);
        Assert.Contains("ACME,Acme Corp,4,85000,20000,50000,20000,0,15000,65000,105,100000,76.5,100000,85,15000,SeverelyOverdue HighDso,yes", csv, StringComparison.Ordinal);

        var book = _temp.File("receivables.xlsx");
        var (code, output, _) = Run("--as-of", "2026-06-30", "--format", "xlsx", "--out", book);
        Assert.Equal(0, code);
        Assert.Contains("3 sheets", output, StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(book)[..2]);
    }

    [Fact]
    public void Out_writes_the_report_with_both_charts_and_an_out_equal_to_an_input_is_refused()
    {
        var report = _temp.File("receivables.html");
        var (exit, _, _) = Run("--as-of", "2026-06-30", "--out", report);
        Assert.Equal(0, exit);
        var html = File.ReadAllText(report);
        Assert.Contains("Ageing of the 3 largest open balances", html, StringComparison.Ordinal);
        Assert.Contains("Exposure against the credit limit", html, StringComparison.Ordinal);
        Assert.Contains(ReceivablesViews.AgeingText[..40], html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<svg", StringSplitOptions.None).Length - 1);

        foreach (var input in new[] { "invoices.csv", "payments.csv", "accounts.csv" })
        {
            var before = File.ReadAllBytes(_temp.File(input));
            var (code, output, error) = Run("--out", _temp.File(input));
            Assert.Equal((2, string.Empty), (code, output));
            Assert.Contains("is the input file", error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(_temp.File(input)));
        }
    }

    [Theory]
    [InlineData("payments.csv", "CORA,P-4,C-1,2026-06-20,4000,CNY", "CORA,P-4,C-1,2026-06-20,14000,CNY", "payments.csv:5:5", "larger than the invoices it settles: 4000 CNY is left")]
    [InlineData("payments.csv", "ACME,P-2,A-2,", "ACME,P-2,A-9,", "payments.csv:3:3", "A-9")]
    [InlineData("payments.csv", "ACME,P-2,A-2,", "ACME,P-2,B-1,", "payments.csv:3:3", "B-1")]
    [InlineData("invoices.csv", "CORA,C-1,2026-06-01,,10000,CNY", "CORA,C-1,2026-06-01,,10000,USD", "invoices.csv:8:6", "account 'CORA' is in CNY")]
    [InlineData("payments.csv", "CORA,P-4,C-1,2026-06-20,4000,CNY", "CORA,P-4,C-1,2026-06-20,4000,EUR", "payments.csv:5:6", "account 'CORA' is in CNY")]
    [InlineData("invoices.csv", "ACME,A-3,2026-05-20", "ACME,A-3,2200-01-01", "invoices.csv:4:3", "2200-01-01")]
    [InlineData("payments.csv", "ACME,P-1,,2026-04-20", "ACME,P-1,,1899-12-31", "payments.csv:2:4", "1899-12-31")]
    [InlineData("invoices.csv", "ACME,A-4,2026-06-15,,20000", "ACME,A-4,2026-06-15,,1000000000000001", "invoices.csv:5:5", "too large")]
    [InlineData("payments.csv", "BETA,P-3,,2026-05-30,60000", "BETA,P-3,,2026-05-30,79228162514264337593543950335", "payments.csv:4:5", "too large")]
    [InlineData("invoices.csv", "ACME,A-4,", "ACME,A-3,", "invoices.csv:5:2", "already appears on line 4")]
    [InlineData("invoices.csv", "2026-02-15,2026-03-17", "2026-02-15,2026-01-17", "invoices.csv:2:4", "before the invoice was issued")]
    [InlineData("payments.csv", "ACME,P-2,A-2,2026-06-05", "ACME,P-2,A-2,2026-04-01", "payments.csv:3:4", "before invoice A-2 was issued")]
    [InlineData("payments.csv", "CORA,P-4,C-1,2026-06-20,4000", "CORA,P-4,C-1,2026-06-20,0", "payments.csv:5:5", "0")]
    [InlineData("accounts.csv", "BETA,Beta Ltd,CNY,50000,60", "BETA,Beta Ltd,CNY,50000,9999", "accounts.csv:3:5", "9999")]
    public void Bad_input_is_refused_at_its_cell(string file, string row, string replacement, string cell, string message)
    {
        var text = File.ReadAllText(_temp.File(file));
        Assert.Contains(row, text, StringComparison.Ordinal);
        _temp.Write(file, text.Replace(row, replacement, StringComparison.Ordinal));
        var report = _temp.File("failed.html");
        var (exit, output, error) = Run("--as-of", "2026-06-30", "--out", report);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains(_temp.File(cell), error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void The_sample_has_late_payers_and_one_account_over_its_limit()
    {
        var folder = _temp.File("sample");
        Assert.Equal(0, CliHarness.Run("init", folder, "--sample").Exit);
        var (exit, output, error) = CliHarness.Run("receivables", Path.Combine(folder, "invoices.csv"), Path.Combine(folder, "payments.csv"), "--accounts", Path.Combine(folder, "accounts.csv"), "--format", "json");
        Assert.Equal((0, string.Empty), (exit, error));
        using var json = JsonDocument.Parse(output);
        var summary = Assert.Single(json.RootElement.GetProperty("summary").EnumerateArray());
        Assert.Equal(1, summary.GetProperty("limit_exceeded").GetInt32());
        Assert.True(summary.GetProperty("severely_overdue").GetInt32() >= 3);
        Assert.True(summary.GetProperty("overdue").GetDecimal() > 0m);

        // The files hold the generated receivables, and the command's figures are the library's on them.
        var sample = SampleGenerator.Generate();
        var generated = SampleReceivables.Generate(sample);
        var read = ReceivablesCsv.Read(Path.Combine(folder, "invoices.csv"), Path.Combine(folder, "payments.csv"), Path.Combine(folder, "accounts.csv"));
        Assert.Equal(generated.Invoices, read.Invoices);
        Assert.Equal(generated.Payments.Select(p => (p.Id, p.Account, p.ReceivedOn, p.Amount, Settles: string.Join(';', p.Settles ?? []))), read.Payments.Select(p => (p.Id, p.Account, p.ReceivedOn, p.Amount, Settles: string.Join(';', p.Settles ?? []))));
        Assert.Equal(generated.Accounts, read.Accounts);
        var report = ReceivablesAnalysis.Run(read, ReceivablesPolicy.Default, sample.AsOf, new Kam.Cli.Hosting.EngineFactory()).Report;
        Assert.Equal(report.Summary.OpenBalance.Amount, summary.GetProperty("open").GetDecimal());
        Assert.Equal(report.Summary.AccountsAtRisk, summary.GetProperty("at_risk").GetInt32());
    }

    private static decimal[] Buckets(JsonElement row) =>
        [row.GetProperty("days_0_30").GetDecimal(), row.GetProperty("days_31_60").GetDecimal(), row.GetProperty("days_61_90").GetDecimal(), row.GetProperty("days_90_plus").GetDecimal()];

    private JsonElement Json(params string[] options)
    {
        var (exit, output, error) = Run([.. options, "--format", "json"]);
        Assert.Equal((0, string.Empty), (exit, error));
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private (int Exit, string Out, string Err) Run(params string[] options)
    {
        var withAccounts = !options.Contains("--no-accounts");
        string[] files = withAccounts
            ? [_temp.File("invoices.csv"), _temp.File("payments.csv"), "--accounts", _temp.File("accounts.csv")]
            : [_temp.File("invoices.csv"), _temp.File("payments.csv")];
        return CliHarness.Run(["receivables", .. files, .. options.Where(o => o != "--no-accounts")]);
    }
}
