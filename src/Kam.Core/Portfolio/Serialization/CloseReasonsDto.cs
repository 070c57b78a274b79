using Kam.Core.Stages;

namespace Kam.Core.Portfolio.Serialization;

/// <summary>The JSON shape of a <see cref="CloseReasonCatalog"/>.</summary>
internal sealed record CloseReasonsDto
{
    public List<CloseReasonDto?>? Reasons { get; init; }
}

/// <summary>The JSON shape of one <see cref="CloseReason"/>; the constructor reports a missing code, label or outcome.</summary>
internal sealed record CloseReasonDto
{
    public string? Code { get; init; }

    public string? Label { get; init; }

    public OpportunityStatus? Outcome { get; init; }

    public string? Cause { get; init; }
}

/// <summary>The JSON shape of <see cref="WinLossOptions"/>; members left out take their defaults.</summary>
internal sealed record WinLossOptionsDto
{
    public CloseReasonsDto? Reasons { get; init; }

    public List<SizeBandDto?>? SizeBands { get; init; }

    public PeriodKind? Period { get; init; }

    public string? TimeZone { get; init; }
}

/// <summary>The JSON shape of one <see cref="SizeBand"/>.</summary>
internal sealed record SizeBandDto
{
    public string? Name { get; init; }

    public decimal? From { get; init; }

    public decimal? To { get; init; }
}
