using System.Text.Json.Serialization;

namespace Kam.Core.Performance.Serialization;

/// <summary>The JSON form of a <see cref="Scorecard"/>.</summary>
internal sealed record ScorecardDto
{
    public required string Name { get; init; }

    public required IReadOnlyList<SectionDto> Sections { get; init; }

    public IReadOnlyList<GradeBandDto>? GradeBands { get; init; }
}

/// <summary>The JSON form of a <see cref="GradeBand"/>.</summary>
internal sealed record GradeBandDto
{
    public string? Grade { get; init; }

    public Ratio MinScore { get; init; }
}

/// <summary>The JSON form of a <see cref="StandardGrade"/>.</summary>
internal sealed record StandardGradeDto
{
    public string? Grade { get; init; }

    public Ratio Score { get; init; }

    public IReadOnlyList<ObservationLimitDto?>? Limits { get; init; }
}

/// <summary>The JSON form of an <see cref="ObservationLimit"/>.</summary>
internal sealed record ObservationLimitDto
{
    public IReadOnlyList<string>? Observations { get; init; }

    public decimal Max { get; init; }
}

/// <summary>The JSON form of a <see cref="ScorecardSection"/>.</summary>
internal sealed record SectionDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Percentage Weight { get; init; }

    public IReadOnlyList<IndicatorDto>? Indicators { get; init; }

    public IReadOnlyList<SectionDto>? Sections { get; init; }
}

/// <summary>The JSON form of an <see cref="Indicator"/>.</summary>
internal sealed record IndicatorDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Percentage Weight { get; init; }

    public SalesProcessMeasure Measure { get; init; }

    public required RuleDto Rule { get; init; }
}

/// <summary>The kinds of scoring rule in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleKind>))]
internal enum RuleKind
{
    RatioToTarget = 0,
    Linear = 1,
    Banded = 2,
    Graded = 3,
}

/// <summary>The JSON form of a <see cref="ScoringRule"/>; <see cref="Kind"/> says which members apply.</summary>
internal sealed record RuleDto
{
    public required RuleKind Kind { get; init; }

    public decimal? Target { get; init; }

    public Ratio? Floor { get; init; }

    public Ratio? Cap { get; init; }

    public bool? LowerIsBetter { get; init; }

    public decimal? ZeroAt { get; init; }

    public decimal? FullAt { get; init; }

    public IReadOnlyList<ScoreBand>? Bands { get; init; }

    public IReadOnlyList<StandardGradeDto?>? Grades { get; init; }
}

/// <summary>The source-generated JSON metadata of scorecard rule files.</summary>
[JsonSerializable(typeof(ScorecardDto))]
internal sealed partial class PerformanceJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context over <see cref="Kam.Core.Serialization.KamJson.CreateOptions"/>.</summary>
    public static PerformanceJsonContext Shared { get; } = new(Kam.Core.Serialization.KamJson.CreateOptions());
}
