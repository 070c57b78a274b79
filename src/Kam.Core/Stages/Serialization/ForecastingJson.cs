using System.Text.Json.Serialization;
using Kam.Core.Serialization;
using Kam.Core.Stages.Forecasting;

namespace Kam.Core.Stages.Serialization;

/// <summary>The JSON forms of the forecasting policies: every member optional, an absent one keeping its default; errors rooted at <c>$</c>.</summary>
internal static class ForecastingJson
{
    public static DistributionPolicy ReadDistributionPolicy(string json) =>
        KamJson.Read(json, ForecastingJsonContext.Shared.DistributionPolicyDto, dto => StagesPoliciesJson.Rooted(() =>
            new DistributionPolicy(dto.Resolution ?? DistributionPolicy.Default.Resolution, dto.Grain)));

    public static string Write(DistributionPolicy p) =>
        KamJson.Serialize(new DistributionPolicyDto { Resolution = p.Resolution, Grain = p.Grain }, ForecastingJsonContext.Shared.DistributionPolicyDto);

    public static ShrinkagePolicy ReadShrinkagePolicy(string json) =>
        KamJson.Read(json, ForecastingJsonContext.Shared.ShrinkagePolicyDto, dto => StagesPoliciesJson.Rooted(() =>
            new ShrinkagePolicy(dto.PriorStrength ?? ShrinkagePolicy.Default.PriorStrength, dto.StageStrengths)));

    public static string Write(ShrinkagePolicy p) =>
        KamJson.Serialize(
            new ShrinkagePolicyDto { PriorStrength = p.PriorStrength, StageStrengths = p.IsPerStage ? [.. p.Strengths] : null },
            ForecastingJsonContext.Shared.ShrinkagePolicyDto);
}

internal sealed record DistributionPolicyDto
{
    public int? Resolution { get; init; }

    public decimal? Grain { get; init; }
}

internal sealed record ShrinkagePolicyDto
{
    public double? PriorStrength { get; init; }

    public double[]? StageStrengths { get; init; }
}

/// <summary>The source-generated JSON metadata of the forecasting policies (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(DistributionPolicyDto))]
[JsonSerializable(typeof(ShrinkagePolicyDto))]
internal sealed partial class ForecastingJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static ForecastingJsonContext Shared { get; } = new(KamJson.CreateOptions());
}
