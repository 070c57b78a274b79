using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Cli.Features.Init;
using Kam.Core.Compensation;
using Kam.Core.Performance;
using Kam.Core.Stages;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Serialization;

/// <summary>
/// Every rule-file reader is total: whatever JSON text it is given — a valid file with one member replaced, removed,
/// renamed or duplicated, a truncated file, random JSON, random text — it returns a rule set or throws
/// <see cref="KamValidationException"/>, never another exception.
/// </summary>
public sealed class RuleFileReaderProperties
{
    private static readonly (string Name, string Seed, Func<string, object> Read)[] Readers =
    [
        ("tier-policy.json", Template("tier-policy.json"), json => TieringOptions.FromJson(json)),
        ("playbook.json", Template("playbook.json"), json => Playbook.FromJson(json)),
        ("pay-plan.json", Template("pay-plan.json"), json => PayPlan.FromJson(json)),
        ("scorecard", ScorecardDefaults.Salesperson(yearlyAttendance: true).ToJson(), json => Scorecard.FromJson(json)),
        ("pareto", ParetoPolicy.Default.ToJson(), json => ParetoPolicy.FromJson(json)),
        ("rfm", RfmPolicy.Default.ToJson(), json => RfmPolicy.FromJson(json)),
        ("scorecard policy", AccountScorecardPolicy.Default.ToJson(), json => AccountScorecardPolicy.FromJson(json)),
        ("relationship", RelationshipPolicy.Default.ToJson(), json => RelationshipPolicy.FromJson(json)),
        ("stability", TierStabilityPolicy.Default.ToJson(), json => TierStabilityPolicy.FromJson(json)),
        ("selection", SelectionPolicy.Default.ToJson(), json => SelectionPolicy.FromJson(json)),
        ("grading", GradingPolicy.Default.ToJson(), json => GradingPolicy.FromJson(json)),
        ("account economics", AccountEconomicsPolicy.Default.ToJson(), json => AccountEconomicsPolicy.FromJson(json)),
        ("retention", RetentionPolicy.Default.ToJson(), json => RetentionPolicy.FromJson(json)),
        ("forecast", ForecastPolicy.Default.ToJson(), json => ForecastPolicy.FromJson(json)),
        ("anomaly", AnomalyPolicy.Default.ToJson(), json => AnomalyPolicy.FromJson(json)),
        ("progress", ProgressPolicy.Default.ToJson(), json => ProgressPolicy.FromJson(json)),
    ];

    /// <summary>Values a member may be replaced with: every JSON kind, and the numbers that break arithmetic.</summary>
    private static Gen<JsonNode?> Values { get; } = Gen.OneOf(
        Gen.Elements<JsonNode?>(
            null, JsonValue.Create(true), JsonValue.Create(false), JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1),
            JsonValue.Create(0.5), JsonValue.Create(-0.000001), JsonValue.Create(1e300), JsonValue.Create(-1e300),
            JsonValue.Create(decimal.MaxValue), JsonValue.Create(decimal.MinValue), JsonValue.Create(long.MaxValue),
            JsonValue.Create(int.MinValue), JsonValue.Create(""), JsonValue.Create("abc"), JsonValue.Create("100%"),
            JsonValue.Create("-5%"), JsonValue.Create("1e400"), JsonValue.Create("9999-12-31"), JsonValue.Create("NaN"),
            new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(1), null, JsonValue.Create("x"))),
        Gen.Choose(int.MinValue, int.MaxValue).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Choose(-1_000_000, 1_000_000).Select(n => (JsonNode?)JsonValue.Create(n / 1000.0)));

    private static Gen<int> ReaderIndex { get; } = Gen.Choose(0, Readers.Length - 1);

    [Fact]
    public void Every_seed_is_a_valid_file_of_its_reader()
    {
        foreach (var (name, seed, read) in Readers)
        {
            Assert.True(read(seed) is not null, name);
        }
    }

    [Property(MaxTest = 400)]
    public Property A_valid_file_with_one_member_replaced_is_read_or_refused() =>
        Prop.ForAll((from r in ReaderIndex from pick in Gen.Choose(0, int.MaxValue) from value in Values select (r, pick, value)).ToArbitrary(), t =>
        {
            var (r, pick, value) = t;
            var root = Parse(Readers[r].Seed);
            var slots = Slots(root).ToArray();
            if (slots.Length > 0)
            {
                var (parent, key, index) = slots[pick % slots.Length];
                if (parent is JsonObject o)
                {
                    o[key!] = value?.DeepClone();
                }
                else if (parent is JsonArray a)
                {
                    a[index] = value?.DeepClone();
                }
            }

            return ReadOrRefused(r, root.ToJsonString());
        });

    [Property(MaxTest = 300)]
    public Property A_valid_file_with_a_member_removed_renamed_or_duplicated_is_read_or_refused() =>
        Prop.ForAll((from r in ReaderIndex from pick in Gen.Choose(0, int.MaxValue) from how in Gen.Choose(0, 2) select (r, pick, how)).ToArbitrary(), t =>
        {
            var (r, pick, how) = t;
            var root = Parse(Readers[r].Seed);
            var members = Slots(root).Where(s => s.Parent is JsonObject).ToArray();
            var json = root.ToJsonString();
            if (members.Length > 0)
            {
                var (parent, key, _) = members[pick % members.Length];
                var o = (JsonObject)parent;
                switch (how)
                {
                    case 0:
                        o.Remove(key!);
                        json = root.ToJsonString();
                        break;
                    case 1:
                        var moved = o[key!]?.DeepClone();
                        o.Remove(key!);
                        o[key! + "X"] = moved;
                        json = root.ToJsonString();
                        break;
                    default:
                        // A duplicate key cannot be built through JsonObject: write it into the text.
                        var member = $"\"{key}\":{o[key!]?.ToJsonString() ?? "null"}";
                        var text = root.ToJsonString();
                        var at = text.IndexOf(member, StringComparison.Ordinal);
                        json = at < 0 ? text : text.Insert(at, member + ",");
                        break;
                }
            }

            return ReadOrRefused(r, json);
        });

    [Property(MaxTest = 300)]
    public Property A_truncated_or_corrupted_file_is_read_or_refused() =>
        Prop.ForAll((from r in ReaderIndex from cut in Gen.Choose(0, int.MaxValue) from c in Gen.Elements('{', '}', '[', ']', '"', ',', ':', '\\', '\0', '\uFFFD', 'e', '-', '9', '/') select (r, cut, c)).ToArbitrary(), t =>
        {
            var (r, cut, c) = t;
            var seed = Readers[r].Seed;
            var at = cut % (seed.Length + 1);
            return ReadOrRefused(r, seed[..at]) && ReadOrRefused(r, seed.Insert(at, c.ToString()));
        });

    [Property(MaxTest = 300)]
    public Property Random_json_and_random_text_are_refused_not_crashed() =>
        Prop.ForAll((from r in ReaderIndex from node in RandomJson(3) from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)) select (r, node, bytes)).ToArbitrary(), t =>
        {
            var (r, node, bytes) = t;
            return ReadOrRefused(r, node?.ToJsonString() ?? "null") && ReadOrRefused(r, Encoding.UTF8.GetString(bytes));
        });

    private static Gen<JsonNode?> RandomJson(int depth) =>
        depth == 0
            ? Values
            : Gen.OneOf(
                Values,
                Gen.ListOf(RandomJson(depth - 1)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
                Gen.ListOf(from key in Gen.Elements("name", "stages", "tiers", "cuts", "shareCuts", "salary", "components", "weight", "x", "")
                           from value in RandomJson(depth - 1)
                           select (key, value))
                    .Select(members =>
                    {
                        var o = new JsonObject();
                        foreach (var (key, value) in members)
                        {
                            o[key] = value?.DeepClone();
                        }

                        return (JsonNode?)o;
                    }));

    private static bool ReadOrRefused(int reader, string json)
    {
        try
        {
            Readers[reader].Read(json);
            return true;
        }
        catch (KamValidationException ex)
        {
            return ex.Errors.Count > 0 && ex.Errors.All(e => !string.IsNullOrWhiteSpace(e.Message));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{Readers[reader].Name} threw {ex.GetType().Name} on: {json}", ex);
        }
    }

    private static JsonNode Parse(string json) =>
        JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    /// <summary>Every place a value sits: (object, member name, -) or (array, -, index), depth first.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToArray())
                {
                    yield return (o, key, -1);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i);
                    if (a[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
        }
    }

    private static string Template(string fileName) => InitTemplates.RuleFiles.Single(t => t.FileName == fileName).Content;
}
