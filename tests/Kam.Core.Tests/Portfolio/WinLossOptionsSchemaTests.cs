using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Serialization;

namespace Kam.Core.Tests.Portfolio;

/// <summary>The win/loss options file's JSON Schema: the sample and the defaults validate, broken files fail, and the schema names the reader's members.</summary>
public sealed class WinLossOptionsSchemaTests
{
    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/winloss-options.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void The_sample_file_is_the_default_options_and_validates()
    {
        var sample = RepositoryFiles.Read("docs/schemas/samples/winloss-options.json");
        Assert.Equal(WinLossOptions.Default.ToJson(), WinLossOptions.FromJson(sample).ToJson());
        var results = Evaluate(sample);
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(x => x.HasErrors).SelectMany(x => x.Errors!.Select(e => $"{x.InstanceLocation}: {e.Value}"))));
        Assert.True(Evaluate(WinLossOptions.Default.ToJson()).IsValid);
        Assert.True(Evaluate("""{ "sizeBands": [ { "name": "all", "from": 0 } ], "period": "Half", "timeZone": "Asia/Shanghai" }""").IsValid);
    }

    [Theory]
    [InlineData("""{ "sizeBands": [] }""")]
    [InlineData("""{ "sizeBands": [ { "name": "a" } ] }""")]
    [InlineData("""{ "sizeBands": [ { "name": "a", "from": -1 } ] }""")]
    [InlineData("""{ "sizeBands": [ { "name": " ", "from": 0 } ] }""")]
    [InlineData("""{ "period": "Week" }""")]
    [InlineData("""{ "reasons": { "reasons": [] } }""")]
    [InlineData("""{ "reasons": { "reasons": [ { "code": "a", "label": "A", "outcome": "Open" } ] } }""")]
    [InlineData("""{ "bands": [] }""")]
    public void The_schema_refuses_what_the_reader_refuses(string json)
    {
        Assert.False(Evaluate(json).IsValid);
        Assert.Throws<KamValidationException>(() => WinLossOptions.FromJson(json));
    }

    [Fact]
    public void The_schema_names_the_members_the_reader_knows()
    {
        var node = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/winloss-options.schema.json"))!;
        static IEnumerable<string> Members(Type dto) => dto.GetProperties().Where(p => p.GetCustomAttribute<CompilerGeneratedAttribute>() is null && p.Name != "EqualityContract").Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);
        static IEnumerable<string> Keys(JsonNode n) => n.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        var properties = node["properties"]!;
        Assert.Equal(Members(typeof(WinLossOptionsDto)).Append("$schema").Order(StringComparer.Ordinal), Keys(properties));
        Assert.Equal(Members(typeof(SizeBandDto)), Keys(properties["sizeBands"]!["items"]!["properties"]!));
        Assert.Equal(Members(typeof(CloseReasonsDto)), Keys(properties["reasons"]!["properties"]!));
        Assert.Equal(Members(typeof(CloseReasonDto)), Keys(properties["reasons"]!["properties"]!["reasons"]!["items"]!["properties"]!));
        Assert.Equal(Enum.GetNames<PeriodKind>(), properties["period"]!["enum"]!.AsArray().Select(x => x!.GetValue<string>()));
    }
}
