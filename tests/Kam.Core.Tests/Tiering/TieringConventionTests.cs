using System.Reflection;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

/// <summary>The issue-15 conventions as they apply to Tiering: immutable types, rules valid from construction, the ranking the CLI shows.</summary>
public sealed class TieringConventionTests
{
    private static readonly Type[] PublicTypes = typeof(TieringResult).Assembly.GetExportedTypes()
        .Where(t => t.Namespace is { } ns && (ns.StartsWith("Kam.Core.Tiering", StringComparison.Ordinal) || ns == "Kam.Core.Stages.Grading"))
        .ToArray();

    [Fact]
    public void No_public_tiering_type_has_a_public_setter_or_is_a_positional_record()
    {
        Assert.True(PublicTypes.Length > 40);
        var setters = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(setters);
        var deconstructs = PublicTypes.Where(t => t.GetMethod("Deconstruct") is not null && t != typeof(MeasureValue)).Select(t => t.Name);
        Assert.Empty(deconstructs);
        var records = PublicTypes.Where(t => t.GetMethod("<Clone>$") is not null).Select(t => t.Name);
        Assert.Empty(records);
    }

    [Fact]
    public void Rule_types_refuse_invalid_values_in_their_constructors()
    {
        Assert.Equal("name", Single(() => new TierDefinition(" ")).Path);
        Assert.Equal("accountTeamSize", Single(() => new TierServices("dedicated", -1, 4)).Path);
        Assert.Equal("investmentBudget", Single(() => new TierServices("dedicated", 1, 4, Money.Of(-1m, "CNY"))).Path);
        Assert.Equal("recencyMax", Single(() => new RfmSegment(new TierDefinition("x"), 3, 2, 1, 5, 1, 5)).Path);
        Assert.Equal("tier", Single(() => new RfmSegment(null!, 1, 5, 1, 5, 1, 5)).Path);
        Assert.Equal("score", Single(() => new AccountScoreBand(0, 1.5)).Path);
        Assert.Equal("weight", Single(() => new AccountScorecardCriterion("x", 2m, Normalization.MinMax)).Path);
        Assert.Equal("bands", Single(() => new AccountScorecardCriterion("x", 1m, Normalization.Bands)).Path);
        Assert.Equal("imputedValue", Single(() => new AccountScorecardCriterion("x", 1m, Normalization.MinMax, missing: MissingValuePolicy.Impute)).Path);
        Assert.Equal("capTier", Single(() => new CriterionGate("", minimum: 0)).Path);
        Assert.Equal("measure", Single(() => new SelectionGate("", maximum: 0)).Path);
        Assert.Equal("minCollaboration", Single(() => new RelationshipStage(new TierDefinition("x"), 1.5, 0)).Path);
        Assert.Equal("minLikelihood", Single(() => new OpportunityGrade(new TierDefinition("x"), 30, -0.1)).Path);
        Assert.Equal("quantiles", Single(() => new RfmPolicy("r", "f", "m", 11, RfmPolicy.Default.Segments, RfmPolicy.Default.Fallback)).Path);
        Assert.Equal("cutBasis", Single(() => new ParetoPolicy("revenue", Tiers("A", "B"), [Percentage.FromPercent(80)], ParetoCutBasis.TopCount)).Path);
    }

    [Fact]
    public void Policies_copy_their_lists()
    {
        var tiers = new List<TierDefinition> { new("A"), new("B") };
        var policy = new ParetoPolicy("revenue", tiers, [Percentage.FromPercent(80)]);
        tiers.Add(new TierDefinition("C"));
        Assert.Equal(2, policy.Tiers.Count);
        Assert.Same(policy, new ParetoEngine(policy).Policy);
    }

    [Fact]
    public void Pareto_ranking_gives_each_accounts_share_and_cumulative_share_in_rank_order()
    {
        // Input order c, a, e, b, d with revenue 10, 50, 4, 30, 6 (total 100); one non-positive value is ranked last
        // and adds nothing.
        var portfolio = Revenue(("c", 10), ("a", 50), ("e", 4), ("b", 30), ("d", 6), ("z", -5));
        var ranking = new ParetoEngine(ParetoPolicy.Default).Rank(portfolio);

        Assert.Equal([1, 3, 0, 4, 2, 5], ranking.Order.ToArray());
        Assert.Equal([0.10, 0.50, 0.04, 0.30, 0.06, 0], ranking.Shares.ToArray().Select(s => Math.Round(s, 12)));
        Assert.Equal([0.90, 0.50, 1.00, 0.80, 0.96, 1.00], ranking.CumulativeShares.ToArray().Select(s => Math.Round(s, 12)));
        Assert.Equal(["B", "A", "C", "A", "B", "C"], ranking.Result.Assignments.Select(a => a.Tier));
        Assert.Equal(
            new ParetoEngine(ParetoPolicy.Default).Assign(portfolio).TierIndexes.ToArray(),
            ranking.Result.TierIndexes.ToArray());
    }

    [Fact]
    public void Pareto_ranking_breaks_ties_by_account_id_and_has_zero_shares_without_positive_value()
    {
        var ranking = new ParetoEngine(ParetoPolicy.Default).Rank(Revenue(("y", 0), ("x", 0), ("w", -1)));
        Assert.Equal([1, 0, 2], ranking.Order.ToArray());
        Assert.All(ranking.Shares.ToArray(), s => Assert.Equal(0d, s));
        Assert.All(ranking.CumulativeShares.ToArray(), s => Assert.Equal(0d, s));
    }

    private static KamValidationError Single(Func<object> create) =>
        Assert.Single(Assert.Throws<KamValidationException>(create).Errors);
}
