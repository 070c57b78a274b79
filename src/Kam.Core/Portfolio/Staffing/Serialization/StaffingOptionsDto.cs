namespace Kam.Core.Portfolio.Staffing.Serialization;

/// <summary>The JSON shape of <see cref="StaffingOptions"/>; members left out take their defaults.</summary>
internal sealed record StaffingOptionsDto
{
    public string? Currency { get; init; }

    public List<GradeLoadDto?>? Loads { get; init; }

    public decimal? CapacityHoursPerMonth { get; init; }

    public decimal? NewAccountFactor { get; init; }

    public decimal? CostPerManagerMonth { get; init; }

    public PeriodKind? Period { get; init; }
}

/// <summary>The JSON shape of one <see cref="GradeLoad"/>; costs are in the file's currency.</summary>
internal sealed record GradeLoadDto
{
    public string? Grade { get; init; }

    public decimal? HoursPerMonth { get; init; }

    public decimal? CostPerManagerMonth { get; init; }
}
