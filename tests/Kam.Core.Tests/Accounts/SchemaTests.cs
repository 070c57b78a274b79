using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Json.Schema;
using Kam.Core.Accounts.Serialization;

namespace Kam.Core.Tests.Accounts;

/// <summary>The JSON Schemas of the hand-edited Accounts files: the samples validate, broken files do not, and each schema names exactly the members the reader knows.</summary>
public sealed class SchemaTests
{
    private static JsonSchema Schema(string name) => JsonSchema.FromText(RepositoryFiles.Read($"docs/schemas/{name}.schema.json"));

    private static EvaluationResults Evaluate(string schema, string json) =>
        Schema(schema).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Theory]
    [InlineData("target-plan")]
    [InlineData("allocation-policy")]
    [InlineData("organization")]
    public void The_sample_file_validates_against_its_schema(string name)
    {
        var results = Evaluate(name, RepositoryFiles.Read($"docs/schemas/samples/{name}.json"));
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("target-plan", """{ "fiscalYear": 2026, "measures": [], "targets": [ { "measure": "bookings", "period": "FY2026", "value": 1 } ] }""")]
    [InlineData("target-plan", """{ "fiscalYear": 2026, "measures": [ { "key": "gp", "kind": "Money" } ], "targets": [] }""")]
    [InlineData("target-plan", """{ "fiscalYear": 2026, "measures": [], "targets": [ { "unit": "E", "measure": "b", "period": "FY2026-H1", "value": 1 } ] }""")]
    [InlineData("target-plan", """{ "fiscalYear": 2026, "measures": [], "targets": [], "year": 2026 }""")]
    [InlineData("allocation-policy", """{ "basis": "Tier" }""")]
    [InlineData("allocation-policy", """{ "seasonality": [1, 2, 3] }""")]
    [InlineData("allocation-policy", """{ "basis": "Random" }""")]
    [InlineData("organization", """{ "units": [] }""")]
    [InlineData("organization", """{ "units": [ { "id": "HQ", "name": "HQ", "level": "Group" } ] }""")]
    public void A_broken_file_fails_its_schema(string name, string json) => Assert.False(Evaluate(name, json).IsValid);

    [Theory]
    [InlineData("target-plan", typeof(TargetPlanDto), "")]
    [InlineData("target-plan", typeof(TargetMeasureDto), "/$defs/measure")]
    [InlineData("target-plan", typeof(TargetDto), "/$defs/target")]
    [InlineData("allocation-policy", typeof(AllocationPolicyDto), "")]
    [InlineData("organization", typeof(OrganizationDto), "")]
    [InlineData("organization", typeof(OrganizationUnitDto), "/$defs/unit")]
    [InlineData("organization", typeof(PersonDto), "/$defs/person")]
    [InlineData("organization", typeof(TerritoryDto), "/$defs/territory")]
    public void The_schema_names_the_members_the_reader_knows(string name, Type dto, string location)
    {
        var node = JsonNode.Parse(RepositoryFiles.Read($"docs/schemas/{name}.schema.json"))!;
        foreach (var segment in location.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[segment]!;
        }

        var properties = dto.GetProperties().Where(p => p.GetCustomAttribute<CompilerGeneratedAttribute>() is null && p.Name != "EqualityContract").ToArray();
        string JsonName(PropertyInfo p) => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
        // At the top of a file the schema also names "$schema", the editor's reference every rule-file reader accepts and ignores.
        var members = properties.Select(JsonName).Concat(location.Length == 0 ? ["$schema"] : []).Order(StringComparer.Ordinal).ToArray();
        var required = properties.Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(JsonName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(members, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(required, (node["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Order(StringComparer.Ordinal));
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
    }
}
