using System.Text.Json;
using Kam.Cli.Features.Pay;
using Kam.Core.Compensation;

namespace Kam.Core.Tests.Cli;

/// <summary>End-to-end runs of <c>kam pay</c> on a small hand-made plan, deals and collections with hand-computed statements.</summary>
public sealed class PayCommandTests : IDisposable
{
    // Commission on collected cash: marginal 2% to 600,000 a year and 4% above (a month: 50,000), 80% paid monthly, the rest at year end.
    internal const string Plan = """
        {
          "name": "Test plan",
          "currency": "CNY",
          "rounding": "AwayFromZero",
          "effectiveFrom": "2026-01-01",
          "components": [
            { "kind": "BaseSalary", "name": "Base", "monthly": "5000 CNY" },
            { "kind": "PerformancePay", "name": "Performance", "target": "1000 CNY" },
            { "kind": "Commission", "name": "Commission", "basis": "CollectedCash", "monthlyAdvance": "80%", "yearEndTrueUp": true,
              "schedule": { "method": "Marginal", "measure": "Volume",
                "bands": [ { "from": 0, "to": 600000, "rate": "2%" }, { "from": 600000, "rate": "4%" } ] } },
            { "kind": "YearEndBonus", "name": "Bonus", "target": "10000 CNY" },
            { "kind": "Allowance", "name": "Allowance", "monthly": "500 CNY" }
          ]
        }
        """;

    private const string Deals = """
        deal_id,salesperson,account_id,opportunity_id,booked_on,amount,currency,gross_margin
        D1,S01,A1,,2026-01-10,300000,CNY,25%
        D2,S02,A2,,2026-02-01,100000,CNY,
        """;

    private const string Collections = """
        deal_id,collected_on,amount,currency
        D1,2026-02-15,120000,CNY
        D1,2026-11-20,180000,CNY
        D2,2026-03-05,100000,CNY
        """;

    private readonly TempFolder _temp = new();

    public PayCommandTests()
    {
        _temp.Write("plan.json", Plan);
        _temp.Write("deals.csv", Deals);
        _temp.Write("collections.csv", Collections);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_month_statement_matches_the_hand_computed_one()
    {
        var json = Pay(0, "--period", "FY2026-M02", "--format", "json");

        // S01, February: base 5,000; performance 1,000 × 100% (no people file: the plan's 100% grade B);
        // commission on 120,000 collected = 50,000 × 2% + 70,000 × 4% = 3,800, 80% advanced = 3,040; allowance 500.
        var totals = json.GetProperty("pay_totals").EnumerateArray().ToArray();
        Assert.Equal(2, totals.Length);
        var s01 = totals.Single(r => r.GetProperty("person").GetString() == "S01");
        Assert.Equal("FY2026-M02", s01.GetProperty("period").GetString());
        Assert.Equal("monthly", s01.GetProperty("statement").GetString());
        Assert.Equal([5000m, 1000m, 3040m, 0m, 500m, 9540m], Amounts(s01));
        var s02 = totals.Single(r => r.GetProperty("person").GetString() == "S02");
        Assert.Equal([5000m, 1000m, 0m, 0m, 500m, 6500m], Amounts(s02));

        var commission = json.GetProperty("pay_lines").EnumerateArray()
            .Single(r => r.GetProperty("person").GetString() == "S01" && r.GetProperty("component").GetString() == "Commission");
        Assert.Equal(3040m, commission.GetProperty("amount").GetDecimal());
        var inputs = commission.GetProperty("inputs (quantity × factor, summed)").GetString()!;
        Assert.Contains(": 50000 × 0.02", inputs, StringComparison.Ordinal);
        Assert.Contains(": 70000 × 0.04", inputs, StringComparison.Ordinal);
        Assert.Contains("share not advanced monthly: 3800 × -0.2", inputs, StringComparison.Ordinal);

        // A month without cash earns nothing, and says so (no "share not advanced" term of 0).
        var nothing = json.GetProperty("pay_lines").EnumerateArray()
            .Single(r => r.GetProperty("person").GetString() == "S02" && r.GetProperty("component").GetString() == "Commission");
        Assert.Equal("basis 0 earns nothing: 0 × 0", nothing.GetProperty("inputs (quantity × factor, summed)").GetString());
    }

    [Fact]
    public void Without_a_period_the_fiscal_year_of_the_latest_date_is_shown_with_its_year_end_settlement()
    {
        var json = Pay(0, "--format", "json");
        var totals = json.GetProperty("pay_totals").EnumerateArray().ToArray();
        Assert.Equal(2 * 13, totals.Length);

        // S01's year end: the true-up on 300,000 at the annual bands is 6,000, but 3,040 + 4,960 = 8,000 was advanced
        // (the monthly bands are the annual ones ÷ 12): the overpayment is not recovered, so 0; the bonus is 10,000 × 100%.
        var yearEnd = totals.Single(r => r.GetProperty("person").GetString() == "S01" && r.GetProperty("statement").GetString() == "year end");
        Assert.Equal("FY2026", yearEnd.GetProperty("period").GetString());
        Assert.Equal([0m, 0m, 0m, 10000m, 0m, 10000m], Amounts(yearEnd));
        var november = totals.Single(r => r.GetProperty("person").GetString() == "S01" && r.GetProperty("period").GetString() == "FY2026-M11");
        Assert.Equal(4960m, november.GetProperty("commission").GetDecimal());
    }

    [Fact]
    public void A_quarter_shows_its_months_and_the_year_end_when_it_closes_the_year()
    {
        var q4 = Pay(0, "--period", "FY2026-Q4", "--format", "json").GetProperty("pay_totals").EnumerateArray().ToArray();
        Assert.Equal(2 * 4, q4.Length);
        Assert.Contains(q4, r => r.GetProperty("statement").GetString() == "year end");

        var q1 = Pay(0, "--period", "FY2026-Q1", "--format", "json").GetProperty("pay_totals").EnumerateArray().ToArray();
        Assert.Equal(2 * 3, q1.Length);
        Assert.DoesNotContain(q1, r => r.GetProperty("statement").GetString() == "year end");
        var s02March = q1.Single(r => r.GetProperty("person").GetString() == "S02" && r.GetProperty("period").GetString() == "FY2026-M03");
        Assert.Equal(2400m, s02March.GetProperty("commission").GetDecimal()); // (50,000 × 2% + 50,000 × 4%) × 80%
    }

    [Fact]
    public void Table_and_csv_formats_carry_the_same_rows()
    {
        var (exit, table, error) = Run("--period", "FY2026-M02");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Pay per salesperson and statement, FY2026-M02", table, StringComparison.Ordinal);
        Assert.Contains("9,540.00", table, StringComparison.Ordinal);
        Assert.Contains("Statement lines", table, StringComparison.Ordinal);

        var (_, csv, _) = Run("--period", "FY2026-M02", "--format", "csv");
        Assert.Contains("person,period,statement,base,performance,commission,bonus,allowances,total", csv, StringComparison.Ordinal);
        Assert.Contains("S01,FY2026-M02,monthly,5000", csv, StringComparison.Ordinal);
        Assert.Contains("person,period,component,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_report_and_nothing_on_error()
    {
        var report = _temp.File("pay.html");
        var (exit, _, _) = Run("--period", "FY2026-M02", "--out", report);
        Assert.Equal(0, exit);
        var html = File.ReadAllText(report);
        Assert.Contains("Pay statements", html, StringComparison.Ordinal);
        Assert.Contains("9,540.00", html, StringComparison.Ordinal);

        var failed = _temp.File("failed.html");
        _temp.Write("plan.json", Plan.Replace("\"effectiveFrom\": \"2026-01-01\"", "\"effectiveFrom\": \"2027-01-01\"", StringComparison.Ordinal));
        var (code, output, error) = Run("--out", failed);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(failed));
        Assert.Contains(_temp.File("plan.json") + ":$.effectiveFrom", error, StringComparison.Ordinal);
        Assert.Contains("not effective in FY2026", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_plan_is_reported_at_its_json_path_in_its_file()
    {
        _temp.Write("plan.json", Plan.Replace("{ \"from\": 600000, \"rate\": \"4%\" }", "{ \"from\": 500000, \"rate\": \"4%\" }", StringComparison.Ordinal));
        var (exit, output, error) = Run();
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(_temp.File("plan.json") + ":$.components[2].schedule.bands", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        _temp.Write("plan.json", "{ \"name\": \"x\", ");
        Assert.Contains(_temp.File("plan.json") + ":$", Run().Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_of_an_unknown_deal_is_reported_at_its_cell()
    {
        _temp.Write("collections.csv", Collections + "\nD9,2026-03-05,100,CNY\n");
        var (exit, output, error) = Run();
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("collections.csv:5:1", error, StringComparison.Ordinal);
        Assert.Contains("'D9'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gross_profit_plan_needs_every_deals_gross_margin()
    {
        _temp.Write("plan.json", Plan.Replace("\"CollectedCash\"", "\"GrossProfit\"", StringComparison.Ordinal));
        var (exit, output, error) = Run();
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains(_temp.File("deals.csv") + ":3:8", error, StringComparison.Ordinal);
        Assert.Contains("gross_margin", error, StringComparison.Ordinal);

        // With the margin given, commission is on amount × margin, booked in the deal's month: S01 January 300,000 × 25% = 75,000.
        _temp.Write("deals.csv", Deals + "20%\n");
        var january = Pay(0, "--period", "FY2026-M01", "--format", "json").GetProperty("pay_totals").EnumerateArray()
            .Single(r => r.GetProperty("person").GetString() == "S01");
        Assert.Equal((50000m * 0.02m + 25000m * 0.04m) * 0.8m, january.GetProperty("commission").GetDecimal());
    }

    [Fact]
    public void A_people_file_gives_quotas_and_grades_checked_against_the_plan()
    {
        var people = _temp.Write("people.csv", "person,annual_quota,monthly_grades,annual_grade\nS01,1200000,A,C\nS02,600000,B B B B B B B B B B B D,\n");
        var json = Pay(0, "--people", people, "--format", "json").GetProperty("pay_totals").EnumerateArray().ToArray();
        Assert.Equal(1200m, Row(json, "S01", "FY2026-M02").GetProperty("performance").GetDecimal());
        Assert.Equal(6000m, Row(json, "S01", "FY2026").GetProperty("bonus").GetDecimal());
        Assert.Equal(0m, Row(json, "S02", "FY2026-M12").GetProperty("performance").GetDecimal());
        Assert.Equal(10000m, Row(json, "S02", "FY2026").GetProperty("bonus").GetDecimal());

        _temp.Write("people.csv", "person,annual_quota,monthly_grades\nS01,1200000,A E\nS02,600000,Z\n");
        var (exit, output, error) = Run("--people", people);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains(people + ":2:3", error, StringComparison.Ordinal);
        Assert.Contains(people + ":3:3", error, StringComparison.Ordinal);
        Assert.Contains(people + ":2:3: give 12 grades separated by spaces (M01 first) or one grade for every month; found 2. (invalid_format, value 'A E')", error, StringComparison.Ordinal);
        Assert.Contains(people + ":3:3: salesperson 'S02': not a grade of 'Performance' (", error, StringComparison.Ordinal);
        Assert.Contains("(unknown, value 'Z')", error, StringComparison.Ordinal);
        Assert.Equal(3, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the heading and one line per cell, not one per month

        _temp.Write("people.csv", "person,annual_quota\nS01,1200000\n");
        var missing = Run("--people", people);
        Assert.Equal(2, missing.Exit);
        Assert.Contains(_temp.File("deals.csv") + ":3:2", missing.Err, StringComparison.Ordinal);
        Assert.Contains("'S02' has no row in", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quota_below_one_unit_is_refused_at_its_cell()
    {
        var people = _temp.Write("people.csv", "person,annual_quota\nS01,1200000\nS02,0.5\n");
        var (exit, output, error) = Run("--people", people);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains(people + ":3:2: salesperson 'S02': a quota is 0 (none) or at least 1", error, StringComparison.Ordinal);
        Assert.Contains("(out_of_range, value '0.5')", error, StringComparison.Ordinal);

        _temp.Write("people.csv", "person,annual_quota\nS01,1200000\nS02,1\n");
        Assert.Equal(0, Run("--people", people).Exit);
    }

    [Fact]
    public void A_team_bonus_pays_the_teams_attainment_and_needs_quotas()
    {
        _temp.Write("plan.json", Plan.Replace("\"monthly\": \"500 CNY\" }", "\"monthly\": \"500 CNY\" },\n    { \"kind\": \"TeamBonus\", \"name\": \"Team\", \"target\": \"10000 CNY\" }", StringComparison.Ordinal));
        var (exit, _, error) = Run();
        Assert.Equal(2, exit);
        Assert.Contains(_temp.File("plan.json") + ":$.components[5]: ", error, StringComparison.Ordinal);
        Assert.Contains("--people", error, StringComparison.Ordinal);
        Assert.Contains("(required, value 'Team')", error, StringComparison.Ordinal);

        // The year's bookings 300,000 + 100,000 over the quotas 1,200,000 + 800,000: 20% of 10,000; plus the 10,000 year-end bonus (grade B).
        var people = _temp.Write("people.csv", "person,annual_quota\nS01,1200000\nS02,800000\n");
        var json = Pay(0, "--people", people, "--format", "json").GetProperty("pay_totals").EnumerateArray().ToArray();
        Assert.Equal(12000m, Row(json, "S01", "FY2026").GetProperty("bonus").GetDecimal());
        Assert.Equal(12000m, Row(json, "S02", "FY2026").GetProperty("bonus").GetDecimal());
    }

    [Fact]
    public void An_attainment_schedule_needs_quotas()
    {
        _temp.Write("plan.json", Plan.Replace("\"measure\": \"Volume\"", "\"measure\": \"Attainment\"", StringComparison.Ordinal).Replace("600000", "1", StringComparison.Ordinal));
        var (exit, _, error) = Run();
        Assert.Equal(2, exit);
        Assert.Contains(_temp.File("plan.json") + ":$.components[2].schedule", error, StringComparison.Ordinal);
        Assert.Contains("--people", error, StringComparison.Ordinal);

        var people = _temp.Write("people.csv", "person,annual_quota\nS01,1200000\nS02,0\n");
        var zero = Run("--people", people);
        Assert.Equal(2, zero.Exit);
        Assert.Contains(people + ":3:2", zero.Err, StringComparison.Ordinal);
        Assert.Contains("(out_of_range, value '0')", zero.Err, StringComparison.Ordinal);

        _temp.Write("people.csv", "person,annual_quota\nS01,1200000\nS02,600000\n");
        Assert.Equal(0, Run("--people", people).Exit);
    }

    [Fact]
    public void Init_writes_a_plan_that_loads_back_and_pays_its_example_files()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", folder.Path).Exit);
        var planPath = folder.File("pay-plan.json");
        var plan = PayPlan.FromJson(File.ReadAllText(planPath));
        Assert.Equal(PayRun.DefaultPlan.ToJson(), plan.ToJson());

        var (exit, output, error) = CliHarness.Run("pay", planPath, folder.File("deals.csv"), folder.File("collections.csv"));
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("S01", output, StringComparison.Ordinal);
        Assert.Equal(0, CliHarness.Run("pay", planPath, folder.File("deals.csv"), folder.File("collections.csv"), "--people", folder.File("people.csv")).Exit);

        // An edited plan with overlapping bands is refused at the JSON path.
        File.WriteAllText(planPath, File.ReadAllText(planPath).Replace("6000000", "5000000", StringComparison.Ordinal).Replace("\"from\": 5000000", "\"from\": 4000000", StringComparison.Ordinal));
        var bad = CliHarness.Run("pay", planPath, folder.File("deals.csv"), folder.File("collections.csv"));
        Assert.Equal(2, bad.Exit);
        Assert.Equal(string.Empty, bad.Out);
        Assert.Contains(planPath + ":$.components[2].schedule.bands", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_sample_files_are_paid_with_the_sample_quotas()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", folder.Path, "--sample").Exit);
        var (exit, output, error) = CliHarness.Run("pay", folder.File("pay-plan.json"), folder.File("deals.csv"), folder.File("collections.csv"), "--people", folder.File("people.csv"), "--period", "FY2026-H1", "--format", "csv");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal(20 * 6, output.Split('\n').Count(l => l.Contains(",monthly,", StringComparison.Ordinal)));
    }

    private static JsonElement Row(JsonElement[] rows, string person, string period) =>
        rows.Single(r => r.GetProperty("person").GetString() == person && r.GetProperty("period").GetString() == period);

    private static decimal[] Amounts(JsonElement row) =>
        new[] { "base", "performance", "commission", "bonus", "allowances", "total" }.Select(c => row.GetProperty(c).GetDecimal()).ToArray();

    private (int Exit, string Out, string Err) Run(params string[] options) =>
        CliHarness.Run(["pay", _temp.File("plan.json"), _temp.File("deals.csv"), _temp.File("collections.csv"), .. options]);

    private JsonElement Pay(int expectedExit, params string[] options)
    {
        var (exit, output, error) = Run(options);
        Assert.True(exit == expectedExit, error);
        Assert.Equal(string.Empty, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
