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

public sealed class AccountScorecardEngineTests
{
    private static readonly AccountScorecardPolicy Policy = new AccountScorecardPolicy(
    [
        new("revenue", 0.6m, Normalization.MinMax),
        new("firstChoiceStrategicSupplier", 0.4m, Normalization.YesNo),
        new("creditRisk", 0m, Normalization.YesNo, higherIsBetter: false, gate: new CriterionGate("Developing", maximum: 0)),
    ],
    [new TierDefinition("Strategic", services: new TierServices("dedicated team", 4, 12, Money.Of(500_000m, "CNY"))), new TierDefinition("Developing"), new TierDefinition("Transactional")],
    [0.7, 0.3]);

    private static AccountMeasures Portfolio() => AccountMeasures.Create([Id("big"), Id("mid"), Id("small"), Id("risky")],
    [
        MeasureColumn.Amounts("revenue", Currency.CNY, [100, 50, 0, 100]),
        MeasureColumn.Flags("firstChoiceStrategicSupplier", [false, true, true, true]),
        MeasureColumn.Flags("creditRisk", [false, false, false, true]),
    ]);

    [Fact]
    public void Score_is_the_weighted_sum_and_gates_cap_the_tier()
    {
        var result = new AccountScorecardEngine(Policy).Assign(Portfolio());
        // big: 0.6*1 + 0.4*0 = 0.6 -> Developing; mid: 0.6*0.5 + 0.4 = 0.7 -> Strategic; small: 0.4 -> Developing;
        // risky: 1.0 would be Strategic, but the credit-risk gate caps it at Developing.
        Assert.Equal([0.6, 0.7, 0.4, 1.0], result.Scores.ToArray().Select(s => Math.Round(s, 12)));
        Assert.Equal(["Developing", "Strategic", "Developing", "Developing"], result.Assignments.Select(a => a.Tier));
        Assert.Equal(4, result.Assignments[1].Services!.AccountTeamSize);

        var risky = result.Explain(3);
        Assert.Equal(["revenue", "firstChoiceStrategicSupplier", "creditRisk"], risky.Contributions.Select(c => c.Criterion));
        var gate = Assert.Single(risky.Gates);
        Assert.False(gate.Passed);
        Assert.True(gate.Applied);
        Assert.True(risky.Thresholds[0].Met);
        Assert.Contains("creditRisk failed", risky.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_alone_is_not_enough_with_a_contribution_gate()
    {
        var policy = new AccountScorecardPolicy(
        [
            new("revenue", 1m, Normalization.MinMax),
            new("contribution", 0m, Normalization.MinMax, gate: new CriterionGate("B", minimum: 0)),
        ], Tiers("A", "B", "C"), [0.8, 0.4]);
        var portfolio = AccountMeasures.Create([Id("largest"), Id("profitable")],
        [
            MeasureColumn.Amounts("revenue", Currency.CNY, [1000, 800]),
            MeasureColumn.Amounts("contribution", Currency.CNY, [-50, 120]),
        ]);
        var result = new AccountScorecardEngine(policy).Assign(portfolio);
        Assert.Equal(["B", "C"], result.Assignments.Select(a => a.Tier)); // the largest customer loses money: capped at B
    }

    [Fact]
    public void Missing_values_follow_the_declared_policy()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c")],
        [
            MeasureColumn.Numbers("potential", [10, 20, 0], [false, false, true]),
        ]);
        AccountScorecardPolicy Make(MissingValuePolicy missing, double? imputed = null) =>
            new AccountScorecardPolicy([new("potential", 1m, Normalization.MinMax, missing: missing, imputedValue: imputed)], Tiers("A", "B"), [0.5]);

        var fail = Assert.Throws<KamValidationException>(() => new AccountScorecardEngine(Make(MissingValuePolicy.Fail)).Assign(portfolio));
        Assert.Equal("accounts[2].measures['potential']", fail.Errors[0].Path);
        Assert.Equal(0d, new AccountScorecardEngine(Make(MissingValuePolicy.TreatAsWorst)).Assign(portfolio).ScoreAt(2));
        var imputed = new AccountScorecardEngine(Make(MissingValuePolicy.Impute, 15)).Assign(portfolio);
        Assert.Equal(0.5, imputed.ScoreAt(2), 12);
        Assert.True(imputed.Explain(2).Contributions[0].Imputed);
        Assert.Equal(KamErrorCodes.Required, Assert.Throws<KamValidationException>(() => Make(MissingValuePolicy.Impute)).Errors[0].Code);
    }

    [Theory]
    // Population standard deviation of 10, 20, 30 is sqrt(200/3); z = ∓1.2247; (z + 3) / 6.
    [InlineData(Normalization.ZScore, new[] { 0.29587585476806850, 0.5, 0.70412414523193150 })]
    [InlineData(Normalization.PercentileRank, new[] { 0.0, 0.5, 1.0 })]
    [InlineData(Normalization.Bands, new[] { 0.0, 0.5, 1.0 })]
    public void Normalization_rules_match_hand_computation(Normalization rule, double[] expected)
    {
        var criterion = new AccountScorecardCriterion("x", 1m, rule, bands: [new AccountScoreBand(15, 0.5), new AccountScoreBand(30, 1)]);
        var policy = new AccountScorecardPolicy([criterion], Tiers("A", "B"), [0.5]);
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c")], [MeasureColumn.Numbers("x", [10, 20, 30])]);
        var scores = new AccountScorecardEngine(policy).Assign(portfolio).Scores.ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], scores[i], 12);
        }
    }

    [Fact]
    public void Weights_must_add_up_to_one_and_gates_must_name_a_tier()
    {
        var ex = Assert.Throws<KamValidationException>(() => new AccountScorecardPolicy(
        [
            new("a", 0.5m, Normalization.MinMax),
            new("b", 0.4m, Normalization.YesNo, gate: new CriterionGate("Platinum", minimum: 1)),
        ], Tiers("A", "B"), [0.5]));
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.InvalidSum && e.Path == "criteria");
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.Unknown && e.Path == "criteria[1].gate.capTier");
    }

    [Fact]
    public void Default_honeywell_scorecard_round_trips_through_json()
    {
        var json = AccountScorecardPolicy.Default.ToJson();
        Assert.Contains("firstChoiceStrategicSupplier", json, StringComparison.Ordinal);
        var policy = AccountScorecardPolicy.FromJson(json);
        Assert.Equal(AccountScorecardPolicy.Default.Thresholds, policy.Thresholds);
        Assert.Equal(AccountScorecardPolicy.Default.Criteria.Select(c => (c.Name, c.Weight, c.Gate?.CapTier, c.Gate?.Minimum, c.Gate?.Maximum)), policy.Criteria.Select(c => (c.Name, c.Weight, c.Gate?.CapTier, c.Gate?.Minimum, c.Gate?.Maximum)));
        var bad = json.Replace("\"weight\": 0.2,", "\"weight\": 0.3,", StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<KamValidationException>(() => AccountScorecardPolicy.FromJson(bad)).Errors, e => e.Path == "$.criteria" && e.Code == KamErrorCodes.InvalidSum);
    }
}

public sealed class GateValidationTests
{
    [Fact]
    public void Gates_need_finite_ordered_limits()
    {
        // A gate is valid from construction: each constructor reports its own problems.
        Assert.Equal(("minimum", KamErrorCodes.Required), Single(() => new SelectionGate("a")));
        Assert.Equal(("minimum", KamErrorCodes.NotFinite), Single(() => new SelectionGate("b", double.NaN)));
        Assert.Equal(("maximum", KamErrorCodes.OutOfOrder), Single(() => new SelectionGate("c", 5, 1)));
        Assert.Equal(("minimum", KamErrorCodes.NotFinite), Single(() => new CriterionGate("B", double.PositiveInfinity)));

        // A policy read from a file reports every gate's problems together, at their JSON paths.
        var ex = Assert.Throws<KamValidationException>(() => SelectionPolicy.FromJson("""
            { "valueMeasure": "contribution", "managers": 1, "accountsPerManager": 9,
              "gates": [ { "measure": "a" }, { "measure": "b", "minimum": 1 }, { "measure": "c", "minimum": 5, "maximum": 1 } ] }
            """));
        Assert.Equal([("$.gates[0]", KamErrorCodes.Required), ("$.gates[2].maximum", KamErrorCodes.OutOfOrder)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        var card = Assert.Throws<KamValidationException>(() => AccountScorecardPolicy.FromJson("""
            { "criteria": [ { "name": "x", "weight": 1, "normalisation": "MinMax", "gate": { "capTier": "B", "minimum": 2, "maximum": 1 } } ],
              "tiers": [ { "name": "A" }, { "name": "B" } ], "thresholds": [ 0.5 ] }
            """));
        Assert.Equal("$.criteria[0].gate.maximum", Assert.Single(card.Errors).Path);

        static (string Path, string Code) Single(Func<object> create)
        {
            var error = Assert.Single(Assert.Throws<KamValidationException>(create).Errors);
            return (error.Path, error.Code);
        }
    }
}
