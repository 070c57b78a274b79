using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Matrices.Serialization;

/// <summary>Source-generated JSON metadata for the portfolio matrix rule file, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(MatrixDto))]
internal sealed partial class MatrixJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static MatrixJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
