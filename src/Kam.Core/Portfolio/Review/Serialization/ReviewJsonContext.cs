using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Review.Serialization;

/// <summary>Source-generated JSON metadata for the review rule file, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(ReviewRuleSetDto))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static ReviewJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
