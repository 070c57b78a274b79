using System.Text.Json.Serialization;
using Kam.Core.Serialization;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;

namespace Kam.Core.Stages.Serialization;

/// <summary>
/// The JSON forms of the stage policies: every member optional, an absent one keeping its default. The policy's own
/// constructor validates; its errors (paths such as <c>maxDaysInStage</c>) are rooted at <c>$</c>.
/// </summary>
internal static class StagesPoliciesJson
{
    public static ProgressPolicy ReadProgressPolicy(string json) =>
        KamJson.Read(json, StagesPoliciesJsonContext.Shared.ProgressPolicyDto, dto => Rooted(() => new ProgressPolicy(
            dto.BehindTolerance ?? ProgressPolicy.Default.BehindTolerance,
            dto.AheadTolerance ?? ProgressPolicy.Default.AheadTolerance,
            dto.AbandonFrom ?? ProgressPolicy.Default.AbandonFrom)));

    public static string Write(ProgressPolicy p) => KamJson.Serialize(
        new ProgressPolicyDto { BehindTolerance = p.BehindTolerance, AheadTolerance = p.AheadTolerance, AbandonFrom = p.AbandonFrom },
        StagesPoliciesJsonContext.Shared.ProgressPolicyDto);

    public static AnomalyPolicy ReadAnomalyPolicy(string json) =>
        KamJson.Read(json, StagesPoliciesJsonContext.Shared.AnomalyPolicyDto, dto => Rooted(() => new AnomalyPolicy(
            dto.MaxDaysInStage ?? AnomalyPolicy.Default.MaxDaysInStage,
            dto.HighValue ?? AnomalyPolicy.Default.HighValue,
            dto.LowProbability ?? AnomalyPolicy.Default.LowProbability,
            dto.NearCloseDays ?? AnomalyPolicy.Default.NearCloseDays,
            dto.MinOwnerPipeline ?? AnomalyPolicy.Default.MinOwnerPipeline)));

    public static string Write(AnomalyPolicy p) => KamJson.Serialize(
        new AnomalyPolicyDto { MaxDaysInStage = p.MaxDaysInStage, HighValue = p.HighValue, LowProbability = p.LowProbability, NearCloseDays = p.NearCloseDays, MinOwnerPipeline = p.MinOwnerPipeline },
        StagesPoliciesJsonContext.Shared.AnomalyPolicyDto);

    public static ForecastPolicy ReadForecastPolicy(string json) =>
        KamJson.Read(json, StagesPoliciesJsonContext.Shared.ForecastPolicyDto, dto => Rooted(() => new ForecastPolicy(
            dto.Period ?? ForecastPolicy.Default.Period,
            dto.CommitFrom ?? ForecastPolicy.Default.CommitFrom,
            dto.BestCaseFrom ?? ForecastPolicy.Default.BestCaseFrom)));

    public static string Write(ForecastPolicy p) => KamJson.Serialize(
        new ForecastPolicyDto { Period = p.Period, CommitFrom = p.CommitFrom, BestCaseFrom = p.BestCaseFrom },
        StagesPoliciesJsonContext.Shared.ForecastPolicyDto);

    /// <summary>Builds a rule type, rooting the paths of its constructor's errors at <c>$</c> (<c>maxDaysInStage</c> → <c>$.maxDaysInStage</c>).</summary>
    public static T Rooted<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = e.Path.StartsWith('[') ? "$" + e.Path : "$." + e.Path }));
        }
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
