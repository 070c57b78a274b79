using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Serialization;

/// <summary>Source-generated JSON metadata for the Portfolio rule files, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(CloseReasonsDto))]
[JsonSerializable(typeof(WinLossOptionsDto))]
internal sealed partial class PortfolioJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static PortfolioJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
