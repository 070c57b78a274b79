namespace Kam.Core.Relationships.Serialization;

// Optional members are nullable and defaulted where the rule type is built: the source-generated reader sets every
// init-only member, so an initializer would be overwritten when the member is absent from the file.

/// <summary>The JSON shape of a <see cref="CoveragePolicy"/>; <c>weights</c> is keyed by the names of <see cref="CoverageFindingKind"/>.</summary>
internal sealed record CoveragePolicyDto
{
    public int? MinStrength { get; init; }

    public List<DecisionLevel>? RequiredLevels { get; init; }

    public List<DecisionLevel>? PeerLevels { get; init; }

    public int? MinThreads { get; init; }

    public int? InfluentialAt { get; init; }

    public Attitude? OpponentAt { get; init; }

    public Dictionary<string, decimal>? Weights { get; init; }
}
