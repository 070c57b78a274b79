using System.Text.Json;

namespace Kam.Core.Tests.Cli;

/// <summary>End-to-end runs of <c>kam tier</c> with the Tiering engines wired in.</summary>
public sealed class TierCommandTests : IDisposable
{
    /// <summary>
    /// Revenue 500, 300, 100, 60, 40 (total 1000), listed out of order: by the default 80%/95% cuts of cumulative value
    /// K1 (0% before) and K2 (50%) are A, K3 (80%) and K4 (90%) are B, K5 (96%) is C.
    /// </summary>
    private const string Accounts = """
        account_id,name,currency,revenue,gross_profit,cost_to_serve,discounts,last_order,orders,credit_ok,collaboration,contact_breadth,strategic_investment,first_choice_supplier,alliance,joint_ventures,global_needs
        K4,Delta,CNY,60,20,5,3,2026-05-01,4,yes,2,2,,,,,
        K1,Alpha,CNY,500,120,30,10,2026-06-20,30,yes,5,5,yes,yes,yes,yes,yes
        K5,Echo,CNY,40,8,10,2,2026-01-10,1,yes,1,1,no,no,no,no,no
        K2,Bravo,CNY,300,90,20,5,2026-06-01,12,no,4,3,yes,yes,yes,yes,yes
        K3,Charlie,CNY,100,40,5,5,,,yes,,,,,,,
        """;

    private readonly TempFolder _temp = new();

    public TierCommandTests() => _temp.Write("accounts.csv", Accounts);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Abc_tiers_follow_the_cumulative_share_of_revenue_exactly()
    {
        var accounts = RunJson()["accounts"];
        Assert.Equal(["K4", "K1", "K5", "K2", "K3"], accounts.Select(a => a["account"]));
        Assert.Equal(["B", "A", "C", "A", "B"], accounts.Select(a => a["abc_tier"]));
        Assert.Equal(["6", "50", "4", "30", "10"], accounts.Select(a => a["share_pct"]));
        Assert.Equal(["96", "50", "100", "80", "90"], accounts.Select(a => a["cumulative_pct"]));

        // Contribution = gross profit - cost to serve - discounts.
        Assert.Equal(["12", "80", "-4", "65", "30"], accounts.Select(a => a["contribution"]));
    }

    [Fact]
    public void Every_engine_runs_and_accounts_lacking_columns_are_skipped_with_the_reason()
    {
        var result = RunJson();
        var k1 = result["accounts"].Single(a => a["account"] == "K1");
        Assert.Equal(("Strategic", "Strategic alliance", "true"), (k1["scorecard_tier"], k1["relationship_stage"], k1["key_account"]));
        Assert.Equal("5", k1["r"]);

        // K2 answers every Honeywell criterion yes but its credit is not good: capped, and not a key account.
        var k2 = result["accounts"].Single(a => a["account"] == "K2");
        Assert.Equal(("Developing", "false"), (k2["scorecard_tier"], k2["key_account"])); // JSON booleans
        Assert.Contains("capped by creditRisk", k2["explanation"], StringComparison.Ordinal);

        // K3 has no last order, orders or relationship indicators: no RFM, no stage, the reason on its row.
        var k3 = result["accounts"].Single(a => a["account"] == "K3");
        Assert.Equal((null, null, "B"), (k3["rfm_segment"], k3["relationship_stage"], k3["abc_tier"]));
        Assert.Contains("RFM: skipped, needs last_order, orders", k3["explanation"], StringComparison.Ordinal);
        Assert.Contains("relationship: skipped, needs collaboration, contact_breadth", k3["explanation"], StringComparison.Ordinal);

        var skipped = result["tiers"].Where(t => t["tier"] == "(skipped)").Select(t => (t["engine"], t["accounts"])).ToArray();
        Assert.Equal([("RFM", "1"), ("relationship", "1")], skipped);
        Assert.Equal(["3", "2"], result["tiers"].Where(t => t["engine"] == "key accounts").Select(t => t["accounts"]));

        // Near misses: K2 (credit) and K5 (negative contribution), best ranked first.
        Assert.Equal([("K2", "failed gate creditRisk"), ("K5", "failed gate contribution")], result["near_misses"].Select(m => (m["account"], m["reason"])));
    }

    [Fact]
    public void Csv_and_json_read_back_with_every_account_and_the_table_names_every_engine()
    {
        var (exit, csv, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--format", "csv");
        Assert.Equal((0, string.Empty), (exit, error));
        var sections = csv.Split("\n\n#", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["#accounts", "tiers", "near_misses"], sections.Select(s => s.Split('\n')[0]));
        var rows = sections[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("account,name,revenue,contribution,abc_tier", rows[1], StringComparison.Ordinal);
        Assert.Equal(["K4", "K1", "K5", "K2", "K3"], rows.Skip(2).Select(r => r.Split(',')[0]));

        using var json = JsonDocument.Parse(CliHarness.Run("tier", _temp.File("accounts.csv"), "--format", "json").Out);
        Assert.Equal(5, json.RootElement.GetProperty("accounts").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("accounts")[0].GetProperty("revenue").ValueKind);

        var table = CliHarness.Run("tier", _temp.File("accounts.csv")).Out;
        foreach (var heading in new[] { "Accounts (ABC by revenue; key accounts by contribution, capacity 9):", "Tiers per engine:", "Near misses of key-account selection (by contribution):" })
        {
            Assert.Contains(heading, table, StringComparison.Ordinal);
        }

        Assert.Contains("Strategic alliance", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_report_with_the_pareto_chart_and_nothing_on_error()
    {
        var report = _temp.File("tiers.html");
        var (exit, _, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--out", report);
        Assert.Equal((0, string.Empty), (exit, error));
        var html = File.ReadAllText(report);
        Assert.Contains("data-chart=\"pareto\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("data-table=\"accounts\"", html, StringComparison.Ordinal);
        Assert.Contains("K5: 40", html, StringComparison.Ordinal);

        var failed = _temp.File("failed.html");
        var bad = _temp.Write("bad.json", """{ "pareto": { "measure": "turnover", "tiers": [ { "name": "A" }, { "name": "B" } ], "shareCuts": [ "80%" ] } }""");
        var (badExit, output, badError) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--policy", bad, "--out", failed);
        Assert.Equal(2, badExit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{bad}:$.pareto.measure: kam tier has no measure 'turnover'", badError, StringComparison.Ordinal);
        Assert.False(File.Exists(failed));
    }

    [Theory]
    [InlineData("""{ "scorecard": { "criteria": [ { "name": "revenue", "weight": "heavy", "normalisation": "MinMax" } ], "tiers": [ { "name": "A" }, { "name": "B" } ], "thresholds": [ 0.5 ] } }""", "$.scorecard.criteria[0].weight")]
    [InlineData("""{ "scorecard": { "criteria": [ { "name": "revenue", "weight": 0.5, "normalisation": "MinMax" } ], "tiers": [ { "name": "A" }, { "name": "B" } ], "thresholds": [ 0.5 ] } }""", "$.scorecard.criteria: The weights")]
    [InlineData("""{ "selection": { "valueMeasure": "contribution", "managers": -1, "gates": [] } }""", "$.selection.managers")]
    [InlineData("""{ "rfm": { "unknown": 1 } }""", "$.rfm.unknown")]
    [InlineData("""{ "selection": { "valueMeasure": "profit", "managers": 1, "gates": [ { "measure": "risk", "maximum": 0 } ] } }""", "$.selection.gates[0].measure")]
    [InlineData("{ not json", "$")]
    public void A_bad_policy_is_an_input_error_naming_the_json_path(string policy, string expected)
    {
        var path = _temp.Write("policy.json", policy);
        var (exit, output, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--policy", path);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{path}:{expected}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_refuses_missing_values_names_the_account()
    {
        var policy = _temp.Write("strict.json", """
            { "scorecard": { "criteria": [ { "name": "globalNeeds", "weight": 1, "normalisation": "YesNo", "missing": "Fail" } ],
                             "tiers": [ { "name": "Yes" }, { "name": "No" } ], "thresholds": [ 1 ] } }
            """);
        var (exit, output, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--policy", policy);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Matches(@"accounts\.csv:\d+:\d+: scorecard, account 'K4': criterion 'globalNeeds' refuses missing values", error);
        Assert.Contains("scorecard, account 'K3'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_services_attached_by_the_policy_are_listed_with_their_totals()
    {
        var policy = _temp.Write("services.json", """
            { "pareto": { "measure": "contribution",
                          "tiers": [ { "name": "A", "services": { "serviceLevel": "dedicated line", "accountTeamSize": 3, "visitsPerYear": 12, "investmentBudget": "1000 CNY" } },
                                     { "name": "B" }, { "name": "C" } ],
                          "shareCuts": [ "80%", "95%" ] } }
            """);
        var result = RunJson("--policy", policy);
        var services = Assert.Single(result["services"]);
        Assert.Equal(("ABC", "A", "dedicated line", "1000", "CNY"), (services["engine"], services["tier"], services["service_level"], services["budget_per_account"], services["currency"]));
        Assert.Equal(decimal.Parse(services["accounts"]!, System.Globalization.CultureInfo.InvariantCulture) * 1000m, decimal.Parse(services["budget_total"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Ranked by contribution 80, 65, 30, 12, -4 (positive total 187): K1 and K2 (0%, 42.8% before) are A, K3 (77.5%) is A too.
        Assert.Equal(["B", "A", "C", "A", "A"], result["accounts"].Select(a => a["abc_tier"]));
    }

    [Fact]
    public void The_docs_example_policy_ranks_by_contribution_for_three_managers()
    {
        var policy = _temp.Write("docs.json", """
            { "pareto": { "measure": "contribution", "tiers": [ { "name": "A" }, { "name": "B" }, { "name": "C" } ], "shareCuts": [ "80%", "95%" ] },
              "selection": { "valueMeasure": "contribution", "managers": 3, "gates": [ { "measure": "creditRisk", "maximum": 0 } ] } }
            """);
        var (exit, output, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--policy", policy);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Accounts (ABC by contribution; key accounts by contribution, capacity 27):", output, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_counts_recency_and_cannot_precede_a_last_order()
    {
        Assert.Equal(0, CliHarness.Run("tier", _temp.File("accounts.csv"), "--as-of", "2026-12-31").Exit);

        var (exit, output, error) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--as-of", "2026-06-10");
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("--as-of: is before the last order of K1 (2026-06-20)", error, StringComparison.Ordinal);

        var (badExit, _, badError) = CliHarness.Run("tier", _temp.File("accounts.csv"), "--as-of", "June");
        Assert.Equal(2, badExit);
        Assert.Contains("--as-of", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void One_accounts_file_is_one_currency()
    {
        var path = _temp.Write("mixed.csv", "account_id,name,currency,revenue,gross_profit\nA,One,CNY,10,1\nB,Two,USD,10,1\n");
        var (exit, output, error) = CliHarness.Run("tier", path);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{path}:3:3: the file is in CNY (line 2)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_the_default_policy_which_tiers_exactly_like_the_built_in_one()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", folder.Path).Exit);
        var accounts = folder.File("accounts.csv");
        var policy = folder.File("tier-policy.json");
        Assert.StartsWith("// tier-policy.json", File.ReadAllText(policy), StringComparison.Ordinal);

        var builtIn = CliHarness.Run("tier", accounts);
        var fromFile = CliHarness.Run("tier", accounts, "--policy", policy);
        Assert.Equal((0, string.Empty), (fromFile.Exit, fromFile.Err));
        Assert.Equal(builtIn.Out, fromFile.Out);
        Assert.Contains("A001", fromFile.Out, StringComparison.Ordinal);

        File.WriteAllText(policy, File.ReadAllText(policy).Replace("\"accountsPerManager\": 9", "\"accountsPerManager\": 0", StringComparison.Ordinal));
        var (exit, output, error) = CliHarness.Run("tier", accounts, "--policy", policy);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains($"{policy}:$.selection.accountsPerManager", error, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>kam tier --format json</c> on the accounts and returns each table as rows of raw cell text (null for JSON null).</summary>
    private Dictionary<string, List<Dictionary<string, string?>>> RunJson(params string[] extra)
    {
        var (exit, output, error) = CliHarness.Run(["tier", _temp.File("accounts.csv"), "--format", "json", .. extra]);
        Assert.Equal((0, string.Empty), (exit, error));
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateObject().ToDictionary(
            t => t.Name,
            t => t.Value.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(
                c => c.Name,
                c => c.Value.ValueKind switch { JsonValueKind.Null => null, JsonValueKind.String => c.Value.GetString(), _ => c.Value.GetRawText() })).ToList());
    }
}
