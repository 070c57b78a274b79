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
        var result = new OpportunityGradingEngine(GradingPolicy.Default).Assign(portfolio);
        Assert.Equal(["A", "B", "C", "D"], result.Assignments.Select(a => a.Tier));
        Assert.StartsWith("All-out", result.Tiers[0].Description, StringComparison.Ordinal);
        Assert.Equal(GradingPolicy.Default.Grades.Select(g => (g.Tier.Name, g.Tier.Description, g.MaxDaysToClose, g.MinLikelihood)), GradingPolicy.FromJson(GradingPolicy.Default.ToJson()).Grades.Select(g => (g.Tier.Name, g.Tier.Description, g.MaxDaysToClose, g.MinLikelihood)));
        var bad = AccountMeasures.Create([Id("x")], [MeasureColumn.Numbers("daysToClose", [1]), MeasureColumn.Numbers("closeLikelihood", [1.5])]);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => new OpportunityGradingEngine(GradingPolicy.Default).Assign(bad)).Errors[0].Code);
    }

    [Fact]
    public void Relationships_are_placed_by_both_indicators()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c")],
        [
            MeasureColumn.Numbers("collaboration", [0.9, 0.9, 0.1]),
            MeasureColumn.Numbers("contactBreadth", [0.85, 0.3, 0.1]),
        ]);
        var result = new RelationshipStageEngine(RelationshipPolicy.Default).Assign(portfolio);
        Assert.Equal(["Strategic alliance", "Basic", "Exploratory"], result.Assignments.Select(a => a.Tier));
        Assert.Equal(RelationshipPolicy.Default.Stages.Select(s => (s.Tier.Name, s.Tier.Description, s.MinCollaboration, s.MinContactBreadth)), RelationshipPolicy.FromJson(RelationshipPolicy.Default.ToJson()).Stages.Select(s => (s.Tier.Name, s.Tier.Description, s.MinCollaboration, s.MinContactBreadth)));
    }

    [Fact]
    public void Selection_fills_capacity_with_the_best_eligible_accounts_and_reports_near_misses()
    {
        var portfolio = AccountMeasures.Create([Id("a"), Id("b"), Id("c"), Id("d"), Id("e")],
        [
            MeasureColumn.Amounts("contribution", Currency.CNY, [500, 400, 300, 200, -10]),
            MeasureColumn.Flags("creditRisk", [false, true, false, false, false]),
        ]);
        var policy = new SelectionPolicy("contribution", 1, 2, [new SelectionGate("creditRisk", maximum: 0), new SelectionGate("contribution", minimum: 0)], nearMissCount: 2);
        var selection = new KeyAccountSelectionEngine(policy).Select(portfolio);
        Assert.Equal(["Key account", "Not selected", "Key account", "Not selected", "Not selected"], selection.Result.Assignments.Select(a => a.Tier));
        Assert.Equal(800d, selection.SelectedValue);
        Assert.Equal(2, selection.Capacity);
        Assert.Equal(["b", "d"], selection.NearMisses.Select(m => m.AccountId.Value));
        Assert.Equal(["creditRisk"], selection.NearMisses[0].FailedGates);
        Assert.Contains("capacity", selection.NearMisses[1].Reason, StringComparison.Ordinal);
        Assert.Equal(9, SelectionPolicy.Default.AccountsPerManager);
        Assert.Equal(policy.Gates.Select(g => (g.Measure, g.Minimum, g.Maximum)), SelectionPolicy.FromJson(policy.ToJson()).Gates.Select(g => (g.Measure, g.Minimum, g.Maximum)));
    }

    [Fact]
    public void Stability_holds_a_tier_until_the_margin_or_the_streak_is_reached()
    {
        var policy = new AccountScorecardPolicy([new("x", 1m, Normalization.Bands, bands: [new AccountScoreBand(0, 0), new AccountScoreBand(1, 0.72), new AccountScoreBand(2, 0.9)])], Tiers("A", "B"), [0.7]);
        AccountMeasures Run(double x) => AccountMeasures.Create([Id("acct")], [MeasureColumn.Numbers("x", [x])]);
        var engine = new AccountScorecardEngine(policy);
        var stability = new TierStabilityPolicy(0.05, 2);
        var previous = new Dictionary<AccountId, TierHistory> { [Id("acct")] = new TierHistory("B") };

        var first = new TierStabilizer(stability).Apply(engine.Assign(Run(1)), previous); // 0.72 < 0.70 + 0.05: held in B
        Assert.Equal(1, first.Result.TierIndexAt(0));
        var history = first.History[Id("acct")];
        Assert.Equal(("B", "A", 1), (history.Tier, history.PendingTier, history.PendingPeriods));
        var second = new TierStabilizer(stability).Apply(engine.Assign(Run(1)), first.History); // second period: moves
        Assert.Equal(0, second.Result.TierIndexAt(0));
        var jump = new TierStabilizer(stability).Apply(engine.Assign(Run(2)), previous); // 0.9 clears the margin at once
        Assert.Equal(0, jump.Result.TierIndexAt(0));
    }

    [Fact]
    public void Change_report_lists_promoted_demoted_new_and_gone_with_reasons()
    {
        var engine = new ParetoEngine(ParetoPolicy.TopCount("revenue", Tiers("A", "B"), [1]));
        var before = engine.Assign(Revenue(("a", 10), ("b", 5), ("c", 1)));
        var after = engine.Assign(Revenue(("a", 4), ("b", 8), ("d", 1)));
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
        var policy = new AccountScorecardPolicy([new("x", 1m, Normalization.Bands, bands: [new AccountScoreBand(0, 0), new AccountScoreBand(1, 0.68), new AccountScoreBand(2, 0.5)])], TieringSamples.Tiers("A", "B"), [0.7]);
        AccountMeasures Run(double x) => AccountMeasures.Create([TieringSamples.Id("acct")], [MeasureColumn.Numbers("x", [x])]);
        var previous = new Dictionary<AccountId, TierHistory> { [TieringSamples.Id("acct")] = new TierHistory("A") };
        var stability = TierStabilityPolicy.FromJson("""{ "margin": 0.05, "consecutivePeriods": 3 }""");

        var held = new TierStabilizer(stability).Apply(new AccountScorecardEngine(policy).Assign(Run(1)), previous); // 0.68 >= 0.70 - 0.05: held in A
        Assert.Equal("A", held.Result.Assignments[0].Tier);
        Assert.Contains(held.Result.Explain(0).Thresholds, t => t.Quantity == "score (hysteresis)" && !t.Met);
        var dropped = new TierStabilizer(stability).Apply(new AccountScorecardEngine(policy).Assign(Run(2)), previous); // 0.5 < 0.65: demoted at once
        Assert.Equal("B", dropped.Result.Assignments[0].Tier);
        Assert.Equal(new TierStabilityPolicy(0.05, 3).Margin, TierStabilityPolicy.FromJson(stability.ToJson()).Margin);
        Assert.Equal("$.consecutivePeriods", Assert.Throws<KamValidationException>(() => TierStabilityPolicy.FromJson("""{ "margin": 0.05, "consecutivePeriods": 0 }""")).Errors[0].Path);
        Assert.Equal(KamErrorCodes.Unknown, Assert.Throws<KamValidationException>(() =>
            new TierStabilizer(stability).Apply(new AccountScorecardEngine(policy).Assign(Run(1)), new Dictionary<AccountId, TierHistory> { [TieringSamples.Id("acct")] = new TierHistory("Gold") })).Errors[0].Code);
    }

    [Fact]
    public void Rfm_explanations_show_why_earlier_segments_did_not_match()
    {
        var ids = Enumerable.Range(1, 5).Select(i => TieringSamples.Id($"r{i}")).ToArray();
        double[] v = [1, 2, 3, 4, 5];
        var portfolio = AccountMeasures.Create(ids, [MeasureColumn.Numbers("recencyDays", v), MeasureColumn.Numbers("frequency", v), MeasureColumn.Numbers("monetary", v)]);
        var result = new RfmEngine(RfmPolicy.Default).Assign(portfolio);
        var first = result.Explain(0); // R5 F1 M1: Champions fails on frequency, Loyal fails on frequency, Promising matches
        Assert.Equal("Promising", result.Assignments[0].Tier);
        Assert.Contains(first.Thresholds, t => t.Tier == "Champions" && t.Quantity == "frequency score" && !t.Met);
        Assert.All(first.Thresholds.Where(t => t.Tier == "Promising"), t => Assert.True(t.Met));
    }
}
