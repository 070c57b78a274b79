using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kam.Core.Serialization;

namespace Kam.Core.Stages;

/// <summary>
/// The JSON forms of the stage policies: every member optional, an absent one keeping its default (DTOs, because the
/// source generator would otherwise reset the defaults of init-only members).
/// </summary>
internal static class StagesPoliciesJson
{
    public static ProgressPolicy ToPolicy(ProgressPolicyDto dto) => new()
    {
        BehindTolerance = dto.BehindTolerance ?? ProgressPolicy.Default.BehindTolerance,
        AheadTolerance = dto.AheadTolerance ?? ProgressPolicy.Default.AheadTolerance,
        AbandonFrom = dto.AbandonFrom ?? ProgressPolicy.Default.AbandonFrom,
    };

    public static ProgressPolicyDto ToDto(ProgressPolicy p) => new() { BehindTolerance = p.BehindTolerance, AheadTolerance = p.AheadTolerance, AbandonFrom = p.AbandonFrom };

    public static AnomalyPolicy ToPolicy(AnomalyPolicyDto dto) => new()
    {
        MaxDaysInStage = dto.MaxDaysInStage ?? AnomalyPolicy.Default.MaxDaysInStage,
        HighValue = dto.HighValue ?? AnomalyPolicy.Default.HighValue,
        LowProbability = dto.LowProbability ?? AnomalyPolicy.Default.LowProbability,
        NearCloseDays = dto.NearCloseDays ?? AnomalyPolicy.Default.NearCloseDays,
        MinOwnerPipeline = dto.MinOwnerPipeline ?? AnomalyPolicy.Default.MinOwnerPipeline,
    };

    public static AnomalyPolicyDto ToDto(AnomalyPolicy p) =>
        new() { MaxDaysInStage = p.MaxDaysInStage, HighValue = p.HighValue, LowProbability = p.LowProbability, NearCloseDays = p.NearCloseDays, MinOwnerPipeline = p.MinOwnerPipeline };

    public static ForecastPolicy ToPolicy(ForecastPolicyDto dto) => new()
    {
        Period = dto.Period ?? ForecastPolicy.Default.Period,
        CommitFrom = dto.CommitFrom ?? ForecastPolicy.Default.CommitFrom,
        BestCaseFrom = dto.BestCaseFrom ?? ForecastPolicy.Default.BestCaseFrom,
    };

    public static ForecastPolicyDto ToDto(ForecastPolicy p) => new() { Period = p.Period, CommitFrom = p.CommitFrom, BestCaseFrom = p.BestCaseFrom };

    /// <summary>Reads a policy and validates it, reporting JSON paths (<c>$.maxDaysInStage</c>).</summary>
    public static TPolicy Read<TDto, TPolicy>(string json, JsonTypeInfo<TDto> typeInfo, Func<TDto, TPolicy> convert, Func<TPolicy, string, IReadOnlyList<KamValidationError>> validate)
    {
        // Validation names members as in code (MaxDaysInStage); KamJson.Read gives them the file's spelling.
        return KamJson.Read(json, typeInfo, dto =>
        {
            var policy = convert(dto);
            var errors = validate(policy, "$");
            return errors.Count == 0 ? policy : throw new KamValidationException(errors);
        });
    }
}

internal sealed record ProgressPolicyDto
{
    public int? BehindTolerance { get; init; }

    public int? AheadTolerance { get; init; }

    public ProcurementStage? AbandonFrom { get; init; }
}

internal sealed record AnomalyPolicyDto
{
    public int? MaxDaysInStage { get; init; }

    public decimal? HighValue { get; init; }

    public Percentage? LowProbability { get; init; }

    public int? NearCloseDays { get; init; }

    public int? MinOwnerPipeline { get; init; }
}

internal sealed record ForecastPolicyDto
{
    public PeriodKind? Period { get; init; }

    public Percentage? CommitFrom { get; init; }

    public Percentage? BestCaseFrom { get; init; }
}

/// <summary>The source-generated JSON metadata of the stage policies (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(ProgressPolicyDto))]
[JsonSerializable(typeof(AnomalyPolicyDto))]
[JsonSerializable(typeof(ForecastPolicyDto))]
internal sealed partial class StagesPoliciesJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static StagesPoliciesJsonContext Shared { get; } = new(KamJson.CreateOptions());
}
