using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Staffing.Serialization;

/// <summary>Source-generated JSON metadata for the staffing options file, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(StaffingOptionsDto))]
internal sealed partial class StaffingJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static StaffingJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
