using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Receivables.Serialization;

/// <summary>Source-generated JSON metadata for the receivables rule file, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(ReceivablesPolicyDto))]
internal sealed partial class ReceivablesJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static ReceivablesJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
