using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Serialization;

namespace Kam.Core.Tests.Relationships;

/// <summary>The coverage policy: defaults, validation, its rule file and that file's JSON Schema.</summary>
public sealed class CoveragePolicyTests
{
    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/coverage-policy.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var p = CoveragePolicy.Default;
        Assert.Equal(3, p.MinStrength);
        Assert.Equal([DecisionLevel.Operational, DecisionLevel.Management, DecisionLevel.Decision], p.RequiredLevels);
        Assert.Equal([DecisionLevel.Decision], p.PeerLevels);
        Assert.Equal(2, p.MinThreads);
        Assert.Equal(3, p.InfluentialAt);
        Assert.Equal(Attitude.Opponent, p.OpponentAt);
        Assert.Equal([20m, 25m, 15m, 10m, 10m, 10m, 10m], Enum.GetValues<CoverageFindingKind>().Select(k => p.Weights[k]));
        Assert.Equal(p.ToJson(), CoveragePolicy.FromJson("{}").ToJson());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<KamValidationException>(() => new CoveragePolicy(0, [DecisionLevel.Decision, DecisionLevel.Decision], [(DecisionLevel)4], 0, 6, (Attitude)5,
            new Dictionary<CoverageFindingKind, decimal> { [CoverageFindingKind.SingleThreaded] = -1m, [CoverageFindingKind.LevelUncovered] = 0.00001m }));
        Assert.Equal(
            ["minStrength", "requiredLevels[1]", "peerLevels[0]", "minThreads", "influentialAt", "opponentAt", "weights.LevelUncovered", "weights.SingleThreaded"],
            ex.Errors.Select(e => e.Path));
        Assert.Equal("-1", ex.Errors[^1].AttemptedValue);

        var zero = Assert.Throws<KamValidationException>(() => new CoveragePolicy(weights: Enum.GetValues<CoverageFindingKind>().ToDictionary(k => k, _ => 0m)));
        Assert.Equal((KamErrorCodes.InvalidSum, "weights"), (zero.Errors.Single().Code, zero.Errors.Single().Path));
    }

    [Fact]
    public void The_sample_file_loads_and_round_trips()
    {
        var policy = CoveragePolicy.FromJson(RepositoryFiles.Read("docs/schemas/samples/coverage-policy.json"));
        Assert.Equal([DecisionLevel.Decision, DecisionLevel.Management], policy.PeerLevels);
        Assert.Equal(Attitude.Skeptical, policy.OpponentAt);
        Assert.Equal(30m, policy.Weights[CoverageFindingKind.DecisionUncovered]);
        Assert.Equal(20m, policy.Weights[CoverageFindingKind.LevelUncovered]);
        Assert.Equal(policy.ToJson(), CoveragePolicy.FromJson(policy.ToJson()).ToJson());
        Assert.True(Evaluate(policy.ToJson()).IsValid);
    }

    [Theory]
    [InlineData("""{ "minStrength": 9 }""", "$.minStrength", "9")]
    [InlineData("""{ "weights": { "SingleThreaded": -2 } }""", "$.weights.SingleThreaded", "-2")]
    [InlineData("""{ "weights": { "Silence": 2 } }""", "$.weights.Silence", "Silence")]
    [InlineData("""{ "peerLevels": ["Decision", "Decision"] }""", "$.peerLevels[1]", "Decision")]
    [InlineData("""{ "minThreads": 2, "threads": 3 }""", "$.threads", "threads")]
    [InlineData("""{ "opponentAt": "Enemy" }""", "$.opponentAt", "Enemy")]
    public void A_bad_file_names_the_path_and_the_value(string json, string path, string value)
    {
        var ex = Assert.Throws<KamValidationException>(() => CoveragePolicy.FromJson(json));
        Assert.Equal(path, ex.Errors[0].Path);
        Assert.Equal(value, ex.Errors[0].AttemptedValue);
    }

    [Fact]
    public void The_sample_file_validates_against_its_schema()
    {
        var results = Evaluate(RepositoryFiles.Read("docs/schemas/samples/coverage-policy.json"));
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("""{ "minStrength": 0 }""")]
    [InlineData("""{ "requiredLevels": ["Board"] }""")]
    [InlineData("""{ "weights": { "Silence": 1 } }""")]
    [InlineData("""{ "weights": { "SingleThreaded": -1 } }""")]
    [InlineData("""{ "opponentAt": "Enemy" }""")]
    [InlineData("""{ "threads": 2 }""")]
    public void A_broken_file_fails_the_schema(string json) => Assert.False(Evaluate(json).IsValid);

    [Fact]
    public void The_schema_names_the_members_the_reader_knows()
    {
        var node = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/coverage-policy.schema.json"))!;
        var properties = typeof(CoveragePolicyDto).GetProperties().Where(p => p.GetCustomAttribute<CompilerGeneratedAttribute>() is null && p.Name != "EqualityContract").ToArray();
        var members = properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Append("$schema").Order(StringComparer.Ordinal);
        Assert.Equal(members, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(properties, p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null);
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(Enum.GetNames<CoverageFindingKind>().Order(StringComparer.Ordinal), node["properties"]!["weights"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}
