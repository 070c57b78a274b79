using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;

namespace Kam.Core.Tests.Relationships;

/// <summary>Relationship health: the policy and its rule file, the index per month, its trend and the alerts, and bad input.</summary>
public sealed class HealthTests
{
    private static readonly AccountId Acme = AccountId.Parse("ACME");
    private static readonly PersonId Zhang = PersonId.Parse("zhang");
    private static readonly Dictionary<AccountId, LocalDate> Since = new() { [Acme] = new(2025, 6, 1) };

    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/health-policy.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>The worked example of docs/relationships.md.</summary>
    internal static (ActivityLog Log, PartnershipCheck[] Checks, SatisfactionScore[] Scores, Promise[] Promises, BuyingCenterHistory History) Example()
    {
        var chen = ContactId.Parse("chen");
        var history = new BuyingCenterHistory(
        [
            new ContactJoined(new LocalDate(2025, 6, 1), chen, Acme, new ContactProfile("Chen Jie", DecisionLevel.Decision, ContactFunction.User, BuyingRoles.DecisionMaker, BuyingDecisions.Whether)),
            new ContactLeft(new LocalDate(2026, 3, 1), chen),
        ]);
        var log = new ActivityLog(
            [new Activity(new LocalDate(2026, 1, 10), Acme, Zhang, ActivityKind.Visit, [chen]), new Activity(new LocalDate(2026, 2, 15), Acme, Zhang, ActivityKind.Call, outcome: "Agreed the Q2 forecast")],
            Since,
            history);
        var checks = new[] { new PartnershipCheck(Acme, new LocalDate(2026, 1, 31), new Dictionary<string, int> { ["delivery"] = 5, ["quality"] = 4, ["invoicing"] = 5, ["planning"] = 3, ["goals"] = 2 }) };
        var scores = new[] { new SatisfactionScore(Acme, new LocalDate(2026, 1, 20), 8m) };
        var promises = new[]
        {
            new Promise(Acme, "Samples of the new grade", new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 20), PromiseStatus.Kept),
            new Promise(Acme, "Price list for Q2", new LocalDate(2026, 1, 5), new LocalDate(2026, 2, 10), PromiseStatus.Broken),
        };
        return (log, checks, scores, promises, history);
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var p = HealthPolicy.Default;
        Assert.Equal(9, p.CheckItems.Count);
        Assert.Equal([3, 3, 3], p.CheckItems.GroupBy(i => i.Level).Select(g => g.Count()));
        Assert.Equal((5, 10, 0.5m, 365, 60, 0.1m, 3, 90), (p.CheckScale, p.SatisfactionScale, p.CompensatedCredit, p.PromiseWindowDays, p.NoContactDays, p.FallingBy, p.TrendPeriods, p.LeftWithinDays));
        Assert.Equal([40m, 25m, 20m, 15m], Enum.GetValues<HealthPart>().Select(k => p.Weights[k]));
        Assert.Equal(p.ToJson(), HealthPolicy.FromJson("{}").ToJson());
        Assert.True(Evaluate(p.ToJson()).IsValid);
    }

    [Fact]
    public void The_sample_file_loads_round_trips_and_validates_against_its_schema()
    {
        var text = RepositoryFiles.Read("docs/schemas/samples/health-policy.json");
        var results = Evaluate(text);
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var p = HealthPolicy.FromJson(text);
        Assert.Equal(["delivery", "quality", "planning", "goals"], p.CheckItems.Select(i => i.Id));
        Assert.Equal(2m, p.CheckItems[0].Weight);
        Assert.Equal((50m, 25m, 10m), (p.Weights[HealthPart.Checks], p.Weights[HealthPart.Satisfaction], p.Weights[HealthPart.Contact]));
        Assert.Equal(p.ToJson(), HealthPolicy.FromJson(p.ToJson()).ToJson());
    }

    [Theory]
    [InlineData("""{ "checkScale": 0 }""", "$.checkScale", "0")]
    [InlineData("""{ "weights": { "Mood": 2 } }""", "$.weights.Mood", "Mood")]
    [InlineData("""{ "checkItems": [ { "id": "a", "level": "Transaction", "text": "A" }, { "id": "a", "level": "Process", "text": "B" } ] }""", "$.checkItems[1].id", "a")]
    [InlineData("""{ "checkItems": [ { "id": "a", "level": "Transaction", "text": "A", "weight": 0 } ] }""", "$.checkItems[0].weight", "0")]
    [InlineData("""{ "fallingBy": 1.5 }""", "$.fallingBy", "1.5")]
    public void A_bad_file_names_the_path_and_the_value(string json, string path, string value)
    {
        var ex = Assert.Throws<KamValidationException>(() => HealthPolicy.FromJson(json));
        Assert.Equal(path, ex.Errors[0].Path);
        Assert.Equal(value, ex.Errors[0].AttemptedValue);
    }

    [Fact]
    public void The_worked_example_gives_the_documented_index_trend_and_alerts()
    {
        var (log, checks, scores, promises, history) = Example();
        var engine = new HealthEngine(new HealthPolicy(trendPeriods: 2));
        var acme = engine.Assess(log, checks, scores, promises, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), history).Accounts.Single();
        Assert.Equal([0.8015m, 0.7215m, 0.644m], acme.Points.Select(p => decimal.Round(p.Index, 4)));
        var jan = acme.Points[0];
        Assert.Equal((0.76m, 0.8m, 1m, 0.65m), (jan.Checks!.Value, jan.Satisfaction!.Value, jan.Promises!.Value, jan.Contact));
        Assert.Equal((0.6m, 0.4m), (jan.Process!.Value, jan.Strategic!.Value));
        Assert.Equal(0.5m, acme.Points[1].Promises);
        Assert.Equal(-0.1575m, decimal.Round(acme.Trend!.Value, 4));
        Assert.Equal(
            [(HealthAlertKind.FallingHealth, null), (HealthAlertKind.BrokenPromise, "Price list for Q2"), (HealthAlertKind.DecisionMakerLeft, "chen")],
            acme.Alerts.Select(a => (a.Kind, a.Subject)));

        var quiet = new HealthEngine(new HealthPolicy(noContactDays: 30)).Assess(log, checks, scores, promises, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));
        Assert.Equal([HealthAlertKind.BrokenPromise, HealthAlertKind.NoContact], quiet.Alerts.Select(a => a.Kind));
        Assert.Equal("No contact for 44 days.", quiet.Alerts[1].Message);
        Assert.Null(quiet.Accounts[0].Trend);
    }

    [Fact]
    public void A_score_outside_its_scale_an_unknown_item_or_account_is_refused_with_path_and_value()
    {
        var (log, _, _, _, _) = Example();
        PartnershipCheck[] checks = [new PartnershipCheck(Acme, new LocalDate(2026, 1, 31), new Dictionary<string, int> { ["nope"] = 1, ["delivery"] = 6 })];
        var ex = Assert.Throws<KamValidationException>(() => new HealthEngine(HealthPolicy.Default).Assess(log, checks,
            [new SatisfactionScore(Acme, new LocalDate(2026, 1, 1), 11m)],
            [new Promise(AccountId.Parse("X"), "p", new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2))],
            new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(
            [("checks[0].scores['delivery']", KamErrorCodes.OutOfRange, "6"), ("checks[0].scores['nope']", KamErrorCodes.Unknown, "nope"), ("satisfaction[0].score", KamErrorCodes.OutOfRange, "11"), ("promises[0].account", KamErrorCodes.Unknown, "X")],
            ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        var due = Assert.Throws<KamValidationException>(() => new Promise(Acme, "p", new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));
        Assert.Equal(("due", "2026-01-01"), (due.Errors.Single().Path, due.Errors.Single().AttemptedValue));
    }
}
