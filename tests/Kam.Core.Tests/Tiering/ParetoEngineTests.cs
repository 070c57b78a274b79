using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

public sealed class ParetoEngineTests
{
    [Fact]
    public void Default_abc_cuts_at_80_and_95_percent_of_cumulative_value()
    {
        // 50 + 30 = 80: "a" and "b" have 0% and 50% ranked before them (< 80%) -> A; "c" has 80% before it -> B;
        // "d" has 90% -> B; "e" has 96% (>= 95%) -> C.
        var result = new ParetoEngine(ParetoPolicy.Default).Assign(Revenue(("c", 10), ("a", 50), ("e", 4), ("b", 30), ("d", 6)));

        Assert.Equal(["B", "A", "C", "A", "B"], result.Assignments.Select(a => a.Tier));
        var summary = result.Summary;
        Assert.Equal([2, 2, 1], summary.Tiers.Select(t => t.Accounts));
        Assert.Equal([80d, 16d, 4d], summary.Tiers.Select(t => t.Value));
        Assert.Equal([Percentage.FromPercent(80), Percentage.FromPercent(16), Percentage.FromPercent(4)], summary.Tiers.Select(t => t.ShareOfValue));
        Assert.Equal(Money.Of(100m, "CNY"), summary.TotalAmount);

        var c = result.Explain(0);
        Assert.Equal("revenue", Assert.Single(c.Contributions).Criterion);
        Assert.Equal(0.1, c.Contributions[0].NormalizedScore, 12);
        Assert.Equal([false, true], c.Thresholds.Select(t => t.Met));
        Assert.Equal(0.8, c.Thresholds[0].Value, 12);
        Assert.Equal("B", c.Thresholds[1].Tier);
    }

    [Fact]
    public void Equal_values_are_ordered_by_account_id_for_count_cuts()
    {
        var policy = ParetoPolicy.TopCount("revenue", Tiers("Top", "Rest"), [1]);
        var result = new ParetoEngine(policy).Assign(Revenue(("Y", 10), ("X", 10), ("Z", 3)));
        Assert.Equal(["Rest", "Top", "Rest"], result.Assignments.Select(a => a.Tier));
    }

    [Fact]
    public void Share_of_accounts_rounds_up_to_whole_accounts()
    {
        var policy = new ParetoPolicy("revenue", Tiers("A", "B"), [Percentage.FromPercent(20)], ParetoCutBasis.TopShareOfAccounts);
        var portfolio = Revenue(Enumerable.Range(1, 12).Select(i => ($"a{i:00}", (double)i)).ToArray());
        var result = new ParetoEngine(policy).Assign(portfolio);
        Assert.Equal(3, result.Summary.Tiers[0].Accounts); // ceil(20% of 12 = 2.4)
        Assert.Equal(["a12", "a11", "a10"], result.Assignments.Where(a => a.Tier == "A").Select(a => a.AccountId.Value).OrderDescending());
    }

    [Fact]
    public void Accounts_with_negative_contribution_are_last_and_shares_still_add_up()
    {
        var portfolio = AccountMeasures.Create([Id("p"), Id("q"), Id("r")],
            [MeasureColumn.Amounts("contribution", Currency.CNY, [90, 10, -40])]);
        var policy = new ParetoPolicy("contribution", Tiers("A", "B", "C"), [Percentage.FromPercent(80), Percentage.FromPercent(95)]);
        var result = new ParetoEngine(policy).Assign(portfolio);
        Assert.Equal(["A", "B", "C"], result.Assignments.Select(a => a.Tier));
        Assert.Equal(Percentage.Zero, result.Summary.Tiers[2].ShareOfValue);
        Assert.Equal(-40d, result.Summary.Tiers[2].Value);
        Assert.Equal(1m, result.Summary.Tiers.Sum(t => t.ShareOfValue.Fraction));
    }

    [Fact]
    public void Shares_use_the_largest_remainder_rule()
    {
        var result = new ParetoEngine(ParetoPolicy.TopCount("revenue", Tiers("A", "B", "C"), [1, 2])).Assign(Revenue(("a", 1), ("b", 1), ("c", 1)));
        Assert.Equal(["33.3334%", "33.3333%", "33.3333%"], result.Summary.Tiers.Select(t => t.ShareOfValue.ToString()));
    }

    [Fact]
    public void Missing_measure_and_empty_portfolio_are_typed_errors()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ParetoEngine(new ParetoPolicy("grossProfit", Tiers("A", "B"), [Percentage.FromPercent(80)])).Assign(Revenue(("a", 1))));
        Assert.Equal(KamErrorCodes.Unknown, ex.Errors[0].Code);
        var empty = AccountMeasures.Create([], [MeasureColumn.Numbers("revenue", [])]);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => new ParetoEngine(ParetoPolicy.Default).Assign(empty)).Errors[0].Code);
    }

    [Fact]
    public void Invalid_policies_report_every_problem()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ParetoPolicy("", Tiers("A", "A", "C"), [Percentage.FromPercent(90), Percentage.FromPercent(80)]));
        Assert.Contains(ex.Errors, e => e.Path == "measure" && e.Code == KamErrorCodes.Required);
        Assert.Contains(ex.Errors, e => e.Path == "tiers[1].name" && e.Code == KamErrorCodes.Duplicate);
        Assert.Contains(ex.Errors, e => e.Path == "cuts[1]" && e.Code == KamErrorCodes.OutOfOrder);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => ParetoPolicy.TopCount("revenue", Tiers("A", "B"), [-1])).Errors[0].Code);
    }

    [Fact]
    public void Policy_round_trips_through_json_and_reports_json_paths()
    {
        var policy = ParetoPolicy.FromJson(ParetoPolicy.Default.ToJson());
        Assert.Equal(ParetoPolicy.Default.ShareCuts, policy.ShareCuts);
        Assert.Equal(ParetoPolicy.Default.Tiers.Select(t => (t.Name, t.Description)), policy.Tiers.Select(t => (t.Name, t.Description)));

        const string json = """{ "measure": "grossProfit", "cutBasis": "TopCount", "tiers": [ { "name": "A" }, { "name": "B" } ], "countCuts": [ 50 ] }""";
        Assert.Equal([50], ParetoPolicy.FromJson(json).CountCuts);
        var bad = """{ "measure": "revenue", "tiers": [ { "name": "A" }, { "name": "B" } ], "shareCuts": [ "0%" ] }""";
        Assert.Equal("$.shareCuts[0]", Assert.Throws<KamValidationException>(() => ParetoPolicy.FromJson(bad)).Errors[0].Path);
    }
}
