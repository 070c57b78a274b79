using System.Text.Json;
using Json.Schema;
using Kam.Cli.Features.Init;
using Kam.Core.Compensation;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Tiering;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The rule files' JSON Schemas: generated from the library's JSON contracts and identical to the ones the tool ships;
/// written by <c>kam init</c> beside the files, which reference them; the files validate against them, a mistyped or
/// unknown member does not; and the library reads a file with its <c>"$schema"</c> reference.
/// </summary>
public sealed class RuleFileSchemaTests
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // JsonSchema.Net registers every schema it builds by its $id, once per process: build each schema once.
    private static readonly Dictionary<string, JsonSchema> Schemas = RuleFileSchemaGenerator.Files.ToDictionary(f => f.Name, f => JsonSchema.FromText(RuleFileSchemaGenerator.Generate(f.Name)));

    public static TheoryData<string> Names() => [.. RuleFileSchemaGenerator.Files.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_shipped_schema_is_the_one_generated_from_the_reader_contract(string name)
    {
        var generated = RuleFileSchemaGenerator.Generate(name);
        var shipped = $"src/Kam.Cli/Features/Init/Schemas/{name}.schema.json";
        if (Environment.GetEnvironmentVariable("KAM_UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryFiles.Root, shipped), generated);
        }

        Assert.Equal(generated, RepositoryFiles.Read(shipped).ReplaceLineEndings("\n"));
        Assert.Equal(generated, RuleFileSchemas.For(name + ".json"));
    }

    [Fact]
    public void Init_writes_each_rule_file_with_its_schema_and_both_validate()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "rules");
        Assert.Equal(0, CliHarness.Run("init", folder).Exit);
        foreach (var (name, _, _, _) in RuleFileSchemaGenerator.Files)
        {
            var text = File.ReadAllText(Path.Combine(folder, name + ".json"));
            Assert.Contains($"\"$schema\": \"./{name}.schema.json\"", text, StringComparison.Ordinal);
            Assert.Equal(RuleFileSchemaGenerator.Generate(name), File.ReadAllText(Path.Combine(folder, name + ".schema.json")));
            AssertValid(Schemas[name], text, name);
        }

        Assert.Equal(0, CliHarness.Run("tier", Path.Combine(folder, "accounts.csv"), "--policy", Path.Combine(folder, "tier-policy.json")).Exit);
        Assert.Equal(0, CliHarness.Run("pipeline", Path.Combine(folder, "events.csv"), "--playbook", Path.Combine(folder, "playbook.json")).Exit);
    }

    [Fact]
    public void The_sample_rule_files_validate_too()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "sample");
        Assert.Equal(0, CliHarness.Run("init", folder, "--sample").Exit);
        foreach (var (name, _, _, _) in RuleFileSchemaGenerator.Files)
        {
            var text = File.ReadAllText(Path.Combine(folder, name + ".json"));
            Assert.Contains($"\"$schema\": \"./{name}.schema.json\"", text, StringComparison.Ordinal);
            Assert.Equal(RuleFileSchemaGenerator.Generate(name), File.ReadAllText(Path.Combine(folder, name + ".schema.json")));
            AssertValid(Schemas[name], text, name);
        }
    }

    [Theory]
    [InlineData("tier-policy", """{ "program": { "accountsPerManager": "nine" } }""")]
    [InlineData("tier-policy", """{ "selection": { "valueMeasure": "x", "managers": 1, "gates": [], "hysteresis": 1 } }""")]
    [InlineData("tier-policy", """{ "program": { "salesThreshold": "50 million" } }""")]
    [InlineData("tier-policy", """{ "tiers": [] }""")]
    [InlineData("playbook", """{ "stages": "all" }""")]
    [InlineData("pay-plan", """{ "name": "x" }""")]
    public void A_mistyped_unknown_or_missing_member_fails_the_schema(string name, string json)
    {
        var schema = Schemas[name];
        using var document = JsonDocument.Parse(json);
        Assert.False(schema.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid, json);
    }

    [Fact]
    public void The_library_reads_a_rule_file_with_its_schema_reference()
    {
        var options = TieringOptions.FromJson("""
            {
              "$schema": "./tier-policy.schema.json",
              "program": { "accountsPerManager": 4 }
            }
            """);
        Assert.Equal(4, options.Program.AccountsPerManager);
        Assert.Equal(4, TieringOptions.FromJson("""{ "program": { "accountsPerManager": 4 }, "$schema": "x" }""").Program.AccountsPerManager);
        Assert.Equal(Playbook.Default.ToJson(), Playbook.FromJson(Playbook.Default.ToJson().Insert(Playbook.Default.ToJson().IndexOf('{', StringComparison.Ordinal) + 1, " \"$schema\": \"./playbook.schema.json\",")).ToJson());
        var plan = PayPlanTemplates.FullCommission(Currency.CNY, Percentage.FromPercent(5m), new NodaTime.LocalDate(2026, 1, 1));
        Assert.Equal(plan.ToJson(), PayPlan.FromJson("{ \"$schema\": \"./pay-plan.schema.json\"," + plan.ToJson().TrimStart()[1..]).ToJson());

        // Only a string at the top level is a schema reference; anything else is still an error, at its own position.
        var nested = Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("""{ "program": { "$schema": "x" } }""")).Errors.Single();
        Assert.Equal("$.program.$schema", nested.Path);
        Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("""{ "$schema": 1 }"""));
        var later = Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("{ \"$schema\": \"x\",\n  \"program\": { \"accountsPerManager\": 0 } }")).Errors.Single();
        Assert.Equal("$.program.accountsPerManager", later.Path);
    }

    private static void AssertValid(JsonSchema schema, string text, string name)
    {
        using var document = JsonDocument.Parse(text, Lenient);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, name + ": " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
