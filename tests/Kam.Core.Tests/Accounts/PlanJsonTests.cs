using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Json.Schema;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Serialization;
using static Kam.Core.Tests.Accounts.AccountsSamples;
using static Kam.Core.Tests.Accounts.PlanSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>The key-account plan and plan-check policy files: round trips, errors in the file's terms, their JSON Schemas and the docs' examples.</summary>
public sealed partial class PlanJsonTests
{
    private static EvaluationResults Evaluate(string schema, string json) =>
        JsonSchema.FromText(RepositoryFiles.Read($"docs/schemas/{schema}.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void A_plan_round_trips_through_json()
    {
        var plan = Plan("BETA");
        var json = plan.ToJson();
        var back = KeyAccountPlan.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(plan.Whitespace!.Total, back.Whitespace!.Total);
        Assert.True(Evaluate("key-account-plan", json).IsValid);
    }

    [Fact]
    public void The_sample_plan_loads_and_checks()
    {
        var plan = KeyAccountPlan.FromJson(RepositoryFiles.Read("docs/schemas/samples/key-account-plan.json"));
        Assert.Equal(A("HQ-ACME"), plan.Account);
        Assert.Equal(Money.Of(450_000m, "CNY"), plan.Whitespace!.Total);
        var report = new PlanChecker(PlanCheckPolicy.Default).Check([plan], Hierarchy(), Targets(), AsOf);
        Assert.Equal([PlanFindingKind.OnePlanForAllLevels, PlanFindingKind.ActionOverdue], report.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Errors_name_the_files_members_and_values()
    {
        const string json = """
            {
              "account": "BETA", "fiscalYear": 2026, "currency": "CNY",
              "objectives": [ { "key": "grow", "description": "Grow", "targets": [ { "measure": "bookings", "period": "FY2026", "amount": 5, "currency": "USD" }, { "measure": "bookings", "period": "2026Q1" } ] } ],
              "actions": [ { "title": "x", "due": "2026-05-01", "objective": "nope" } ],
              "resources": [ { "period": "FY2027-Q1", "purpose": "travel", "budget": 10 } ]
            }
            """;
        var ex = Assert.Throws<KamValidationException>(() => KeyAccountPlan.FromJson(json));
        Assert.Contains(ex.Errors, e => e is { Path: "$.objectives[0].targets[1].period", Code: KamErrorCodes.InvalidFormat, AttemptedValue: "2026Q1" });
        var fixedPeriod = json.Replace("2026Q1", "FY2026-Q1", StringComparison.Ordinal);
        ex = Assert.Throws<KamValidationException>(() => KeyAccountPlan.FromJson(fixedPeriod));
        Assert.Contains(ex.Errors, e => e is { Path: "$.objectives[0].targets[0].amount", Code: KamErrorCodes.CurrencyMismatch, AttemptedValue: "5 USD" });
        Assert.Contains(ex.Errors, e => e is { Path: "$.actions[0].objective", Code: KamErrorCodes.Unknown, AttemptedValue: "nope" });
        Assert.Contains(ex.Errors, e => e is { Path: "$.resources[0].period", Code: KamErrorCodes.OutOfRange, AttemptedValue: "FY2027-Q1" });
        Assert.Equal(3, ex.Errors.Count);
        ex = Assert.Throws<KamValidationException>(() => KeyAccountPlan.FromJson("""{ "account": "B", "fiscalYear": 2026, "currency": "CNY", "objectives": [], "goals": [] }"""));
        Assert.Equal(KamErrorCodes.JsonUnknownMember, ex.Errors[0].Code);
    }

    [Fact]
    public void The_attainment_policy_sample_loads_and_its_output_validates()
    {
        var policy = Kam.Core.Accounts.Attainment.AttainmentPolicy.FromJson(RepositoryFiles.Read("docs/schemas/samples/attainment-policy.json"));
        Assert.Equal(Kam.Core.Accounts.Attainment.RunRateMethod.CompletedMonths, policy.RunRate);
        Assert.False(policy.OverdueInCurrentPeriod);
        Assert.True(Evaluate("attainment-policy", policy.ToJson()).IsValid);
        Assert.True(Evaluate("attainment-policy", Kam.Core.Accounts.Attainment.AttainmentPolicy.Default.ToJson()).IsValid);
    }

    [Fact]
    public void The_policy_round_trips_and_defaults_every_member()
    {
        Assert.Equal(PlanCheckPolicy.Default.ToJson(), PlanCheckPolicy.FromJson("{}").ToJson());
        var policy = PlanCheckPolicy.FromJson(RepositoryFiles.Read("docs/schemas/samples/plan-check-policy.json"));
        Assert.Equal(policy.ToJson(), PlanCheckPolicy.FromJson(policy.ToJson()).ToJson());
        Assert.True(Evaluate("plan-check-policy", policy.ToJson()).IsValid);
        var ex = Assert.Throws<KamValidationException>(() => PlanCheckPolicy.FromJson("""{ "operatingPlanDueDay": 31, "reviewPeriod": "Year" }"""));
        Assert.Contains(ex.Errors, e => e is { Path: "$.operatingPlanDueDay", Code: KamErrorCodes.OutOfRange, AttemptedValue: "31" });
        Assert.Contains(ex.Errors, e => e is { Path: "$.reviewPeriod", Code: KamErrorCodes.OutOfRange, AttemptedValue: "Year" });
    }

    [Theory]
    [InlineData("key-account-plan")]
    [InlineData("plan-check-policy")]
    [InlineData("attainment-policy")]
    public void The_sample_file_validates_against_its_schema(string name)
    {
        var results = Evaluate(name, RepositoryFiles.Read($"docs/schemas/samples/{name}.json"));
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("key-account-plan", """{ "account": "A", "fiscalYear": 2026, "objectives": [] }""")]
    [InlineData("key-account-plan", """{ "account": "A", "fiscalYear": 2026, "currency": "CNY", "objectives": [ { "key": "k", "description": "d", "targets": [ { "measure": "b", "period": "FY2026-H1" } ] } ] }""")]
    [InlineData("key-account-plan", """{ "account": "A", "fiscalYear": 2026, "currency": "CNY", "objectives": [ { "key": "k", "description": "d", "targets": [ { "measure": "b", "period": "FY2026", "amount": 1, "value": 1 } ] } ] }""")]
    [InlineData("key-account-plan", """{ "account": "A", "fiscalYear": 2026, "currency": "CNY", "objectives": [], "whitespace": { "offerings": [], "units": [], "cells": [ { "offering": "o", "unit": "u", "state": "WhiteSpace" } ] } }""")]
    [InlineData("key-account-plan", """{ "account": "A", "fiscalYear": 2026, "currency": "CNY", "objectives": [], "actions": [ { "title": "t", "due": "2026-13-01", "objective": "k" } ] }""")]
    [InlineData("plan-check-policy", """{ "reviewPeriod": "Year" }""")]
    [InlineData("plan-check-policy", """{ "operatingPlanDueDay": 0 }""")]
    [InlineData("attainment-policy", """{ "probabilities": ["10%"] }""")]
    [InlineData("attainment-policy", """{ "runRate": "Weekly" }""")]
    [InlineData("attainment-policy", """{ "forecast": "ActualPlusWeightedPipeline", "horizon": 3 }""")]
    public void A_broken_file_fails_its_schema(string name, string json) => Assert.False(Evaluate(name, json).IsValid);

    [Theory]
    [InlineData("key-account-plan", typeof(KeyAccountPlanDto), "")]
    [InlineData("key-account-plan", typeof(AccountSituationDto), "/$defs/situation")]
    [InlineData("key-account-plan", typeof(PlanObjectiveDto), "/$defs/objective")]
    [InlineData("key-account-plan", typeof(ObjectiveTargetDto), "/$defs/target")]
    [InlineData("key-account-plan", typeof(WhitespaceGridDto), "/$defs/whitespace")]
    [InlineData("key-account-plan", typeof(WhitespaceCellDto), "/$defs/cell")]
    [InlineData("key-account-plan", typeof(PlanActionDto), "/$defs/action")]
    [InlineData("key-account-plan", typeof(ResourceLineDto), "/$defs/resource")]
    [InlineData("key-account-plan", typeof(ProjectPlanDto), "/$defs/project")]
    [InlineData("key-account-plan", typeof(OperatingPlanEntryDto), "/$defs/operatingMonth")]
    [InlineData("key-account-plan", typeof(PlanReviewDto), "/$defs/review")]
    [InlineData("key-account-plan", typeof(ReviewLineDto), "/$defs/reviewLine")]
    [InlineData("plan-check-policy", typeof(PlanCheckPolicyDto), "")]
    [InlineData("attainment-policy", typeof(AttainmentPolicyDto), "")]
    public void The_schema_names_the_members_the_reader_knows(string name, Type dto, string location)
    {
        var node = JsonNode.Parse(RepositoryFiles.Read($"docs/schemas/{name}.schema.json"))!;
        foreach (var segment in location.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[segment]!;
        }

        var properties = dto.GetProperties().Where(p => p.GetCustomAttribute<CompilerGeneratedAttribute>() is null && p.Name != "EqualityContract").ToArray();
        string JsonName(PropertyInfo p) => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
        var members = properties.Select(JsonName).Concat(location.Length == 0 ? ["$schema"] : []).Order(StringComparer.Ordinal).ToArray();
        var required = properties.Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(JsonName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(members, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(required, (node["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Order(StringComparer.Ordinal));
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void The_docs_plan_examples_load_and_give_the_checks_table()
    {
        var doc = RepositoryFiles.Read("docs/accounts.md");
        var start = doc.IndexOf("## The key-account plan", StringComparison.Ordinal);
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/accounts.md has a section '## The key-account plan' followed by another section.");
        var section = doc[start..end];
        var blocks = PlanBlock().Matches(section).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, blocks.Length);
        var plan = KeyAccountPlan.FromJson(blocks[0]);
        Assert.Equal(A("HQ-ACME"), plan.Account);
        Assert.Equal(PlanCheckPolicy.Default.ToJson(), PlanCheckPolicy.FromJson(blocks[1]).ToJson());

        // Every finding kind has a row in the checks table.
        foreach (var kind in Enum.GetNames<PlanFindingKind>())
        {
            Assert.Contains($"| `{kind}` |", section, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("```jsonc\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PlanBlock();
}
