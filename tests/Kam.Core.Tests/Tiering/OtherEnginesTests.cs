using Kam.Core.Tiering;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

public sealed class OtherEnginesTests
{
    [Fact]
    public void Opportunities_are_graded_by_close_time_and_likelihood_with_the_seed_actions()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c"), Id("d")],
        [
            MeasureColumn.Numbers("daysToClose", [30, 30, 200, 30]),
            MeasureColumn.Numbers("closeLikelihood", [0.8, 0.5, 0.5, 0.1]),
        ]);
        var result = new OpportunityGradingEngine().Assign(portfolio, GradingPolicy.Default);
        Assert.Equal(["A", "B", "C", "D"], result.Assignments.Select(a => a.Tier));
        Assert.StartsWith("All-out", result.Tiers[0].Description, StringComparison.Ordinal);
        Assert.Equal(GradingPolicy.Default.Grades, GradingPolicy.FromJson(GradingPolicy.Default.ToJson()).Grades);
        var bad = AccountMeasures.Create([Id("x")], [MeasureColumn.Numbers("daysToClose", [1]), MeasureColumn.Numbers("closeLikelihood", [1.5])]);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => new OpportunityGradingEngine().Assign(bad, GradingPolicy.Default)).Errors[0].Code);
    }

    [Fact]
    public void Relationships_are_placed_by_both_indicators()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c")],
        [
            MeasureColumn.Numbers("collaboration", [0.9, 0.9, 0.1]),
            MeasureColumn.Numbers("contactBreadth", [0.85, 0.3, 0.1]),
        ]);
        var result = new RelationshipStageEngine().Assign(portfolio, RelationshipPolicy.Default);
        Assert.Equal(["Strategic alliance", "Basic", "Exploratory"], result.Assignments.Select(a => a.Tier));
        Assert.Equal(RelationshipPolicy.Default.Stages, RelationshipPolicy.FromJson(RelationshipPolicy.Default.ToJson()).Stages);
    }

    [Fact]
    public void Selection_fills_capacity_with_the_best_eligible_accounts_and_reports_near_misses()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c"), Id("d"), Id("e")],
        [
            MeasureColumn.Amounts("contribution", Currency.CNY, [500, 400, 300, 200, -10]),
            MeasureColumn.Flags("creditRisk", [false, true, false, false, false]),
        ]);
        var policy = SelectionPolicy.Create("contribution", 1, 2, [new SelectionGate("creditRisk", Maximum: 0), new SelectionGate("contribution", Minimum: 0)], nearMissCount: 2);
        var selection = new KeyAccountSelectionEngine().Select(portfolio, policy);
        Assert.Equal(["Key account", "Not selected", "Key account", "Not selected", "Not selected"], selection.Result.Assignments.Select(a => a.Tier));
        Assert.Equal(800d, selection.SelectedValue);
        Assert.Equal(2, selection.Capacity);
        Assert.Equal(["b", "d"], selection.NearMisses.Select(m => m.AccountId.Value));
        Assert.Equal(["creditRisk"], selection.NearMisses[0].FailedGates);
        Assert.Contains("capacity", selection.NearMisses[1].Reason, StringComparison.Ordinal);
        Assert.Equal(9, SelectionPolicy.Default.AccountsPerManager);
        Assert.Equal(policy.Gates, SelectionPolicy.FromJson(policy.ToJson()).Gates);
    }

    [Fact]
    public void Stability_holds_a_tier_until_the_margin_or_the_streak_is_reached()
    {
        var policy = ScorecardPolicy.Create([new("x", 1m, Normalisation.Bands) { Bands = [new ScoreBand(0, 0), new ScoreBand(1, 0.72), new ScoreBand(2, 0.9)] }], Tiers("A", "B"), [0.7]);
        AccountMeasures Run(double x) => AccountMeasures.Create([Id("acct")], [MeasureColumn.Numbers("x", [x])]);
        var engine = new ScorecardEngine();
        var stability = TierStabilityPolicy.Create(0.05, 2);
        var previous = new Dictionary<AccountId, TierHistory> { [Id("acct")] = new TierHistory("B") };

        var first = TierStabilizer.Apply(engine.Assign(Run(1), policy), previous, stability); // 0.72 < 0.70 + 0.05: held in B
        Assert.Equal(1, first.Result.TierIndexAt(0));
        Assert.Equal(new TierHistory("B", "A", 1), first.History[Id("acct")]);
        var second = TierStabilizer.Apply(engine.Assign(Run(1), policy), first.History, stability); // second period: moves
        Assert.Equal(0, second.Result.TierIndexAt(0));
        var jump = TierStabilizer.Apply(engine.Assign(Run(2), policy), previous, stability); // 0.9 clears the margin at once
        Assert.Equal(0, jump.Result.TierIndexAt(0));
    }

    [Fact]
    public void Change_report_lists_promoted_demoted_new_and_gone_with_reasons()
    {
        var engine = new ParetoEngine();
        var policy = ParetoPolicy.CreateTopCount("revenue", Tiers("A", "B"), [1]);
        var before = engine.Assign(Revenue(("a", 10), ("b", 5), ("c", 1)), policy);
        var after = engine.Assign(Revenue(("a", 4), ("b", 8), ("d", 1)), policy);
        var report = TierChangeReport.Compare(before, after);
        Assert.Equal([(Id("a"), TierChangeKind.Demoted), (Id("b"), TierChangeKind.Promoted), (Id("c"), TierChangeKind.Gone), (Id("d"), TierChangeKind.New)],
            report.Changes.Select(c => (c.AccountId, c.Kind)));
        Assert.Contains("score 5 → 8", report.Changes[1].Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.CountOf(TierChangeKind.Promoted));
    }
}

public sealed class StabilityAndExplanationTests
{
    [Fact]
    public void Demotion_waits_for_the_margin_or_the_streak()
    {
        var policy = ScorecardPolicy.Create([new("x", 1m, Normalisation.Bands) { Bands = [new ScoreBand(0, 0), new ScoreBand(1, 0.68), new ScoreBand(2, 0.5)] }], TieringSamples.Tiers("A", "B"), [0.7]);
        AccountMeasures Run(double x) => AccountMeasures.Create([TieringSamples.Id("acct")], [MeasureColumn.Numbers("x", [x])]);
        var previous = new Dictionary<AccountId, TierHistory> { [TieringSamples.Id("acct")] = new TierHistory("A") };
        var stability = TierStabilityPolicy.FromJson("""{ "margin": 0.05, "consecutivePeriods": 3 }""");

        var held = TierStabilizer.Apply(new ScorecardEngine().Assign(Run(1), policy), previous, stability); // 0.68 >= 0.70 - 0.05: held in A
        Assert.Equal("A", held.Result.Assignments[0].Tier);
        Assert.Contains(held.Result.Explain(0).Thresholds, t => t.Quantity == "score (hysteresis)" && !t.Met);
        var dropped = TierStabilizer.Apply(new ScorecardEngine().Assign(Run(2), policy), previous, stability); // 0.5 < 0.65: demoted at once
        Assert.Equal("B", dropped.Result.Assignments[0].Tier);
        Assert.Equal(TierStabilityPolicy.Create(0.05, 3).Margin, TierStabilityPolicy.FromJson(stability.ToJson()).Margin);
        Assert.Equal("$.consecutivePeriods", Assert.Throws<KamValidationException>(() => TierStabilityPolicy.FromJson("""{ "margin": 0.05, "consecutivePeriods": 0 }""")).Errors[0].Path);
        Assert.Equal(KamErrorCodes.Unknown, Assert.Throws<KamValidationException>(() =>
            TierStabilizer.Apply(new ScorecardEngine().Assign(Run(1), policy), new Dictionary<AccountId, TierHistory> { [TieringSamples.Id("acct")] = new TierHistory("Gold") }, stability)).Errors[0].Code);
    }

    [Fact]
    public void Rfm_explanations_show_why_earlier_segments_did_not_match()
    {
        var ids = Enumerable.Range(1, 5).Select(i => TieringSamples.Id($"r{i}")).ToArray();
        double[] v = [1, 2, 3, 4, 5];
        var portfolio = AccountMeasures.Create(ids, [MeasureColumn.Numbers("recencyDays", v), MeasureColumn.Numbers("frequency", v), MeasureColumn.Numbers("monetary", v)]);
        var result = new RfmEngine().Assign(portfolio, RfmPolicy.Default);
        var first = result.Explain(0); // R5 F1 M1: Champions fails on frequency, Loyal fails on frequency, Promising matches
        Assert.Equal("Promising", result.Assignments[0].Tier);
        Assert.Contains(first.Thresholds, t => t.Tier == "Champions" && t.Quantity == "frequency score" && !t.Met);
        Assert.All(first.Thresholds.Where(t => t.Tier == "Promising"), t => Assert.True(t.Met));
    }
}
