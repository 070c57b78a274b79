using Kam.Core.Relationships.Activities;

namespace Kam.Core.Relationships.Serialization;

/// <summary>The JSON shape of <see cref="ContactStandards"/>; members left out take their defaults.</summary>
internal sealed record ContactStandardsDto
{
    public List<ContactStandardDto?>? Standards { get; init; }

    public decimal? HoursPerVisit { get; init; }

    public decimal? HoursPerCall { get; init; }

    public decimal? CapacityHoursPerMonth { get; init; }
}

/// <summary>The JSON shape of one <see cref="ContactStandard"/>.</summary>
internal sealed record ContactStandardDto
{
    public string? Grade { get; init; }

    public int? Visits { get; init; }

    public PeriodKind? VisitPeriod { get; init; }

    public int? Calls { get; init; }

    public PeriodKind? CallPeriod { get; init; }
}
