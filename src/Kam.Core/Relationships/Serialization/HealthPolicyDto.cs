using Kam.Core.Relationships.Health;

namespace Kam.Core.Relationships.Serialization;

/// <summary>The JSON shape of a <see cref="HealthPolicy"/>; <c>weights</c> is keyed by the names of <see cref="HealthPart"/>; members left out take their defaults.</summary>
internal sealed record HealthPolicyDto
{
    public List<CheckItemDto?>? CheckItems { get; init; }

    public int? CheckScale { get; init; }

    public int? SatisfactionScale { get; init; }

    public Dictionary<string, decimal>? Weights { get; init; }

    public decimal? CompensatedCredit { get; init; }

    public int? PromiseWindowDays { get; init; }

    public int? NoContactDays { get; init; }

    public decimal? FallingBy { get; init; }

    public int? TrendPeriods { get; init; }

    public int? LeftWithinDays { get; init; }
}

/// <summary>The JSON shape of one <see cref="PartnershipCheckItem"/>.</summary>
internal sealed record CheckItemDto
{
    public string? Id { get; init; }

    public PartnershipLevel? Level { get; init; }

    public string? Text { get; init; }

    public decimal? Weight { get; init; }
}
