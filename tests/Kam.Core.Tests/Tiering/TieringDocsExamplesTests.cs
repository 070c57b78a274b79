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

/// <summary>The rule files shown in docs/tiering.md load as written.</summary>
public sealed class TieringDocsExamplesTests
{
    [Fact]
    public void Pareto_example_loads_with_tier_services()
    {
        var policy = ParetoPolicy.FromJson("""
            { "measure": "contribution", "cutBasis": "CumulativeValueShare",
              "tiers": [ { "name": "A", "services": { "serviceLevel": "dedicated line", "accountTeamSize": 4, "visitsPerYear": 12,
                                                      "investmentBudget": "500000 CNY" } },
                         { "name": "B" }, { "name": "C" } ],
              "shareCuts": [ "80%", "95%" ] }
            """);
        Assert.Equal(Money.Of(500_000m, "CNY"), policy.Tiers[0].Services!.InvestmentBudget);
    }

    [Fact]
    public void Scorecard_and_selection_examples_load()
    {
        var card = AccountScorecardPolicy.FromJson("""
            { "criteria": [
                { "name": "revenue", "weight": 0.3, "normalisation": "MinMax" },
                { "name": "growth", "weight": 0.2, "normalisation": "Bands", "bands": [ { "from": 0, "score": 0.5 }, { "from": 0.2, "score": 1 } ] },
                { "name": "firstChoiceStrategicSupplier", "weight": 0.5, "normalisation": "YesNo", "missing": "TreatAsWorst" },
                { "name": "creditRisk", "weight": 0, "normalisation": "YesNo", "higherIsBetter": false,
                  "missing": "TreatAsWorst", "gate": { "capTier": "Developing", "maximum": 0 } } ],
              "tiers": [ { "name": "Strategic" }, { "name": "Developing" }, { "name": "Transactional" } ],
              "thresholds": [ 0.8, 0.4 ] }
            """);
        Assert.Equal(4, card.Criteria.Count);
        var selection = SelectionPolicy.FromJson("""
            { "valueMeasure": "contribution", "managers": 3, "accountsPerManager": 9, "nearMissCount": 5,
              "gates": [ { "measure": "creditRisk", "maximum": 0 }, { "measure": "contribution", "minimum": 0 } ] }
            """);
        Assert.Equal(27, selection.Capacity);
    }

    [Fact]
    public void Unknown_and_missing_members_are_reported_with_json_paths()
    {
        var unknown = Assert.Throws<KamValidationException>(() => SelectionPolicy.FromJson("""{ "valueMeasure": "x", "managers": 1, "gates": [], "colour": 1 }"""));
        Assert.Equal(KamErrorCodes.JsonUnknownMember, unknown.Errors[0].Code);
        var missing = Assert.Throws<KamValidationException>(() => SelectionPolicy.FromJson("""{ "valueMeasure": "x", "gates": [] }"""));
        Assert.Equal(KamErrorCodes.JsonMissingMember, missing.Errors[0].Code);
    }

    [Fact]
    public void Combined_policy_example_loads_with_defaults_for_the_missing_sections()
    {
        var options = TieringOptions.FromJson("""
            {
              "pareto": { "measure": "contribution", "tiers": [ { "name": "A" }, { "name": "B" }, { "name": "C" } ], "shareCuts": [ "80%", "95%" ] },
              "rfm": null,
              "scorecard": { "criteria": [ { "name": "revenue", "weight": 1, "normalisation": "PercentileRank" } ],
                             "tiers": [ { "name": "Strategic" }, { "name": "Other" } ], "thresholds": [ 0.8 ] },
              "selection": { "valueMeasure": "contribution", "managers": 3, "gates": [ { "measure": "creditRisk", "maximum": 0 } ] }
            }
            """);
        Assert.Equal(("contribution", 27, "revenue"), (options.Pareto.Measure, options.Selection.Capacity, options.Scorecard.Criteria[0].Name));
        Assert.Same(RfmPolicy.Default, options.Rfm);
        Assert.Same(RelationshipPolicy.Default, options.Relationship);
    }
}
