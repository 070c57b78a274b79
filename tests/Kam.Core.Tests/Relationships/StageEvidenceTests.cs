using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using Json.Schema;
using Kam.Core.Relationships;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Tests.Stages;
using NodaTime;
using static Kam.Core.Tests.Relationships.RelationshipsSamples;

namespace Kam.Core.Tests.Relationships;

/// <summary>The buying-center map answering the stage machine: organization mapped, decision makers influenced, the item events and the no-decision-coverage anomaly.</summary>
public sealed class StageEvidenceTests
{
    private const string Mapped = "s2.organisation-mapped";
    private const string Influenced = "s4.decision-makers-influenced";
    private static readonly StageEvidenceEngine Engine = new(StageEvidencePolicy.Default);
    private static readonly Instant At = Instant.FromUtc(2026, 3, 31, 18, 0);

    private static BuyingCenter AcmeAsOf(int month, int day, IEnumerable<BuyingCenterEvent>? more = null) =>
        new BuyingCenterHistory([.. Events(), .. more ?? []]).AsOf(Acme, D(month, day));

    private static EvaluationResults Validate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/stage-evidence-policy.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void In_march_the_organization_is_mapped_but_the_decision_makers_are_not_influenced()
    {
        var evidence = Engine.Evaluate(AcmeAsOf(3, 31));

        Assert.Equal((Acme, D(3, 31), (OpportunityId?)null), (evidence.Account, evidence.Date, evidence.Opportunity));
        Assert.True(evidence.OrganizationMapped!.Met);
        Assert.Equal(
            ["6 contact(s) mapped at the levels Operational, Management, Decision.", "Every required decision has a holder (All)."],
            evidence.OrganizationMapped.Reasons);
        Assert.False(evidence.DecisionMakersInfluenced!.Met);
        Assert.Equal(
            [
                "Decision maker Chen Jie (chen): our strongest relationship is 2, below 3.",
                "Decision maker Li Wei (li) is Skeptical, below Neutral.",
                "Decision maker Zhao Lei (zhao): our strongest relationship is 2, below 3.",
            ],
            evidence.DecisionMakersInfluenced.Reasons);
        Assert.True(evidence.DecisionLevelCovered);
        Assert.Equal([Mapped, Influenced], evidence.Items.Select(i => i.Item));
        Assert.StartsWith("s2.organisation-mapped: met (6 contact(s)", evidence.OrganizationMapped.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_january_no_supplier_decision_is_mapped_and_the_decision_level_is_not_covered()
    {
        var evidence = Engine.Evaluate(AcmeAsOf(1, 31));

        Assert.False(evidence.OrganizationMapped!.Met);
        Assert.Equal(["No holder of the decision 'Supplier' mapped."], evidence.OrganizationMapped.Reasons);
        Assert.False(evidence.DecisionLevelCovered);
        Assert.Equal(
            ["Decision maker Chen Jie (chen): our strongest relationship is 2, below 3.", "Decision maker Li Wei (li) has no relationship with us."],
            evidence.DecisionMakersInfluenced!.Reasons);
    }

    [Fact]
    public void An_opportunitys_contacts_are_judged_alone()
    {
        var evidence = Engine.Evaluate(AcmeAsOf(3, 31), OpportunityId.Parse("O-1"), [C("wang"), C("sun")]);

        Assert.Equal(OpportunityId.Parse("O-1"), evidence.Opportunity);
        Assert.Equal(
            [
                "2 contact(s) mapped; at least 3 are needed.",
                "No contact mapped at the Decision level.",
                "No holder of the decision 'Whether' mapped.",
                "No holder of the decision 'When' mapped.",
                "No holder of the decision 'Budget' mapped.",
                "No holder of the decision 'Supplier' mapped.",
                "No holder of the decision 'Signature' mapped.",
            ],
            evidence.OrganizationMapped!.Reasons);
        Assert.Equal(["No decision maker mapped (a contact with the decision-maker role or holding one of the policy's decisions)."], evidence.DecisionMakersInfluenced!.Reasons);
        Assert.False(evidence.DecisionLevelCovered);
    }

    [Fact]
    public void Decision_makers_count_as_influenced_when_each_is_reached_with_the_policys_attitude()
    {
        // Role only (Zhao holds the supplier decision but is no decision maker then); skeptical is enough; liu grows close to Chen.
        var engine = new StageEvidenceEngine(new StageEvidencePolicy(influenceDecisions: BuyingDecisions.None, minAttitude: Attitude.Skeptical));
        var evidence = engine.Evaluate(AcmeAsOf(3, 31, [new RelationshipChanged(D(3, 5), P("liu"), C("chen"), 4)]));

        Assert.True(evidence.DecisionMakersInfluenced!.Met);
        Assert.Equal(["Chen Jie (chen): relationship 4, Neutral.", "Li Wei (li): relationship 3, Skeptical."], evidence.DecisionMakersInfluenced.Reasons);

        // Chen leaves: only Li remains, and he is still reached.
        var left = engine.Evaluate(AcmeAsOf(3, 31, [new RelationshipChanged(D(3, 5), P("liu"), C("chen"), 4), new ContactLeft(D(3, 20), C("chen"))]));
        Assert.Equal(["Li Wei (li): relationship 3, Skeptical."], left.DecisionMakersInfluenced!.Reasons);
    }

    [Fact]
    public void The_policy_can_turn_an_item_off_and_lower_the_bar()
    {
        var engine = new StageEvidenceEngine(new StageEvidencePolicy(organizationMappedItem: null, minContacts: 2, mappedLevels: [DecisionLevel.Decision], mappedDecisions: BuyingDecisions.None));
        var evidence = engine.Evaluate(AcmeAsOf(1, 31));

        Assert.Null(evidence.OrganizationMapped);
        Assert.Equal([Influenced], evidence.Items.Select(i => i.Item));

        var lower = new StageEvidenceEngine(new StageEvidencePolicy(minContacts: 2, mappedLevels: [DecisionLevel.Decision], mappedDecisions: BuyingDecisions.Budget));
        Assert.True(lower.Evaluate(AcmeAsOf(1, 31)).OrganizationMapped!.Met);
        Assert.Equal("Every required decision has a holder (Budget).", lower.Evaluate(AcmeAsOf(1, 31)).OrganizationMapped!.Reasons[1]);
    }

    [Fact]
    public void Bad_calls_name_every_problem()
    {
        var center = AcmeAsOf(3, 31);
        var ex = Assert.Throws<KamValidationException>(() => Engine.Evaluate(center, null, [C("ghost")]));
        Assert.Equal(["opportunity", "contacts[0]"], ex.Errors.Select(e => e.Path));
        Assert.Equal("ghost", ex.Errors[1].AttemptedValue);

        var noId = Assert.Throws<KamValidationException>(() => Engine.Evaluate(center, default(OpportunityId), [C("chen")]));
        Assert.Equal("opportunity", noId.Errors.Single().Path);
    }

    private static OpportunityState AcmeOpportunity(string id, int stage, Func<StageScenario, StageScenario>? more = null)
    {
        var scenario = new StageScenario(id, account: Acme);
        if (stage == 2)
        {
            // Stage 1 completed, stage 2 not yet entered: its milestones are open.
            scenario.InStage(1).Complete(SalesStage.AccountPlanning);
        }
        else
        {
            scenario.InStage(stage);
        }

        return (more?.Invoke(scenario) ?? scenario).State;
    }

    [Fact]
    public void The_item_events_record_what_the_map_supports_and_the_state_accepts_them()
    {
        var state = AcmeOpportunity("O-1", 2);
        var evidence = Engine.Evaluate(AcmeAsOf(3, 31));

        var events = Engine.ItemEvents(state, evidence, At, P("zhang"));

        var done = Assert.IsType<MilestoneItemDone>(Assert.Single(events));
        Assert.Equal((Mapped, At, P("zhang")), (done.Item, done.At, done.By));
        Assert.True(state.Apply(done).IsDone(Mapped));
        Assert.Empty(Engine.ItemEvents(state.Apply(done), evidence, At, P("zhang")));
    }

    [Fact]
    public void With_withdraw_an_item_the_map_no_longer_supports_is_undone_and_a_success_criterion_gets_its_own_events()
    {
        // The organization was recorded as mapped on stage entry; in January the map does not support it.
        var state = AcmeOpportunity("O-1", 4);
        var january = Engine.Evaluate(AcmeAsOf(1, 31));
        Assert.Empty(Engine.ItemEvents(state, january, At, P("zhang")));

        var withdrawing = new StageEvidenceEngine(new StageEvidencePolicy(withdraw: true));
        var undone = Assert.IsType<MilestoneItemUndone>(Assert.Single(withdrawing.ItemEvents(state, withdrawing.Evaluate(AcmeAsOf(1, 31)), At, P("zhang"))));
        Assert.Equal(Mapped, undone.Item);
        Assert.False(state.Apply(undone).IsDone(Mapped));

        // A host whose playbook makes the evidence a success criterion gets SuccessItemMet / SuccessItemWithdrawn.
        var success = new StageEvidenceEngine(new StageEvidencePolicy(organizationMappedItem: null, decisionMakersInfluencedItem: "s2.proposal-requested", influenceDecisions: BuyingDecisions.None, minAttitude: Attitude.Skeptical, withdraw: true));
        var reached = success.Evaluate(AcmeAsOf(3, 31, [new RelationshipChanged(D(3, 5), P("liu"), C("chen"), 4)]));
        var stage2 = AcmeOpportunity("O-2", 2, s => s.Enter(SalesStage.CustomerVisit));
        var met = Assert.IsType<SuccessItemMet>(Assert.Single(success.ItemEvents(stage2, reached, At, P("zhang"))));
        Assert.True(stage2.Apply(met).IsDone("s2.proposal-requested"));
        var withdrawn = Assert.IsType<SuccessItemWithdrawn>(Assert.Single(success.ItemEvents(stage2.Apply(met), success.Evaluate(AcmeAsOf(1, 31)), At, P("zhang"))));
        Assert.False(stage2.Apply(met).Apply(withdrawn).IsDone("s2.proposal-requested"));
    }

    [Fact]
    public void Item_events_are_refused_for_another_account_another_opportunity_or_an_unknown_item_and_none_for_a_closed_opportunity()
    {
        var evidence = Engine.Evaluate(AcmeAsOf(3, 31));
        var other = new StageScenario("O-9", account: AccountId.Parse("OTHER")).State;
        var ex = Assert.Throws<KamValidationException>(() => Engine.ItemEvents(other, evidence, At, P("zhang")));
        Assert.Equal(("evidence.account", "ACME-SH"), (ex.Errors.Single().Path, ex.Errors.Single().AttemptedValue));

        var forO2 = Engine.Evaluate(AcmeAsOf(3, 31), OpportunityId.Parse("O-2"), [C("chen")]);
        Assert.Equal("evidence.opportunity", Assert.Throws<KamValidationException>(() => Engine.ItemEvents(AcmeOpportunity("O-1", 2), forO2, At, P("zhang"))).Errors.Single().Path);

        var unknown = new StageEvidenceEngine(new StageEvidencePolicy(organizationMappedItem: "s2.org-chart"));
        var bad = Assert.Throws<KamValidationException>(() => unknown.ItemEvents(AcmeOpportunity("O-1", 2), unknown.Evaluate(AcmeAsOf(3, 31)), At, P("zhang")));
        Assert.Equal(("evidence.item", "s2.org-chart"), (bad.Errors.Single().Path, bad.Errors.Single().AttemptedValue));

        Assert.Equal("opportunity", Assert.Throws<KamValidationException>(() => Engine.ItemEvents(default, evidence, At, P("zhang"))).Errors.Single().Path);

        var lost = AcmeOpportunity("O-3", 2, s => s.Add(at => new OpportunityLost(at, s.Owner, "price")));
        Assert.Empty(Engine.ItemEvents(lost, evidence, At, P("zhang")));
    }

    [Fact]
    public void Opportunities_at_stage_four_or_later_without_decision_level_coverage_are_anomalies()
    {
        var history = new BuyingCenterHistory(Events());
        var unmapped = AccountId.Parse("NEW-CO");
        OpportunityState[] states =
        [
            AcmeOpportunity("O-4", 4),
            AcmeOpportunity("O-2", 2),
            new StageScenario("O-5", account: unmapped).InStage(5).State,
            AcmeOpportunity("O-6", 6, s => s.Add(at => new OpportunityWon(at, s.Owner))),
        ];

        var february = Engine.Anomalies(states, history, D(2, 28));
        Assert.Equal([("O-4", "ACME-SH", 4L), ("O-5", "NEW-CO", 5L)], february.Select(a => (a.Opportunity!.Value.Value, a.Account!.Value.Value, a.Measure)));
        var first = february[0];
        Assert.Equal((PipelineAnomalyKind.NoDecisionCoverage, "no_decision_coverage", StageScenario.Alice), (first.Kind, first.Code, first.Owner));
        Assert.Equal("At stage 4 with no contact at the customer's decision level covered by a relationship.", first.Reason);

        // In March Li Wei (decision level) is covered at strength 3: only the unmapped account remains.
        Assert.Equal(["O-5"], Engine.Anomalies(states, history, D(3, 31)).Select(a => a.Opportunity!.Value.Value));

        // Named contacts narrow the judgement to the opportunity's own people.
        var named = new Dictionary<OpportunityId, IReadOnlyList<ContactId>> { [OpportunityId.Parse("O-4")] = [C("wang"), C("sun")] };
        Assert.Equal(["O-4", "O-5"], Engine.Anomalies(states, history, D(3, 31), named).Select(a => a.Opportunity!.Value.Value));

        // A later threshold passes stage 4 over.
        Assert.Equal(["O-5"], new StageEvidenceEngine(new StageEvidencePolicy(uncoveredFrom: SalesStage.FormalSolutionDesign)).Anomalies(states, history, D(2, 28)).Select(a => a.Opportunity!.Value.Value));

        var ghost = new Dictionary<OpportunityId, IReadOnlyList<ContactId>> { [OpportunityId.Parse("O-4")] = [C("wang"), C("ghost")] };
        var ex = Assert.Throws<KamValidationException>(() => Engine.Anomalies(states, history, D(3, 31), ghost));
        Assert.Equal(("contacts[O-4][1]", "ghost"), (ex.Errors.Single().Path, ex.Errors.Single().AttemptedValue));
    }

    [Fact]
    public void The_policy_defaults_validation_and_rule_file()
    {
        var p = StageEvidencePolicy.Default;
        Assert.Equal((Mapped, 3, BuyingDecisions.All, Influenced, BuyingDecisions.All, 3, Attitude.Neutral, SalesStage.SolutionDemonstration, false),
            (p.OrganizationMappedItem, p.MinContacts, p.MappedDecisions, p.DecisionMakersInfluencedItem, p.InfluenceDecisions, p.MinStrength, p.MinAttitude, p.UncoveredFrom, p.Withdraw));
        Assert.Equal([DecisionLevel.Operational, DecisionLevel.Management, DecisionLevel.Decision], p.MappedLevels);
        Assert.Equal(p.ToJson(), StageEvidencePolicy.FromJson("{}").ToJson());

        var ex = Assert.Throws<KamValidationException>(() => new StageEvidencePolicy(" ", 0, [DecisionLevel.Decision, DecisionLevel.Decision, (DecisionLevel)7], (BuyingDecisions)64, "", (BuyingDecisions)(-1), 6, (Attitude)9, (SalesStage)9));
        Assert.Equal(
            ["organizationMappedItem", "minContacts", "mappedLevels[1]", "mappedLevels[2]", "mappedDecisions", "decisionMakersInfluencedItem", "influenceDecisions", "minStrength", "minAttitude", "uncoveredFrom"],
            ex.Errors.Select(e => e.Path));

        var custom = new StageEvidencePolicy(null, 4, [DecisionLevel.Decision], BuyingDecisions.Supplier | BuyingDecisions.Signature, "s4.criteria-influenced", BuyingDecisions.None, 4, Attitude.Favorable, SalesStage.ProjectEvaluation, withdraw: true);
        var json = custom.ToJson();
        Assert.Contains("\"organizationMappedItem\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"mappedDecisions\": [\n    \"Supplier\",\n    \"Signature\"\n  ]", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var back = StageEvidencePolicy.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Null(back.OrganizationMappedItem);
        Assert.Equal(BuyingDecisions.None, back.InfluenceDecisions);
        Assert.True(Validate(json).IsValid);
        Assert.True(Validate(p.ToJson()).IsValid);
    }

    [Theory]
    [InlineData("""{ "minContacts": 0 }""", "$.minContacts", "0")]
    [InlineData("""{ "mappedDecisions": ["Supplier", "Price"] }""", "$.mappedDecisions[1]", "Price")]
    [InlineData("""{ "influenceDecisions": ["Budget", "Budget"] }""", "$.influenceDecisions[1]", "Budget")]
    [InlineData("""{ "organizationMappedItem": 7 }""", "$.organizationMappedItem", "7")]
    [InlineData("""{ "uncoveredFrom": "Signing" }""", "$.uncoveredFrom", "Signing")]
    [InlineData("""{ "minAttitude": "Friendly" }""", "$.minAttitude", "Friendly")]
    [InlineData("""{ "withdraw": true, "undo": true }""", "$.undo", "undo")]
    public void A_bad_rule_file_names_the_path_and_the_value(string json, string path, string value)
    {
        var ex = Assert.Throws<KamValidationException>(() => StageEvidencePolicy.FromJson(json));
        Assert.Equal(path, ex.Errors[0].Path);
        Assert.Equal(value, ex.Errors[0].AttemptedValue);
    }

    [Fact]
    public void The_sample_file_validates_and_loads()
    {
        var text = RepositoryFiles.Read("docs/schemas/samples/stage-evidence-policy.json");
        var results = Validate(text);
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var policy = StageEvidencePolicy.FromJson(text);
        Assert.Equal(BuyingDecisions.Supplier | BuyingDecisions.Signature, policy.InfluenceDecisions);
        Assert.Equal(SalesStage.FormalSolutionDesign, policy.UncoveredFrom);
    }

    [Theory]
    [InlineData("""{ "minContacts": 0 }""")]
    [InlineData("""{ "mappedDecisions": ["Price"] }""")]
    [InlineData("""{ "uncoveredFrom": "Signing" }""")]
    [InlineData("""{ "undo": true }""")]
    [InlineData("""{ "organizationMappedItem": 7 }""")]
    public void A_broken_file_fails_the_schema(string json) => Assert.False(Validate(json).IsValid);

    /// <summary>Adding a relationship with a contact nobody of ours knew never takes evidence away, and never changes whether the organization is mapped.</summary>
    [Property(MaxTest = 300)]
    public bool A_new_relationship_never_takes_evidence_away(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var events = CoverageProperties.RandomEvents(random);
        var contacts = events.OfType<ContactJoined>().Select(e => e.Contact).ToArray();
        if (contacts.Length == 0)
        {
            return true;
        }

        var engine = new StageEvidenceEngine(new StageEvidencePolicy(minContacts: random.Next(1, 5), minStrength: random.Next(1, 6), minAttitude: (Attitude)random.Next(-2, 3)));
        var end = CoverageProperties.End(events);
        var before = engine.Evaluate(new BuyingCenterHistory(events).AsOf(CoverageProperties.Account, end));
        var known = new BuyingCenterHistory(events).AsOf(CoverageProperties.Account, end).Relationships.Select(r => r.Contact).ToHashSet();
        var fresh = contacts.Where(c => !known.Contains(c)).ToArray();
        if (fresh.Length == 0)
        {
            return true;
        }

        events.Add(new RelationshipChanged(end, CoverageProperties.Ours[random.Next(CoverageProperties.Ours.Length)], fresh[random.Next(fresh.Length)], random.Next(1, Relationship.MaxStrength + 1)));
        var after = engine.Evaluate(new BuyingCenterHistory(events).AsOf(CoverageProperties.Account, CoverageProperties.End(events)));
        return before.OrganizationMapped!.Met == after.OrganizationMapped!.Met
            && (!before.DecisionMakersInfluenced!.Met || after.DecisionMakersInfluenced!.Met)
            && (!before.DecisionLevelCovered || after.DecisionLevelCovered);
    }
}
