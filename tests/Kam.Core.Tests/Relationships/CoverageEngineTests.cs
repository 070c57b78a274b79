using Kam.Core.Relationships;
using static Kam.Core.Tests.Relationships.RelationshipsSamples;

namespace Kam.Core.Tests.Relationships;

public sealed class CoverageEngineTests
{
    private static readonly CoverageEngine Engine = new(CoveragePolicy.Default);

    private static BuyingCenter AcmeAsOf(int month, int day) => new BuyingCenterHistory(Events()).AsOf(Acme, D(month, day));

    [Fact]
    public void The_worked_example_in_march()
    {
        var report = Engine.Analyze(AcmeAsOf(3, 31), OurLevels());

        Assert.Equal(0.575m, report.Score);
        Assert.Equal(6, report.Contacts);
        Assert.Equal(3, report.CoveredContacts);
        Assert.Null(report.Opportunity);
        Assert.Equal(
            [
                (CoverageFindingKind.DecisionUncovered, "whether"),
                (CoverageFindingKind.DecisionUncovered, "supplier"),
                (CoverageFindingKind.DecisionUncovered, "signature"),
                (CoverageFindingKind.VetoHolderUncovered, "zhou"),
                (CoverageFindingKind.NoPeerCoverage, "decision"),
                (CoverageFindingKind.InfluentialOpponent, "zhao"),
                (CoverageFindingKind.LeaningToCompetitor, "zhao"),
            ],
            report.Findings.Select(f => (f.Kind, Subject(f))));

        var veto = report.Findings.Single(f => f.Kind == CoverageFindingKind.VetoHolderUncovered);
        Assert.Equal(
            [
                "Zhou Tao (zhou, operational level, Quality engineer): strongest relationship 2 of 5 (with ma), below the 3 that covers.",
                "Reports to Wang Fang (wang, management level, Head of engineering), who is covered.",
            ],
            veto.Reasons);
        var peer = report.Findings.Single(f => f.Kind == CoverageFindingKind.NoPeerCoverage);
        Assert.Equal(
            [
                "Chen Jie (chen, decision level, General manager): strongest relationship 2 of 5 (with liu), below the 3 that covers.",
                "Li Wei (li, decision level, CFO): covered by zhang at strength 3 of 5; the highest level of ours covering this contact is management.",
            ],
            peer.Reasons);
        var supplier = report.Findings.Single(f => f.Decision == BuyingDecisions.Supplier);
        Assert.Equal("No holder of the decision on which supplier is covered.", supplier.Message);
        Assert.Equal(["Zhao Lei (zhao, management level, Purchasing manager) holds it: strongest relationship 2 of 5 (with zhang), below the 3 that covers."], supplier.Reasons);
        Assert.Equal("Zhao Lei leans to Rival Corp.", report.Findings[^1].Message);
    }

    [Fact]
    public void The_worked_example_in_january()
    {
        var report = Engine.Analyze(AcmeAsOf(1, 31), OurLevels());

        Assert.Equal(0.5833m, decimal.Round(report.Score, 4));
        Assert.Equal(
            [CoverageFindingKind.LevelUncovered, CoverageFindingKind.DecisionUncovered, CoverageFindingKind.DecisionUncovered, CoverageFindingKind.DecisionUncovered,
             CoverageFindingKind.DecisionUncovered, CoverageFindingKind.DecisionUncovered, CoverageFindingKind.NoPeerCoverage],
            report.Findings.Select(f => f.Kind));
        Assert.Equal(DecisionLevel.Decision, report.Findings[0].Level);
        Assert.Equal("The decision level has no contact with a relationship of strength 3 or more.", report.Findings[0].Message);
    }

    [Fact]
    public void Without_our_levels_no_executive_coverage_is_claimed()
    {
        var events = Events();
        events.Add(new RelationshipChanged(D(3, 20), P("liu"), C("chen"), 4));
        var center = new BuyingCenterHistory(events).AsOf(Acme, D(3, 31));

        Assert.DoesNotContain(Engine.Analyze(center, OurLevels()).Findings, f => f.Kind == CoverageFindingKind.NoPeerCoverage);
        Assert.Contains(Engine.Analyze(center).Findings, f => f.Kind == CoverageFindingKind.NoPeerCoverage);
    }

    [Fact]
    public void An_opportunity_is_analyzed_on_its_contacts_only()
    {
        var center = AcmeAsOf(3, 31);
        var opportunity = OpportunityId.Parse("OPP-7");

        var report = Engine.AnalyzeOpportunity(center, opportunity, [C("wang"), C("sun"), C("wang")], OurLevels());

        Assert.Equal(opportunity, report.Opportunity);
        Assert.Equal(2, report.Contacts);
        var level = report.Findings[0];
        Assert.Equal(CoverageFindingKind.LevelUncovered, level.Kind);
        Assert.Equal(["No contact at the decision level is mapped among the opportunity's contacts."], level.Reasons);
        Assert.Equal(5, report.Findings.Count(f => f.Kind == CoverageFindingKind.DecisionUncovered));
        Assert.DoesNotContain(report.Findings, f => f.Kind is CoverageFindingKind.InfluentialOpponent or CoverageFindingKind.VetoHolderUncovered);
    }

    [Fact]
    public void Bad_input_is_refused_with_path_and_value()
    {
        var center = AcmeAsOf(3, 31);
        var ex = Assert.Throws<KamValidationException>(() => Engine.AnalyzeOpportunity(center, default, [C("wang"), C("zhang")], new Dictionary<PersonId, DecisionLevel> { [P("x")] = (DecisionLevel)5 }));
        Assert.Equal(["opportunity", "contacts[1]", "ourLevels[x]"], ex.Errors.Select(e => e.Path));
        Assert.Equal("zhang", ex.Errors[1].AttemptedValue);

        var batch = Assert.Throws<KamValidationException>(() => Engine.AnalyzeAll([center, null!]));
        Assert.Equal("centers[1]", batch.Errors.Single().Path);
    }

    [Fact]
    public void Contacts_who_left_are_not_analyzed()
    {
        var events = Events();
        events.Add(new ContactLeft(D(3, 15), C("zhao")));
        var report = Engine.Analyze(new BuyingCenterHistory(events).AsOf(Acme, D(3, 31)), OurLevels());
        Assert.Equal(5, report.Contacts);
        Assert.DoesNotContain(report.Findings, f => f.Contact == C("zhao"));
        Assert.Contains(report.Findings, f => f.Kind == CoverageFindingKind.DecisionUncovered && f.Decision == BuyingDecisions.Supplier && f.Reasons[0].StartsWith("No contact", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_map_and_a_single_thread_are_findings()
    {
        var empty = Engine.Analyze(new BuyingCenterHistory([]).AsOf(Acme, D(1, 1)));
        Assert.Equal(0, empty.Contacts);
        Assert.Equal(3, empty.Findings.Count(f => f.Kind == CoverageFindingKind.LevelUncovered));
        Assert.Contains(empty.Findings, f => f.Kind == CoverageFindingKind.SingleThreaded);
        Assert.Equal((15m + 10m + 10m) / 100m, empty.Score);

        var single = Engine.Analyze(new BuyingCenterHistory(Events().Take(1).Append(new RelationshipChanged(D(1, 6), P("liu"), C("chen"), 5)).ToList()).AsOf(Acme, D(1, 6)));
        var thread = single.Findings.Single(f => f.Kind == CoverageFindingKind.SingleThreaded);
        Assert.Equal(C("chen"), thread.Contact);
        Assert.Equal("Single-threaded: 1 contact(s) carry the relationship.", thread.Message);
    }

    [Fact]
    public void A_fully_covered_account_has_no_finding_and_full_score()
    {
        var events = new List<BuyingCenterEvent>();
        foreach (var (id, level) in new[] { ("d", DecisionLevel.Decision), ("m", DecisionLevel.Management), ("o", DecisionLevel.Operational) })
        {
            events.Add(new ContactJoined(D(1, 1), C(id), Acme, new ContactProfile(id, level, ContactFunction.User, decisions: level == DecisionLevel.Decision ? BuyingDecisions.All : BuyingDecisions.None, veto: level == DecisionLevel.Management, influence: 5, attitude: Attitude.Favorable)));
            events.Add(new RelationshipChanged(D(1, 2), P("liu"), C(id), 5));
        }

        var report = Engine.Analyze(new BuyingCenterHistory(events).AsOf(Acme, D(1, 2)), OurLevels());
        Assert.Empty(report.Findings);
        Assert.Equal(1m, report.Score);
    }

    private static string Subject(CoverageFinding f) =>
        f.Contact?.Value ?? (f.Decision != BuyingDecisions.None ? f.Decision switch
        {
            BuyingDecisions.Whether => "whether",
            BuyingDecisions.Supplier => "supplier",
            BuyingDecisions.Signature => "signature",
            _ => f.Decision.ToString(),
        } : f.Level!.Value.ToString().ToLowerInvariant());
}
