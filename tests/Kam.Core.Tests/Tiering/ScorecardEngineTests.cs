using Kam.Core.Tiering;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

public sealed class ScorecardEngineTests
{
    private static readonly ScorecardPolicy Policy = ScorecardPolicy.Create(
    [
        new("revenue", 0.6m, Normalisation.MinMax),
        new("firstChoiceStrategicSupplier", 0.4m, Normalisation.YesNo),
        new("creditRisk", 0m, Normalisation.YesNo) { HigherIsBetter = false, Gate = new CriterionGate("Developing", Maximum: 0) },
    ],
    [new TierDefinition("Strategic", Services: new TierServices("dedicated team", 4, 12, Money.Of(500_000m, "CNY"))), new TierDefinition("Developing"), new TierDefinition("Transactional")],
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
        var result = new ScorecardEngine().Assign(Portfolio(), Policy);
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
        var policy = ScorecardPolicy.Create(
        [
            new("revenue", 1m, Normalisation.MinMax),
            new("contribution", 0m, Normalisation.MinMax) { Gate = new CriterionGate("B", Minimum: 0) },
        ], Tiers("A", "B", "C"), [0.8, 0.4]);
        var portfolio = AccountMeasures.Create([Id("largest"), Id("profitable")],
        [
            MeasureColumn.Amounts("revenue", Currency.CNY, [1000, 800]),
            MeasureColumn.Amounts("contribution", Currency.CNY, [-50, 120]),
        ]);
        var result = new ScorecardEngine().Assign(portfolio, policy);
        Assert.Equal(["B", "C"], result.Assignments.Select(a => a.Tier)); // the largest customer loses money: capped at B
    }

    [Fact]
    public void Missing_values_follow_the_declared_policy()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c")],
        [
            MeasureColumn.Numbers("potential", [10, 20, 0], [false, false, true]),
        ]);
        ScorecardPolicy Make(MissingValuePolicy missing, double? imputed = null) =>
            ScorecardPolicy.Create([new("potential", 1m, Normalisation.MinMax) { Missing = missing, ImputedValue = imputed }], Tiers("A", "B"), [0.5]);

        var fail = Assert.Throws<KamValidationException>(() => new ScorecardEngine().Assign(portfolio, Make(MissingValuePolicy.Fail)));
        Assert.Equal("accounts[2].measures['potential']", fail.Errors[0].Path);
        Assert.Equal(0d, new ScorecardEngine().Assign(portfolio, Make(MissingValuePolicy.TreatAsWorst)).ScoreAt(2));
        var imputed = new ScorecardEngine().Assign(portfolio, Make(MissingValuePolicy.Impute, 15));
        Assert.Equal(0.5, imputed.ScoreAt(2), 12);
        Assert.True(imputed.Explain(2).Contributions[0].Imputed);
        Assert.Equal(KamErrorCodes.Required, Assert.Throws<KamValidationException>(() => Make(MissingValuePolicy.Impute)).Errors[0].Code);
    }

    [Theory]
    // Population standard deviation of 10, 20, 30 is sqrt(200/3); z = ∓1.2247; (z + 3) / 6.
    [InlineData(Normalisation.ZScore, new[] { 0.29587585476806850, 0.5, 0.70412414523193150 })]
    [InlineData(Normalisation.PercentileRank, new[] { 0.0, 0.5, 1.0 })]
    [InlineData(Normalisation.Bands, new[] { 0.0, 0.5, 1.0 })]
    public void Normalisation_rules_match_hand_computation(Normalisation rule, double[] expected)
    {
        var criterion = new ScorecardCriterion("x", 1m, rule) { Bands = [new ScoreBand(15, 0.5), new ScoreBand(30, 1)] };
        var policy = ScorecardPolicy.Create([criterion], Tiers("A", "B"), [0.5]);
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c")], [MeasureColumn.Numbers("x", [10, 20, 30])]);
        var scores = new ScorecardEngine().Assign(portfolio, policy).Scores.ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], scores[i], 12);
        }
    }

    [Fact]
    public void Weights_must_add_up_to_one_and_gates_must_name_a_tier()
    {
        var ex = Assert.Throws<KamValidationException>(() => ScorecardPolicy.Create(
        [
            new("a", 0.5m, Normalisation.MinMax),
            new("b", 0.4m, Normalisation.YesNo) { Gate = new CriterionGate("Platinum", Minimum: 1) },
        ], Tiers("A", "B"), [0.5]));
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.InvalidSum && e.Path == "criteria");
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.Unknown && e.Path == "criteria[1].gate.capTier");
    }

    [Fact]
    public void Default_honeywell_scorecard_round_trips_through_json()
    {
        var json = ScorecardPolicy.Default.ToJson();
        Assert.Contains("firstChoiceStrategicSupplier", json, StringComparison.Ordinal);
        var policy = ScorecardPolicy.FromJson(json);
        Assert.Equal(ScorecardPolicy.Default.Thresholds, policy.Thresholds);
        Assert.Equal(ScorecardPolicy.Default.Criteria.Select(c => (c.Name, c.Weight, c.Gate)), policy.Criteria.Select(c => (c.Name, c.Weight, c.Gate)));
        var bad = json.Replace("\"weight\": 0.2,", "\"weight\": 0.3,", StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<KamValidationException>(() => ScorecardPolicy.FromJson(bad)).Errors, e => e.Path == "$.criteria" && e.Code == KamErrorCodes.InvalidSum);
    }
}

public sealed class GateValidationTests
{
    [Fact]
    public void Gates_need_finite_ordered_limits()
    {
        var ex = Assert.Throws<KamValidationException>(() => SelectionPolicy.Create("contribution", 1, 9,
            [new SelectionGate("a"), new SelectionGate("b", double.NaN), new SelectionGate("c", 5, 1)]));
        Assert.Equal([("gates[0]", KamErrorCodes.Required), ("gates[1].minimum", KamErrorCodes.NotFinite), ("gates[2].maximum", KamErrorCodes.OutOfOrder)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        var card = Assert.Throws<KamValidationException>(() => ScorecardPolicy.Create(
            [new ScorecardCriterion("x", 1m, Normalisation.MinMax) { Gate = new CriterionGate("B", double.PositiveInfinity) }], TieringSamples.Tiers("A", "B"), [0.5]));
        Assert.Equal("criteria[0].gate.minimum", Assert.Single(card.Errors).Path);
    }
}
