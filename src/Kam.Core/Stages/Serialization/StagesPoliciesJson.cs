using System.Text.Json.Serialization;
using Kam.Core.Serialization;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using NodaTime;

namespace Kam.Core.Stages.Serialization;

/// <summary>
/// The JSON forms of the stage policies: every member optional, an absent one keeping its default. The policy's own
/// constructor validates; its errors (paths such as <c>maxDaysInStage</c>) are rooted at <c>$</c>.
/// </summary>
internal static class StagesPoliciesJson
{
    public static ProgressPolicy ReadProgressPolicy(string json) =>
        KamJson.Read(json, StagesPoliciesJsonContext.Shared.ProgressPolicyDto, dto => Rooted(() => Build(dto)));

    public static ProgressPolicy Build(ProgressPolicyDto dto) => new(
        dto.BehindTolerance ?? ProgressPolicy.Default.BehindTolerance,
        dto.AheadTolerance ?? ProgressPolicy.Default.AheadTolerance,
        dto.AbandonFrom ?? ProgressPolicy.Default.AbandonFrom);

    public static ProgressPolicyDto ToDto(ProgressPolicy p) => new() { BehindTolerance = p.BehindTolerance, AheadTolerance = p.AheadTolerance, AbandonFrom = p.AbandonFrom };

    public static string Write(ProgressPolicy p) => KamJson.Serialize(ToDto(p), StagesPoliciesJsonContext.Shared.ProgressPolicyDto);

    public static AnomalyPolicy ReadAnomalyPolicy(string json) =>
        KamJson.Read(json, StagesPoliciesJsonContext.Shared.AnomalyPolicyDto, dto => Rooted(() => Build(dto)));

    public static AnomalyPolicy Build(AnomalyPolicyDto dto) => new(
        dto.MaxDaysInStage ?? AnomalyPolicy.Default.MaxDaysInStage,
        dto.HighValue ?? AnomalyPolicy.Default.HighValue,
        dto.LowProbability ?? AnomalyPolicy.Default.LowProbability,
        dto.NearCloseDays ?? AnomalyPolicy.Default.NearCloseDays,
        dto.MinOwnerPipeline ?? AnomalyPolicy.Default.MinOwnerPipeline);

    public static AnomalyPolicyDto ToDto(AnomalyPolicy p) =>
        new() { MaxDaysInStage = p.MaxDaysInStage, HighValue = p.HighValue, LowProbability = p.LowProbability, NearCloseDays = p.NearCloseDays, MinOwnerPipeline = p.MinOwnerPipeline };

    public static string Write(AnomalyPolicy p) => KamJson.Serialize(ToDto(p), StagesPoliciesJsonContext.Shared.AnomalyPolicyDto);

    public static ForecastPolicy ReadForecastPolicy(string json) =>
        KamJson.Read(json, StagesPoliciesJsonContext.Shared.ForecastPolicyDto, dto => Rooted(() => Build(dto)));

    public static ForecastPolicy Build(ForecastPolicyDto dto) => new(
        dto.Period ?? ForecastPolicy.Default.Period,
        dto.CommitFrom ?? ForecastPolicy.Default.CommitFrom,
        dto.BestCaseFrom ?? ForecastPolicy.Default.BestCaseFrom);

    public static ForecastPolicyDto ToDto(ForecastPolicy p) => new() { Period = p.Period, CommitFrom = p.CommitFrom, BestCaseFrom = p.BestCaseFrom };

    public static string Write(ForecastPolicy p) => KamJson.Serialize(ToDto(p), StagesPoliciesJsonContext.Shared.ForecastPolicyDto);

    /// <summary>Reads the stage options file: every section optional (missing or null → its default); every section's problems reported together.</summary>
    public static StagesOptions ReadOptions(string json) => KamJson.Read(json, StagesPoliciesJsonContext.Shared.StagesOptionsDto, dto =>
    {
        var errors = new List<KamValidationError>();
        var playbook = KamJson.Section(errors, "$.playbook", dto.Playbook, PlaybookJson.Build);
        var progress = KamJson.Section(errors, "$.progress", dto.Progress, d => Rooted(() => Build(d)));
        var anomalies = KamJson.Section(errors, "$.anomalies", dto.Anomalies, d => Rooted(() => Build(d)));
        var forecast = KamJson.Section(errors, "$.forecast", dto.Forecast, d => Rooted(() => Build(d)));
        DateTimeZone? zone = null;
        if (dto.TimeZone is { } id && (zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)) is null)
        {
            errors.Add(new KamValidationError("$.timeZone", KamErrorCodes.Unknown, id, "Not a time zone of the IANA database (for example \"Asia/Shanghai\" or \"UTC\")."));
        }

        return errors.Count == 0 ? new StagesOptions(playbook, progress, anomalies, forecast, zone) : throw new KamValidationException(errors);
    });

    /// <summary>Writes every section of the stage options file.</summary>
    public static string Write(StagesOptions options) => KamJson.Serialize(
        new StagesOptionsDto
        {
            Playbook = PlaybookJson.ToDto(options.Playbook),
            Progress = ToDto(options.Progress),
            Anomalies = ToDto(options.Anomalies),
            Forecast = ToDto(options.Forecast),
            TimeZone = options.TimeZone.Id,
        },
        StagesPoliciesJsonContext.Shared.StagesOptionsDto);


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

/// <summary>The JSON form of <see cref="StagesOptions"/>: one optional section per part.</summary>
internal sealed record StagesOptionsDto
{
    public PlaybookDto? Playbook { get; init; }

    public ProgressPolicyDto? Progress { get; init; }

    public AnomalyPolicyDto? Anomalies { get; init; }

    public ForecastPolicyDto? Forecast { get; init; }

    public string? TimeZone { get; init; }
}

/// <summary>The source-generated JSON metadata of the stage policies (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(StagesOptionsDto))]
[JsonSerializable(typeof(ProgressPolicyDto))]
[JsonSerializable(typeof(AnomalyPolicyDto))]
[JsonSerializable(typeof(ForecastPolicyDto))]
internal sealed partial class StagesPoliciesJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static StagesPoliciesJsonContext Shared { get; } = new(KamJson.CreateOptions());
}
