using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Serialization;
using Kam.Core.Stages;

namespace Kam.Core.Tests.Portfolio;

/// <summary>The reason list: defaults, validation, its rule file and that file's JSON Schema.</summary>
public sealed class CloseReasonCatalogTests
{
    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/close-reasons.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void The_default_list_covers_every_outcome_and_round_trips()
    {
        var d = CloseReasonCatalog.Default;
        Assert.Equal([4, 6, 3], new[] { OpportunityStatus.Won, OpportunityStatus.Lost, OpportunityStatus.Abandoned }.Select(o => d.Reasons.Count(r => r.Outcome == o)));
        Assert.Equal("price", d.Find("lost-price")!.CauseGroup);
        Assert.Null(d.Find("nope"));
        Assert.Equal(d.ToJson(), CloseReasonCatalog.FromJson(d.ToJson()).ToJson());
        Assert.True(Evaluate(d.ToJson()).IsValid);
    }

    [Fact]
    public void The_sample_file_is_the_default_list_and_validates()
    {
        var sample = RepositoryFiles.Read("docs/schemas/samples/close-reasons.json");
        Assert.Equal(CloseReasonCatalog.Default.ToJson(), CloseReasonCatalog.FromJson(sample).ToJson());
        var results = Evaluate(sample);
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(x => x.HasErrors).SelectMany(x => x.Errors!.Select(e => $"{x.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path()
    {
        var ex = Assert.Throws<KamValidationException>(() => new CloseReason(" ", "", OpportunityStatus.Open, " "));
        Assert.Equal(["code", "label", "outcome", "cause"], ex.Errors.Select(e => e.Path));
        var twice = Assert.Throws<KamValidationException>(() => new CloseReasonCatalog([new("a", "A", OpportunityStatus.Won), new("a", "A", OpportunityStatus.Lost)]));
        Assert.Equal(("reasons[1].code", KamErrorCodes.Duplicate, "a"), (twice.Errors[0].Path, twice.Errors[0].Code, twice.Errors[0].AttemptedValue));
        Assert.Equal("reasons", Assert.Throws<KamValidationException>(() => new CloseReasonCatalog([])).Errors[0].Path);
    }

    [Theory]
    [InlineData("""{ "reasons": [ { "code": "a", "label": "A", "outcome": "Won" }, { "code": "a", "label": "B", "outcome": "Lost" } ] }""", "$.reasons[1].code", "a")]
    [InlineData("""{ "reasons": [ { "code": "a", "label": "A", "outcome": "Open" } ] }""", "$.reasons[0].outcome", "Open")]
    [InlineData("""{ "reasons": [ { "code": "a", "label": "A", "outcome": "Won", "why": 1 } ] }""", "$.reasons[0].why", "why")]
    [InlineData("""{ "reasons": [ { "code": " ", "label": "A", "outcome": "Won" } ] }""", "$.reasons[0].code", " ")]
    public void A_bad_file_names_the_path_and_the_value(string json, string path, string value)
    {
        var ex = Assert.Throws<KamValidationException>(() => CloseReasonCatalog.FromJson(json));
        Assert.Equal(path, ex.Errors[0].Path);
        Assert.Equal(value, ex.Errors[0].AttemptedValue);
    }

    [Theory]
    [InlineData("""{ "reasons": [] }""")]
    [InlineData("""{ "reasons": [ { "code": "a", "label": "A", "outcome": "Open" } ] }""")]
    [InlineData("""{ "reasons": [ { "code": "a", "label": "A" } ] }""")]
    [InlineData("""{ "reasons": [ { "code": "a", "label": "A", "outcome": "Won", "why": 1 } ] }""")]
    [InlineData("""{ }""")]
    public void A_broken_file_fails_the_schema(string json) => Assert.False(Evaluate(json).IsValid);

    [Fact]
    public void The_schema_names_the_members_the_reader_knows()
    {
        var node = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/close-reasons.schema.json"))!;
        static IEnumerable<string> Members(Type dto) => dto.GetProperties().Where(p => p.GetCustomAttribute<CompilerGeneratedAttribute>() is null && p.Name != "EqualityContract").Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        Assert.Equal(Members(typeof(CloseReasonsDto)).Append("$schema").Order(StringComparer.Ordinal), node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Members(typeof(CloseReasonDto)).Order(StringComparer.Ordinal), node["properties"]!["reasons"]!["items"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetNames<OpportunityStatus>().Where(n => n != "Open"), node["properties"]!["reasons"]!["items"]!["properties"]!["outcome"]!["enum"]!.AsArray().Select(x => x!.GetValue<string>()));
    }
}
