using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Value.Serialization;

/// <summary>Source-generated JSON metadata for the Value rule files, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(AccountEconomicsPolicyDto))]
[JsonSerializable(typeof(RetentionPolicyDto))]
[JsonSerializable(typeof(ValueOptionsDto))]
internal sealed partial class ValueJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static ValueJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
