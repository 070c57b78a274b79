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

namespace Kam.Core.Tests.Tiering;

/// <summary>The combined tier-policy file: <see cref="TieringOptions.FromJson"/> and <see cref="TieringOptions.ToJson"/>.</summary>
public sealed class TieringOptionsJsonTests
{
    [Fact]
    public void The_defaults_round_trip_through_one_file_with_every_section()
    {
        var json = new TieringOptions().ToJson();
        foreach (var section in new[] { "pareto", "rfm", "scorecard", "grading", "relationship", "selection", "stability" })
        {
            Assert.Contains($"\"{section}\": {{", json, StringComparison.Ordinal);
        }

        var read = TieringOptions.FromJson(json);
        Assert.Equal(json, read.ToJson());
        Assert.Equal(AccountScorecardPolicy.Default.Criteria.Select(c => (c.Name, c.Weight, c.Missing, c.Gate?.CapTier, c.Gate?.Minimum, c.Gate?.Maximum)), read.Scorecard.Criteria.Select(c => (c.Name, c.Weight, c.Missing, c.Gate?.CapTier, c.Gate?.Minimum, c.Gate?.Maximum)));
        Assert.Equal(ParetoPolicy.Default.ShareCuts, read.Pareto.ShareCuts);
        Assert.Equal(SelectionPolicy.Default.Gates.Select(g => (g.Measure, g.Minimum, g.Maximum)), read.Selection.Gates.Select(g => (g.Measure, g.Minimum, g.Maximum)));
        Assert.Equal(RfmPolicy.Default.ToJson(), read.Rfm.ToJson());
        Assert.Equal(RelationshipPolicy.Default.Stages.Select(s => (s.Tier.Name, s.Tier.Description, s.MinCollaboration, s.MinContactBreadth)), read.Relationship.Stages.Select(s => (s.Tier.Name, s.Tier.Description, s.MinCollaboration, s.MinContactBreadth)));
    }

    [Fact]
    public void A_missing_or_null_section_is_the_default_policy()
    {
        var options = TieringOptions.FromJson("""
            // Only what differs from the defaults.
            { "selection": { "valueMeasure": "grossProfit", "managers": 2, "gates": [] },
              "rfm": null }
            """);
        Assert.Equal("grossProfit", options.Selection.ValueMeasure);
        Assert.Equal(18, options.Selection.Capacity);
        Assert.Empty(options.Selection.Gates);
        Assert.Same(ParetoPolicy.Default, options.Pareto);
        Assert.Same(RfmPolicy.Default, options.Rfm);
        Assert.Same(AccountScorecardPolicy.Default, options.Scorecard);
        Assert.Same(TierStabilityPolicy.Default, options.Stability);
        Assert.Same(GradingPolicy.Default, TieringOptions.FromJson("{}").Grading);

        // Optional members of a section take the policy's defaults (9 accounts per manager, 5 near misses), alone or combined.
        var alone = SelectionPolicy.FromJson("""{ "valueMeasure": "contribution", "managers": 1, "gates": [] }""");
        Assert.Equal((9, 5), (alone.AccountsPerManager, alone.NearMissCount));
        Assert.Equal(5, TieringOptions.FromJson("""{ "rfm": { "recencyMeasure": "r", "frequencyMeasure": "f", "monetaryMeasure": "m", "segments": [], "fallback": { "name": "All" } } }""").Rfm.Quantiles);
    }

    [Fact]
    public void Bad_values_are_reported_with_the_json_path_of_their_section()
    {
        var options = new TieringOptions().ToJson().Replace("\"weight\": 0.2,", "\"weight\": \"heavy\",", StringComparison.Ordinal);
        var typeError = Assert.Throws<KamValidationException>(() => TieringOptions.FromJson(options));
        Assert.Equal("$.scorecard.criteria[0].weight", typeError.Errors[0].Path);

        var domain = Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("""
            { "scorecard": { "criteria": [
                { "name": "a", "weight": 0.5, "normalisation": "MinMax" },
                { "name": "b", "weight": 0.5, "normalisation": "MinMax" },
                { "name": "c", "weight": 1.5, "normalisation": "MinMax" } ],
                "tiers": [ { "name": "A" }, { "name": "B" } ], "thresholds": [ 0.5 ] },
              "pareto": { "measure": "revenue", "tiers": [ { "name": "A" }, { "name": "B" } ], "shareCuts": [ "0%" ] } }
            """));
        var paths = domain.Errors.Select(e => e.Path).ToArray();
        Assert.Contains("$.scorecard.criteria[2].weight", paths);
        Assert.Contains("$.scorecard.criteria", paths);
        Assert.Contains("$.pareto.shareCuts[0]", paths);
        Assert.Equal(KamErrorCodes.OutOfRange, domain.Errors.Single(e => e.Path == "$.scorecard.criteria[2].weight").Code);
    }

    [Fact]
    public void Unknown_sections_and_members_are_refused()
    {
        var section = Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("""{ "tiers": {} }"""));
        Assert.Equal(KamErrorCodes.JsonUnknownMember, section.Errors[0].Code);
        Assert.Equal("$.tiers", section.Errors[0].Path);

        var member = Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("""{ "stability": { "margin": 0.1, "consecutivePeriods": 2, "hysteresis": 1 } }"""));
        Assert.Equal(KamErrorCodes.JsonUnknownMember, member.Errors[0].Code);
        Assert.Equal("$.stability.hysteresis", member.Errors[0].Path);
    }
}
