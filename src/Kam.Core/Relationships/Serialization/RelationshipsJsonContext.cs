using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Relationships.Serialization;

/// <summary>Source-generated JSON metadata for the Relationships rule files, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(CoveragePolicyDto))]
[JsonSerializable(typeof(ContactStandardsDto))]
[JsonSerializable(typeof(HealthPolicyDto))]
[JsonSerializable(typeof(StageEvidencePolicyDto))]
[JsonSerializable(typeof(string))]
internal sealed partial class RelationshipsJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static RelationshipsJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
