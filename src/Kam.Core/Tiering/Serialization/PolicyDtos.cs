using System.Text.Json.Serialization;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;

namespace Kam.Core.Tiering.Serialization;

// Optional members are nullable and defaulted where the policy is built: the source-generated reader sets every
// init-only member, so an initializer (`= 9`) would be overwritten by 0 when the member is absent from the file.

/// <summary>The JSON shape of a <see cref="ParetoPolicy"/>.</summary>
internal sealed record ParetoPolicyDto
{
    public required string Measure { get; init; }

    public ParetoCutBasis? CutBasis { get; init; }

    public required List<TierDefinitionDto> Tiers { get; init; }

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

    public required List<RfmSegmentDto> Segments { get; init; }

    public required TierDefinitionDto Fallback { get; init; }
}

/// <summary>The JSON shape of a <see cref="AccountScorecardPolicy"/>.</summary>
internal sealed record AccountScorecardPolicyDto
{
    public required List<AccountScorecardCriterionDto> Criteria { get; init; }

    public required List<TierDefinitionDto> Tiers { get; init; }

    public required List<double> Thresholds { get; init; }
}

/// <summary>The JSON shape of a <see cref="GradingPolicy"/>.</summary>
internal sealed record GradingPolicyDto
{
    public required string DaysToCloseMeasure { get; init; }

    public required string LikelihoodMeasure { get; init; }

    public required List<OpportunityGradeDto> Grades { get; init; }
}

/// <summary>The JSON shape of a <see cref="RelationshipPolicy"/>.</summary>
internal sealed record RelationshipPolicyDto
{
    public required string CollaborationMeasure { get; init; }

    public required string ContactBreadthMeasure { get; init; }

    public required List<RelationshipStageDto> Stages { get; init; }
}

/// <summary>The JSON shape of a <see cref="TierStabilityPolicy"/>.</summary>
internal sealed record TierStabilityPolicyDto
{
    public required double Margin { get; init; }

    public required int ConsecutivePeriods { get; init; }
}

/// <summary>The JSON shape of a <see cref="Program.ProgramPolicy"/>: every member optional (a missing one takes its default).</summary>
internal sealed record ProgramPolicyDto
{
    public Money? SalesThreshold { get; init; }

    public int? KeyAccountThreshold { get; init; }

    public int? AccountsPerManager { get; init; }
}

/// <summary>The JSON shape of a <see cref="SelectionPolicy"/>.</summary>
internal sealed record SelectionPolicyDto
{
    public required string ValueMeasure { get; init; }

    public required int Managers { get; init; }

    public int? AccountsPerManager { get; init; }

    public required List<SelectionGateDto> Gates { get; init; }

    public int? NearMissCount { get; init; }

    public List<TierDefinitionDto>? Tiers { get; init; }
}

/// <summary>The JSON shape of a <see cref="TieringOptions"/>: one optional section per policy (a missing section is the default policy).</summary>
internal sealed record TieringOptionsDto
{
    public ParetoPolicyDto? Pareto { get; init; }

    public RfmPolicyDto? Rfm { get; init; }

    public AccountScorecardPolicyDto? Scorecard { get; init; }

    public GradingPolicyDto? Grading { get; init; }

    public RelationshipPolicyDto? Relationship { get; init; }

    public SelectionPolicyDto? Selection { get; init; }

    public TierStabilityPolicyDto? Stability { get; init; }

    public ProgramPolicyDto? Program { get; init; }
}

/// <summary>The JSON shape of a <see cref="TierServices"/>.</summary>
internal sealed record TierServicesDto(string ServiceLevel, int AccountTeamSize, int VisitsPerYear, Money? InvestmentBudget = null);

/// <summary>The JSON shape of a <see cref="TierDefinition"/>.</summary>
internal sealed record TierDefinitionDto(string Name, string? Description = null, TierServicesDto? Services = null);

/// <summary>The JSON shape of an <see cref="Rfm.RfmSegment"/>.</summary>
internal sealed record RfmSegmentDto(TierDefinitionDto Tier, int RecencyMin, int RecencyMax, int FrequencyMin, int FrequencyMax, int MonetaryMin, int MonetaryMax);

/// <summary>The JSON shape of an <see cref="AccountScoreBand"/>.</summary>
internal sealed record AccountScoreBandDto(double From, double Score);

/// <summary>The JSON shape of a <see cref="CriterionGate"/>.</summary>
internal sealed record CriterionGateDto(string CapTier, double? Minimum = null, double? Maximum = null);

/// <summary>The JSON shape of an <see cref="AccountScorecardCriterion"/> (the file keeps the member name <c>normalisation</c>).</summary>
internal sealed record AccountScorecardCriterionDto(string Name, decimal Weight, [property: JsonPropertyName("normalisation")] Normalization Normalization)
{
    public string? Measure { get; init; }

    public bool HigherIsBetter { get; init; } = true;

    public IReadOnlyList<AccountScoreBandDto> Bands { get; init; } = [];

    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Fail;

    public double? ImputedValue { get; init; }

    public CriterionGateDto? Gate { get; init; }
}

/// <summary>The JSON shape of an <see cref="OpportunityGrade"/>.</summary>
internal sealed record OpportunityGradeDto(TierDefinitionDto Tier, double MaxDaysToClose, double MinLikelihood);

/// <summary>The JSON shape of a <see cref="Relationship.RelationshipStage"/>.</summary>
internal sealed record RelationshipStageDto(TierDefinitionDto Tier, double MinCollaboration, double MinContactBreadth);

/// <summary>The JSON shape of a <see cref="Selection.SelectionGate"/>.</summary>
internal sealed record SelectionGateDto(string Measure, double? Minimum = null, double? Maximum = null);
