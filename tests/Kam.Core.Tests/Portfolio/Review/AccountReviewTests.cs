using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships.Activities;
using Kam.Core.Tiering.Stability;
using static Kam.Core.Tests.Portfolio.Review.ReviewSamples;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Portfolio.Review;

/// <summary>The account review and the portfolio dashboard on hand-built parts: signals, fired rules with reasons, absent parts, bad input, the rule file.</summary>
public sealed class AccountReviewTests
{
    private static readonly AccountReviewer Reviewer = new(Example());

    [Fact]
    public void The_risky_account_review_joins_every_part_and_fires_every_default_risk()
    {
        var review = Reviewer.Review(Id("ACME"));
        Assert.Equal("B", review.Tier!.Tier);
        Assert.Equal(TierChangeKind.Demoted, review.TierChange!.Kind);
        Assert.Equal(510_000m, review.Attainment!.Gap);
        Assert.Equal(300_000m, review.Pipeline!.Value.Amount);
        Assert.Single(review.PipelineAnomalies);
        Assert.Equal(ComplianceStatus.Missed, review.Compliance!.Status);
        Assert.Equal(50_000m, review.Receivables!.Overdue.Amount);
        Assert.Null(review.WinLoss);
        Assert.Null(review.Owner);
        Assert.Equal([ReviewPart.Plans, ReviewPart.WinLoss, ReviewPart.Coverage], review.AbsentParts);

        Assert.Equal(-8d, review.Signal("health.trend"));
        Assert.Equal(1d, review.Signal("pipeline.stalled"));
        Assert.Equal(1.2d, review.Signal("receivables.creditUsed")!.Value, 12);
        Assert.Equal(50_000d / 120_000d, review.Signal("receivables.overdueShare")!.Value, 12);
        Assert.Equal(20_000d, review.Signal("receivables.severelyOverdue"));
        Assert.Equal(1d, review.Signal("clv.percentile"));
        Assert.Equal(0.5d, review.Signal("attainment.coverage"));
        Assert.Equal(1d, review.Signal("tier.demoted"));
        Assert.Null(review.Signal("winLoss.winRate"));
        Assert.Null(review.Signal("coverage.score"));

        Assert.Equal(
            ["health-overdue-stalled", "neglect", "credit-limit-exceeded", "high-value-slipping", "plan-gap-thin-coverage", "tier-dropped"],
            review.Risks.Select(r => r.Rule.Code));
        Assert.Equal(5d + 4d + 4d + 5d + 3d + 2d, review.RiskScore);
        Assert.Empty(review.Opportunities);
        var first = review.Risks[0];
        Assert.Equal(2_000_000d, first.ValueAtStake);
        Assert.Equal("health.trend = -8 < 0 (Health: AccountHealth.Trend)", first.Conditions[0].ToString());
        Assert.Equal("receivables.overdue = 50,000 > 0 (Receivables: AccountReceivables.Overdue)", first.Conditions[1].ToString());
        var coverage = review.Risks.Single(r => r.Rule.Code == "plan-gap-thin-coverage").Conditions[1];
        Assert.Equal("attainment.coverage = 0.5 < 3 (Attainment: AttainmentLine.Coverage)", coverage.ToString());
        Assert.Equal([-8d, 50_000d, 1d], first.Conditions.Select(c => c.Actual));
    }

    [Theory]
    [InlineData(1_643_500d, "1,643,500")]
    [InlineData(-8d, "-8")]
    [InlineData(0d, "0")]
    [InlineData(2.5135d, "2.5135")]
    [InlineData(60.0333333d, "60.0333")]
    [InlineData(1234.567d, "1,234.57")]
    [InlineData(2.5e15, "2.5E+15")]
    public void Reasons_write_numbers_as_people_read_them(double value, string text) =>
        Assert.Equal(text, ConditionResult.Number(value));

    [Fact]
    public void The_loyal_account_shows_opportunities_and_no_risk()
    {
        var review = Reviewer.Review(Id("BETA"));
        Assert.Empty(review.Risks);
        Assert.Equal(["expand-loyal-high-value", "tier-raised"], review.Opportunities.Select(r => r.Rule.Code));
        Assert.Equal(4d, review.OpportunityScore);
        Assert.Equal(0.8d, review.Signal("clv.percentile"));
        Assert.Equal(800_000d, review.Opportunities[0].ValueAtStake);
    }

    [Fact]
    public void An_account_only_one_part_knows_reads_nothing_where_nothing_is_meant_and_absent_elsewhere()
    {
        var review = Reviewer.Review(Id("GAMMA"));
        Assert.Equal(0d, review.Signal("pipeline.open"));
        Assert.Equal(0d, review.Signal("tier.demoted"));
        Assert.Null(review.Signal("health.trend"));
        Assert.Null(review.Signal("receivables.creditUsed"));
        Assert.Null(review.Tier);
        Assert.Empty(review.Risks);
    }

    [Fact]
    public void The_dashboard_ranks_risks_and_opportunities_and_counts_each_rule()
    {
        var d = Reviewer.Dashboard();
        Assert.Equal(6, d.AccountCount); // ACME, BETA, GAMMA and the customers C3-C5 of the lifetime-value part
        Assert.Equal(["ACME"], d.Risks.Select(e => e.Account.Value));
        Assert.Equal(["BETA"], d.Opportunities.Select(e => e.Account.Value));
        Assert.Equal(23d, d.Risks[0].Score);
        Assert.Equal(2_000_000d, d.Risks[0].ValueAtStake);
        Assert.Equal(1, d.CountsByRule["neglect"]);
        Assert.Equal(0, d.CountsByRule["winnable-pipeline"]);
        Assert.Equal(ReviewRuleSet.Default.Rules.Select(r => r.Code), d.CountsByRule.Keys);
        Assert.Empty(d.TopRisks(0));
        Assert.Single(d.TopRisks(10));
        Assert.Throws<KamValidationException>(() => d.TopRisks(-1));
    }

    [Fact]
    public void Ties_are_broken_by_value_at_stake_then_identifier()
    {
        var sources = new AccountReviewSources(
            compliance: ComplianceOf(Contact("A2", ComplianceStatus.Missed), Contact("A1", ComplianceStatus.Overdue), Contact("A3", ComplianceStatus.Missed)),
            lifetimeValue: LifetimeOf(Customer("A1", 0.9, 10), Customer("A2", 0.9, 10), Customer("A3", 0.9, 500)));
        var d = new AccountReviewer(sources).Dashboard();
        Assert.Equal(["A3", "A1", "A2"], d.Risks.Select(e => e.Account.Value));
    }

    [Fact]
    public void A_review_without_any_part_is_empty_but_valid()
    {
        var reviewer = new AccountReviewer(new AccountReviewSources(health: HealthOf(Health("SOLO", 70m, null))));
        var review = reviewer.Review(Id("SOLO"));
        Assert.Equal(Enum.GetValues<ReviewPart>().Where(p => p is not (ReviewPart.Health or ReviewPart.Extension)), review.AbsentParts);
        Assert.Empty(review.Risks);
        Assert.Equal(70d, review.Signal("health.index"));
        Assert.Null(review.Signal("receivables.overdue"));
        Assert.Empty(reviewer.Dashboard().Risks);
    }

    [Fact]
    public void An_unknown_account_is_a_typed_error_with_path_and_value()
    {
        var ex = Assert.Throws<KamValidationException>(() => Reviewer.Review(Id("NOBODY")));
        var e = Assert.Single(ex.Errors);
        Assert.Equal(("account", KamErrorCodes.Unknown, "NOBODY"), (e.Path, e.Code, e.AttemptedValue));
        Assert.Throws<KamValidationException>(() => Reviewer.Review(default));
        Assert.Throws<KamValidationException>(() => Reviewer.Review(Id("ACME")).Signal("no.such"));
    }

    [Fact]
    public void Parts_that_repeat_an_account_are_refused_with_every_path()
    {
        var ex = Assert.Throws<KamValidationException>(() => new AccountReviewSources(
            attainment: [Attainment("X", 1m, 1m, 0m, 0m), Attainment("X", 1m, 1m, 0m, 0m)],
            profitability: [Profit("Y", 1m, 0m), Profit("Y", 1m, 0m)],
            lifetimeValue: LifetimeOf(Customer("", 0.5, 1), Customer("Z", 0.5, 1), Customer("Z", 0.5, 1))));
        Assert.Equal(
            [("attainment[1]", KamErrorCodes.Duplicate), ("profitability[1]", KamErrorCodes.Duplicate), ("lifetimeValue.customers[0].customerId", KamErrorCodes.InvalidFormat), ("lifetimeValue.customers[2].customerId", KamErrorCodes.Duplicate)],
            ex.Errors.Select(e => (e.Path, e.Code)));
    }

    [Theory]
    [InlineData("health-overdue-stalled", new[] { "health.trend", "receivables.overdue", "pipeline.stalled" }, new[] { -0.01, 0.01, 1 }, new[] { 0d, 0d, 0d })]
    [InlineData("neglect", new[] { "contact.belowStandard" }, new[] { 1d }, new[] { 0d })]
    [InlineData("credit-limit-exceeded", new[] { "receivables.creditUsed" }, new[] { 1.0001 }, new[] { 1d })]
    [InlineData("high-value-slipping", new[] { "pAlive", "clv.percentile" }, new[] { 0.4999, 0.8 }, new[] { 0.5, 0.7999 })]
    [InlineData("plan-gap-thin-coverage", new[] { "attainment.gap", "attainment.coverage" }, new[] { 0.01, 2.9999 }, new[] { 0d, 3d })]
    [InlineData("tier-dropped", new[] { "tier.demoted" }, new[] { 1d }, new[] { 0d })]
    [InlineData("expand-loyal-high-value", new[] { "pAlive", "clv.percentile", "health.trend" }, new[] { 0.8, 0.8, 0 }, new[] { 0.7999, 0.7999, -0.01 })]
    [InlineData("winnable-pipeline", new[] { "pipeline.weighted", "winLoss.winRate" }, new[] { 0.01, 0.5 }, new[] { 0d, 0.4999 })]
    [InlineData("tier-raised", new[] { "tier.promoted" }, new[] { 1d }, new[] { 0d })]
    public void Each_default_rule_fires_at_its_edge_and_not_just_beyond_it(string code, string[] signals, double[] firing, double[] failing)
    {
        var reviewer = new AccountReviewer(Example(), new ReviewRuleSet([ReviewRuleSet.Default.Rules.Single(r => r.Code == code)]));
        var catalog = SignalCatalog.BuiltIn;
        double[] Row(double[] values)
        {
            var row = Enumerable.Repeat(double.NaN, catalog.Signals.Count).ToArray();
            for (var i = 0; i < signals.Length; i++)
            {
                row[catalog.IndexOf(signals[i])] = values[i];
            }

            return row;
        }

        Assert.Equal([code], reviewer.Evaluate(Row(firing)).Select(f => f.Rule.Code));
        for (var i = 0; i < signals.Length; i++)
        {
            var one = (double[])firing.Clone();
            one[i] = failing[i];
            Assert.Empty(reviewer.Evaluate(Row(one))); // each condition is needed
            one[i] = double.NaN;
            Assert.Empty(reviewer.Evaluate(Row(one))); // an absent signal never holds
        }
    }

    [Fact]
    public void The_rule_set_round_trips_through_json()
    {
        var json = ReviewRuleSet.Default.ToJson();
        var back = ReviewRuleSet.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(ReviewRuleSet.Default.Rules.Select(r => r.ToString()), back.Rules.Select(r => r.ToString()));
        Assert.Contains("\"op\": \"LessThan\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_signals_are_refused_with_the_known_names()
    {
        var ex = Assert.Throws<KamValidationException>(() => ReviewRuleSet.FromJson(
            """{ "rules": [ { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 1, "conditions": [ { "signal": "health.trnd", "op": "LessThan", "threshold": 0 } ], "action": "a", "valueAtStake": "nope" } ] }"""));
        Assert.Equal(["$.rules[0].conditions[0].signal", "$.rules[0].valueAtStake"], ex.Errors.Select(e => e.Path));
        Assert.Equal("health.trnd", ex.Errors[0].AttemptedValue);
        Assert.Contains("health.trend", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 0, "conditions": [ { "signal": "pAlive", "op": "LessThan", "threshold": 0 } ], "action": "a" } ] }""", "$.rules[0].weight")]
    [InlineData("""{ "rules": [ { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 1, "conditions": [], "action": "a" } ] }""", "$.rules[0].conditions")]
    [InlineData("""{ "rules": [ { "code": "x", "kind": "Risk", "title": " ", "severity": "Low", "weight": 1, "conditions": [ { "signal": "pAlive", "op": "LessThan", "threshold": 0 } ], "action": "a" } ] }""", "$.rules[0].title")]
    [InlineData("""{ "rules": [ { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 1, "conditions": [ { "signal": "pAlive", "op": "LessThan", "threshold": 0 } ], "action": "a" }, { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 1, "conditions": [ { "signal": "pAlive", "op": "LessThan", "threshold": 0 } ], "action": "a" } ] }""", "$.rules[1].code")]
    [InlineData("""{ "rules": [ { "code": "x", "code": "y", "kind": "Risk", "title": "t", "severity": "Low", "weight": 1, "conditions": [ { "signal": "pAlive", "op": "LessThan", "threshold": 0 } ], "action": "a" } ] }""", "$.rules[0].code")]
    [InlineData("""{ "rules": [ { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 1, "conditions": [ { "signal": "pAlive", "op": "Below", "threshold": 0 } ], "action": "a" } ] }""", "$.rules[0].conditions[0].op")]
    [InlineData("""{ "rules": [] }""", "$.rules")]
    public void A_broken_rule_file_names_the_path(string json, string path)
    {
        var ex = Assert.Throws<KamValidationException>(() => ReviewRuleSet.FromJson(json));
        Assert.Contains(path, ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_nan_threshold_is_refused_in_code()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ReviewCondition("pAlive", ConditionOperator.LessThan, double.NaN));
        Assert.Equal(("threshold", KamErrorCodes.NotFinite), (ex.Errors[0].Path, ex.Errors[0].Code));
    }

    [Fact]
    public void A_host_adds_signals_and_rules_over_them()
    {
        var quadrant = new SignalDefinition("matrix.dog", SignalUnit.Flag, ReviewPart.Extension, "Quadrant", "1 for an account in the dog quadrant.");
        var sources = new AccountReviewSources(health: HealthOf(Health("ACME", 55m, -8m), Health("BETA", 80m, 1m)), extensions: [new FixedSignals(quadrant, ("ACME", 1d))]);
        var rules = new ReviewRuleSet(
            [new ReviewRule("dog-falling", ReviewRuleKind.Risk, "A dog whose health falls", RuleSeverity.Low, 1d, [new("matrix.dog", ConditionOperator.EqualTo, 1d), new("health.trend", ConditionOperator.LessThan, 0d)], "Control the spending.")],
            SignalCatalog.BuiltIn.With([quadrant]));
        var d = new AccountReviewer(sources, rules).Dashboard();
        Assert.Equal(["ACME"], d.Risks.Select(e => e.Account.Value));
        Assert.Null(new AccountReviewer(sources, rules).Review(Id("BETA")).Signal("matrix.dog"));

        var without = Assert.Throws<KamValidationException>(() => new AccountReviewer(new AccountReviewSources(health: HealthOf(Health("ACME", 1m, 1m))), rules));
        Assert.Equal("rules[0].conditions[0].signal", without.Errors[0].Path);
        var clash = Assert.Throws<KamValidationException>(() => new AccountReviewSources(extensions: [new FixedSignals(new SignalDefinition("pAlive", SignalUnit.Probability, ReviewPart.Extension, "x", "x"))]));
        Assert.Equal("extensions[0].signals[0].name", clash.Errors[0].Path);
    }

    [Fact]
    public void Dashboards_built_with_other_rules_or_overlapping_accounts_do_not_merge()
    {
        var d = Reviewer.Dashboard();
        Assert.Equal(KamErrorCodes.Duplicate, Assert.Throws<KamValidationException>(() => d.Merge(d)).Errors[0].Code);
        var other = new AccountReviewer(Example(), new ReviewRuleSet([ReviewRuleSet.Default.Rules[0]])).Dashboard();
        Assert.Equal("rules", Assert.Throws<KamValidationException>(() => d.Merge(other)).Errors[0].Path);
    }

    [Fact]
    public void The_sample_file_validates_and_reads_and_the_schema_names_the_members()
    {
        var schema = JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/review-rules.schema.json"));
        var sample = RepositoryFiles.Read("docs/schemas/samples/review-rules.json");
        var result = schema.Evaluate(JsonNode.Parse(sample), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
        Assert.Equal(ReviewRuleSet.Default.Rules.Count, ReviewRuleSet.FromJson(sample).Rules.Count);
        Assert.True(schema.Evaluate(JsonNode.Parse(ReviewRuleSet.Default.ToJson())).IsValid);
        Assert.False(schema.Evaluate(JsonNode.Parse("""{ "rules": [ { "code": "x", "kind": "Risk", "title": "t", "severity": "Low", "weight": 0, "conditions": [ { "signal": "pAlive", "op": "LessThan", "threshold": 0 } ], "action": "a" } ] }""")).IsValid);
        var node = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/review-rules.schema.json"))!;
        Assert.Equal(["code", "kind", "title", "severity", "weight", "conditions", "action", "valueAtStake"], node["$defs"]!["rule"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>A host's signal source with fixed values.</summary>
    private sealed class FixedSignals(SignalDefinition signal, params (string Account, double Value)[] fixedValues) : IAccountSignalSource
    {
        public IReadOnlyList<SignalDefinition> Signals { get; } = [signal];

        public void Fill(AccountId account, Span<double?> values)
        {
            foreach (var (a, v) in fixedValues)
            {
                if (string.Equals(a, account.Value, StringComparison.Ordinal))
                {
                    values[0] = v;
                }
            }
        }
    }
}
