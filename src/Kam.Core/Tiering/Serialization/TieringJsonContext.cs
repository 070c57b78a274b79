using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Tiering.Serialization;

/// <summary>Source-generated JSON metadata for the tiering rule files, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(ParetoPolicyDto))]
[JsonSerializable(typeof(RfmPolicyDto))]
[JsonSerializable(typeof(AccountScorecardPolicyDto))]
[JsonSerializable(typeof(GradingPolicyDto))]
[JsonSerializable(typeof(RelationshipPolicyDto))]
[JsonSerializable(typeof(SelectionPolicyDto))]
[JsonSerializable(typeof(TierStabilityPolicyDto))]
[JsonSerializable(typeof(ProgramPolicyDto))]
[JsonSerializable(typeof(TieringOptionsDto))]
internal sealed partial class TieringJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static TieringJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
