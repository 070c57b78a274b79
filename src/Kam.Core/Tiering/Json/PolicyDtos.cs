namespace Kam.Core.Tiering.Json;

// Optional members are nullable and defaulted where the policy is built: the source-generated reader sets every
// init-only member, so an initializer (`= 9`) would be overwritten by 0 when the member is absent from the file.

/// <summary>The JSON shape of a <see cref="ParetoPolicy"/>.</summary>
internal sealed record ParetoPolicyDto
{
    public required string Measure { get; init; }

    public ParetoCutBasis? CutBasis { get; init; }

    public required List<TierDefinition> Tiers { get; init; }

    public List<Percentage>? ShareCuts { get; init; }

    public List<int>? CountCuts { get; init; }
}

/// <summary>The JSON shape of an <see cref="RfmPolicy"/>.</summary>
internal sealed record RfmPolicyDto
{
    public required string RecencyMeasure { get; init; }

    public required string FrequencyMeasure { get; init; }

    public required string MonetaryMeasure { get; init; }

    public int? Quantiles { get; init; }

    public required List<RfmSegment> Segments { get; init; }

    public required TierDefinition Fallback { get; init; }
}

/// <summary>The JSON shape of a <see cref="ScorecardPolicy"/>.</summary>
internal sealed record ScorecardPolicyDto
{
    public required List<ScorecardCriterion> Criteria { get; init; }

    public required List<TierDefinition> Tiers { get; init; }

    public required List<double> Thresholds { get; init; }
}

/// <summary>The JSON shape of a <see cref="GradingPolicy"/>.</summary>
internal sealed record GradingPolicyDto
{
    public required string DaysToCloseMeasure { get; init; }

    public required string LikelihoodMeasure { get; init; }

    public required List<OpportunityGrade> Grades { get; init; }
}

/// <summary>The JSON shape of a <see cref="RelationshipPolicy"/>.</summary>
internal sealed record RelationshipPolicyDto
{
    public required string CollaborationMeasure { get; init; }

    public required string ContactBreadthMeasure { get; init; }

    public required List<RelationshipStage> Stages { get; init; }
}

/// <summary>The JSON shape of a <see cref="TierStabilityPolicy"/>.</summary>
internal sealed record TierStabilityPolicyDto
{
    public required double Margin { get; init; }

    public required int ConsecutivePeriods { get; init; }
}

/// <summary>The JSON shape of a <see cref="SelectionPolicy"/>.</summary>
internal sealed record SelectionPolicyDto
{
    public required string ValueMeasure { get; init; }

    public required int Managers { get; init; }

    public int? AccountsPerManager { get; init; }

    public required List<SelectionGate> Gates { get; init; }

    public int? NearMissCount { get; init; }

    public List<TierDefinition>? Tiers { get; init; }
}

/// <summary>The JSON shape of a <see cref="TieringOptions"/>: one optional section per policy (a missing section is the default policy).</summary>
internal sealed record TieringOptionsDto
{
    public ParetoPolicyDto? Pareto { get; init; }

    public RfmPolicyDto? Rfm { get; init; }

    public ScorecardPolicyDto? Scorecard { get; init; }

    public GradingPolicyDto? Grading { get; init; }

    public RelationshipPolicyDto? Relationship { get; init; }

    public SelectionPolicyDto? Selection { get; init; }

    public TierStabilityPolicyDto? Stability { get; init; }
}
