using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Cli.Features.Init;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The schemas of the plan files <c>kam init --sample</c> writes (organization.json, targets.json, plans.json): the
/// shipped ones (these and the people rule files') are the documented ones, init writes each beside its file, which references it and validates, and
/// plans.json's object form <c>{ "$schema": …, "plans": [ … ] }</c> reads like the bare array, errors located at
/// <c>$.plans[i]</c>.
/// </summary>
public sealed class PlanFileSchemaTests
{
    private static readonly string[] Inputs = ["accounts.csv", "organization.json", "targets.json", "plans.json", "events.csv"];

    public static TheoryData<string, string> Shipped() => new()
    {
        { "organization.json", "organization" },
        { "targets.json", "target-plan" },
        { "plans.json", "plans" },
        { "plan-check-policy.json", "plan-check-policy" },
        { "attainment-policy.json", "attainment-policy" },
        { "contact-standards.json", "contact-standards" },
        { "coverage-policy.json", "coverage-policy" },
        { "health-policy.json", "health-policy" },
        { "receivables-policy.json", "receivables-policy" },
        { "close-reasons.json", "close-reasons" },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void The_shipped_schema_is_the_documented_one(string file, string documented)
    {
        Assert.Equal(RepositoryFiles.Read($"docs/schemas/{documented}.schema.json").ReplaceLineEndings("\n"), RuleFileSchemas.For(file));
        Assert.Equal(RepositoryFiles.Read($"docs/schemas/{documented}.schema.json").ReplaceLineEndings("\n"), RepositoryFiles.Read($"src/Kam.Cli/Features/Init/Schemas/{RuleFileSchemas.SchemaFileName(file)}").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_plans_schema_holds_the_key_account_plan_schema_for_each_item()
    {
        var plan = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/key-account-plan.schema.json"))!.AsObject();
        var plans = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/plans.schema.json"))!.AsObject();
        Assert.Equal("#/$defs/plan", plans["properties"]!["plans"]!["items"]!["$ref"]!.GetValue<string>());
        foreach (var member in new[] { "type", "additionalProperties", "required", "properties" })
        {
            Assert.True(JsonNode.DeepEquals(plan[member], plans["$defs"]!["plan"]![member]), member);
        }

        foreach (var (name, definition) in plan["$defs"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(definition, plans["$defs"]![name]), name);
        }
    }

    [Fact]
    public void Init_writes_the_plan_files_with_their_schemas_and_they_validate()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        foreach (var file in new[] { "organization.json", "targets.json", "plans.json", "receivables-policy.json", "close-reasons.json" })
        {
            var schemaFile = RuleFileSchemas.SchemaFileName(file);
            var text = File.ReadAllText(temp.File(file));
            Assert.Contains($"\"$schema\": \"./{schemaFile}\"", text, StringComparison.Ordinal);
            Assert.Equal(RuleFileSchemas.For(file), File.ReadAllText(temp.File(schemaFile)));
            var schema = JsonSchema.FromText(File.ReadAllText(temp.File(schemaFile)));
            var result = schema.Evaluate(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, file + ": " + string.Join("; ", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }

        // A plan with a mistyped member fails the plans schema.
        var plans = JsonNode.Parse(File.ReadAllText(temp.File("plans.json")))!;
        plans["plans"]![0]!["fiscalYear"] = "next";
        Assert.False(JsonSchema.FromText(File.ReadAllText(temp.File("plans.schema.json"))).Evaluate(plans, new EvaluationOptions()).IsValid);
    }

    [Fact]
    public void Plans_json_as_a_bare_array_gives_the_same_output()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        var wrapped = CliHarness.Run(["plan", .. Inputs.Select(temp.File)]);
        Assert.Equal(0, wrapped.Exit);
        var array = JsonNode.Parse(File.ReadAllText(temp.File("plans.json")))!["plans"]!.DeepClone();
        File.WriteAllText(temp.File("plans.json"), array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var bare = CliHarness.Run(["plan", .. Inputs.Select(temp.File)]);
        Assert.Equal(0, bare.Exit);
        Assert.Equal(wrapped.Out, bare.Out);
    }

    [Theory]
    [InlineData("""{ "plans": [], "extra": 1 }""", "plans.json:$.extra")]
    [InlineData("""{ "$schema": 1, "plans": [] }""", "plans.json:$.$schema")]
    [InlineData("""{ "plans": {} }""", "plans.json:$.plans")]
    [InlineData("""{ "plans": [ { "account": "C101" } ] }""", "plans.json:$.plans[0]")]
    public void A_bad_plans_object_is_located(string json, string location)
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        File.WriteAllText(temp.File("plans.json"), json);
        var (exit, _, error) = CliHarness.Run(["plan", .. Inputs.Select(temp.File)]);
        Assert.Equal(2, exit);
        Assert.Contains(location, error, StringComparison.Ordinal);
    }
}
