using System.Text.Json;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The receivables feeding the other commands from the same files as <c>kam receivables</c>: the credit-risk alerts into
/// <c>kam tier</c>'s credit gate (<c>--invoices</c>, <c>--payments</c>), and the payments that settle invoices billed on
/// deals into <c>kam pay</c>'s collections. The invoices and payments are the worked example of docs/receivables.md
/// (<see cref="ReceivablesCommandTests"/>'s): as of 2026-06-30 ACME is severely overdue and BETA over its credit limit,
/// CORA has no alert. The pay plan is <see cref="PayCommandTests"/>'s.
/// </summary>
public sealed class ReceivablesFeedTests : IDisposable
{
    // The tiering columns and the credit columns in one file, as kam init writes accounts.csv. DELT says credit_ok = no.
    private const string Accounts = """
        account_id,name,currency,revenue,gross_profit,credit_ok,credit_limit,payment_days
        ACME,Acme Corp,CNY,900000,300000,yes,100000,30
        BETA,Beta Ltd,CNY,800000,250000,yes,50000,60
        CORA,Cora Inc,CNY,300000,90000,yes,,
        DELT,Delta Co,CNY,700000,200000,no,,
        """;

    // OPP-4 is billed by deal_id (the deal has no opportunity_id); the others by opportunity_id.
    private const string Deals = """
        deal_id,salesperson,account_id,opportunity_id,booked_on,amount,currency,gross_margin
        D-1,S01,ACME,OPP-1,2026-02-01,40000,CNY,
        D-2,S01,ACME,OPP-2,2026-04-01,50000,CNY,
        D-3,S02,CORA,OPP-3,2026-05-15,10000,CNY,
        OPP-4,S02,BETA,,2026-04-01,60000,CNY,
        """;

    // The allocation worked by hand: P-1 (no invoice named) settles A-1, due first, with 25,000; P-2 settles A-2; P-3 settles
    // B-0 (due 06-04, before B-1's 06-30); P-4 settles C-1 in part; P-5 settles the rest of A-1. and B-1 bill no deal.
    private const string Collections = """
        deal_id,collected_on,amount,currency
        D-1,2026-04-20,25000,CNY
        OPP-4,2026-05-30,60000,CNY
        D-2,2026-06-05,30000,CNY
        D-3,2026-06-20,4000,CNY
        D-1,2026-07-05,15000,CNY
        """;

    private readonly TempFolder _temp = new();

    public ReceivablesFeedTests()
    {
        _temp.Write("invoices.csv", ReceivablesCommandTests.Invoices + "\n");
        _temp.Write("payments.csv", ReceivablesCommandTests.Payments + "\n");
        _temp.Write("accounts.csv", Accounts + "\n");
        _temp.Write("plan.json", PayCommandTests.Plan); // commission on collected cash: 2% to 600,000 a year, 4% above
        _temp.Write("deals.csv", Deals + "\n");
        _temp.Write("collections.csv", Collections + "\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tier_keeps_accounts_with_a_credit_risk_alert_out_of_the_key_accounts()
    {
        var plain = Tier();
        Assert.True(plain.Key["ACME"]);
        Assert.True(plain.Key["BETA"]);
        Assert.False(plain.Key["DELT"]); // credit_ok = no
        Assert.False(plain.Root.TryGetProperty("credit", out _)); // no receivables, no credit table

        var fed = Tier("--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"), "--as-of", "2026-06-30");
        Assert.False(fed.Key["ACME"]);
        Assert.False(fed.Key["BETA"]);
        Assert.True(fed.Key["CORA"]);
        Assert.False(fed.Key["DELT"]);
        Assert.Contains("failed gate creditRisk", fed.Explanation["ACME"], StringComparison.Ordinal);
        Assert.Contains("failed gate creditRisk", fed.Explanation["BETA"], StringComparison.Ordinal);

        var credit = fed.Root.GetProperty("credit").EnumerateArray().ToDictionary(r => r.GetProperty("account").GetString()!);
        Assert.Equal(["ACME", "BETA"], credit.Keys.ToArray()); // in file order; CORA has no alert, DELT no receivables
        Assert.Equal("SeverelyOverdue", credit["ACME"].GetProperty("alerts").GetString()); // HighDso is not a credit-risk alert
        Assert.Equal(85_000m, credit["ACME"].GetProperty("open_balance").GetDecimal());
        Assert.Equal(65_000m, credit["ACME"].GetProperty("overdue").GetDecimal());
        Assert.Equal("LimitExceeded", credit["BETA"].GetProperty("alerts").GetString());
        Assert.Equal(50_000m, credit["BETA"].GetProperty("credit_limit").GetDecimal());
        Assert.False(credit["BETA"].GetProperty("key_account").GetBoolean());
    }

    [Fact]
    public void A_receivables_policy_chooses_which_alerts_are_a_credit_risk()
    {
        // Only LimitExceeded: ACME's overdue balance no longer keeps it out.
        var policy = _temp.Write("receivables-policy.json", """{ "creditRiskAlerts": [ "LimitExceeded" ] }""");
        var fed = Tier("--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"), "--as-of", "2026-06-30", "--receivables-policy", policy);
        Assert.True(fed.Key["ACME"]);
        Assert.False(fed.Key["BETA"]);
    }

    [Fact]
    public void Pay_on_the_receivables_equals_pay_on_the_collections_worked_by_hand()
    {
        var fromFile = CliHarness.Run("pay", _temp.File("plan.json"), _temp.File("deals.csv"), _temp.File("collections.csv"), "--format", "json");
        var fromReceivables = CliHarness.Run("pay", _temp.File("plan.json"), _temp.File("deals.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"), "--format", "json");
        Assert.Equal((0, string.Empty), (fromFile.Exit, fromFile.Err));
        Assert.Equal((0, string.Empty), (fromReceivables.Exit, fromReceivables.Err));
        Assert.Equal(fromFile.Out, fromReceivables.Out);

        // S01's April: 25,000 collected on D-1 × 2% = 500, 80% advanced = 400.
        var april = CliHarness.Run("pay", _temp.File("plan.json"), _temp.File("deals.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"), "--period", "FY2026-M04", "--format", "json");
        var lines = JsonDocument.Parse(april.Out).RootElement.GetProperty("pay_lines").EnumerateArray()
            .Where(l => l.GetProperty("person").GetString() == "S01" && l.GetProperty("component").GetString() == "Commission")
            .ToArray();
        Assert.Equal(400m, Assert.Single(lines).GetProperty("amount").GetDecimal());

        var table = CliHarness.Run("pay", _temp.File("plan.json"), _temp.File("deals.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"));
        Assert.Contains("collections: the 5 parts of payments that settle invoices billed on deals", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_billing_a_deal_not_in_deals_csv_is_refused_at_its_cell()
    {
        File.WriteAllText(_temp.File("invoices.csv"), ReceivablesCommandTests.Invoices.Replace(",OPP-1", ",OPP-9", StringComparison.Ordinal) + "\n");
        var (exit, output, error) = CliHarness.Run("pay", _temp.File("plan.json"), _temp.File("deals.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("invoices.csv:2:7", error, StringComparison.Ordinal);
        Assert.Contains("'OPP-9'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_issued_before_its_deal_was_booked_is_refused_at_its_cell()
    {
        File.WriteAllText(_temp.File("deals.csv"), Deals.Replace("D-3,S02,CORA,OPP-3,2026-05-15", "D-3,S02,CORA,OPP-3,2026-06-10", StringComparison.Ordinal) + "\n");
        var (exit, _, error) = CliHarness.Run("pay", _temp.File("plan.json"), _temp.File("deals.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("invoices.csv:8:3", error, StringComparison.Ordinal); // C-1's issued cell
        Assert.Contains("2026-06-10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cash_beyond_a_deals_amount_is_refused_unless_allowed_and_then_warned_about()
    {
        // D-2 is 20,000 but 30,000 is paid on its invoice A-2.
        File.WriteAllText(_temp.File("deals.csv"), Deals.Replace("2026-04-01,50000", "2026-04-01,20000", StringComparison.Ordinal) + "\n");
        string[] args = ["pay", _temp.File("plan.json"), _temp.File("deals.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv")];
        var (exit, output, error) = CliHarness.Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("deals.csv:3:6", error, StringComparison.Ordinal);
        Assert.Contains("30000 CNY", error, StringComparison.Ordinal);
        Assert.Contains("--allow-overcollection", error, StringComparison.Ordinal);

        var allowed = CliHarness.Run([.. args, "--allow-overcollection"]);
        Assert.Equal(0, allowed.Exit);
        Assert.Contains("kam: warning: deal 'D-2' (", allowed.Err, StringComparison.Ordinal);
        Assert.Contains("deals collected beyond their amount", allowed.Out, StringComparison.Ordinal); // the overcollected table
    }

    [Theory]
    [InlineData(new[] { "collections.csv", "--invoices", "invoices.csv", "--payments", "payments.csv" }, "both give the collections")]
    [InlineData(new string[0], "give collections.csv, or --invoices and --payments")]
    [InlineData(new[] { "--invoices", "invoices.csv" }, "--invoices needs --payments")]
    [InlineData(new[] { "collections.csv", "--accounts", "accounts.csv" }, "--accounts applies to --invoices and --payments")]
    public void Pay_takes_its_collections_from_one_source(string[] options, string message)
    {
        var args = options.Select(o => o.EndsWith(".csv", StringComparison.Ordinal) ? _temp.File(o) : o);
        var (exit, output, error) = CliHarness.Run(["pay", _temp.File("plan.json"), _temp.File("deals.csv"), .. args]);
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_refuses_an_out_that_is_one_of_its_receivables_files_and_a_lone_policy()
    {
        var invoices = File.ReadAllText(_temp.File("invoices.csv"));
        var (exit, _, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--invoices", _temp.File("invoices.csv"), "--payments", _temp.File("payments.csv"), "--out", _temp.File("invoices.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.Equal(invoices, File.ReadAllText(_temp.File("invoices.csv")));

        var lone = CliHarness.Run("tier", _temp.File("accounts.csv"), "--receivables-policy", _temp.File("plan.json"));
        Assert.Equal(1, lone.Exit);
        Assert.Contains("--receivables-policy applies to --invoices and --payments", lone.Err, StringComparison.Ordinal);
    }

    private (JsonElement Root, Dictionary<string, bool> Key, Dictionary<string, string> Explanation) Tier(params string[] options)
    {
        var (exit, output, error) = CliHarness.Run(["tier", _temp.File("accounts.csv"), .. options, "--format", "json"]);
        Assert.Equal((0, string.Empty), (exit, error));
        var root = JsonDocument.Parse(output).RootElement.Clone();
        var accounts = root.GetProperty("accounts").EnumerateArray().ToArray();
        return (
            root,
            accounts.ToDictionary(a => a.GetProperty("account").GetString()!, a => a.GetProperty("key_account").GetBoolean()),
            accounts.ToDictionary(a => a.GetProperty("account").GetString()!, a => a.GetProperty("explanation").GetString()!));
    }
}
