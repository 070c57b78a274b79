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
