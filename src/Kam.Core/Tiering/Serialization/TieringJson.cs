using Kam.Core.Serialization;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;

namespace Kam.Core.Tiering.Serialization;

/// <summary>Reads and writes the tiering policies through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.criteria[2].weight</c>).</summary>
internal static class TieringJson
{
    public static ParetoPolicy ReadPareto(string json) => KamJson.Read(json, TieringJsonContext.Strict.ParetoPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(ParetoPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.ParetoPolicyDto);

    public static RfmPolicy ReadRfm(string json) => KamJson.Read(json, TieringJsonContext.Strict.RfmPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(RfmPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.RfmPolicyDto);

    public static AccountScorecardPolicy ReadScorecard(string json) => KamJson.Read(json, TieringJsonContext.Strict.AccountScorecardPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(AccountScorecardPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.AccountScorecardPolicyDto);

    public static GradingPolicy ReadGrading(string json) => KamJson.Read(json, TieringJsonContext.Strict.GradingPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(GradingPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.GradingPolicyDto);

    public static RelationshipPolicy ReadRelationship(string json) => KamJson.Read(json, TieringJsonContext.Strict.RelationshipPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(RelationshipPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.RelationshipPolicyDto);

    public static SelectionPolicy ReadSelection(string json) => KamJson.Read(json, TieringJsonContext.Strict.SelectionPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(SelectionPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.SelectionPolicyDto);

    public static TierStabilityPolicy ReadStability(string json) => KamJson.Read(json, TieringJsonContext.Strict.TierStabilityPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(TierStabilityPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.TierStabilityPolicyDto);

    public static ProgramPolicy ReadProgram(string json) => KamJson.Read(json, TieringJsonContext.Strict.ProgramPolicyDto, dto => KamJson.AtPath("$.", FromDto(dto)));

    public static string Write(ProgramPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.ProgramPolicyDto);

    /// <summary>Reads the combined policy file: every section optional (missing or null → the default policy); all sections' problems reported together.</summary>
    public static TieringOptions ReadOptions(string json) => KamJson.Read(json, TieringJsonContext.Strict.TieringOptionsDto, FromDto);

    private static TieringOptions FromDto(TieringOptionsDto dto)
    {
        var errors = new List<KamValidationError>();
        var pareto = Section(errors, "$.pareto.", dto.Pareto, FromDto);
        var rfm = Section(errors, "$.rfm.", dto.Rfm, FromDto);
        var scorecard = Section(errors, "$.scorecard.", dto.Scorecard, FromDto);
        var grading = Section(errors, "$.grading.", dto.Grading, FromDto);
        var relationship = Section(errors, "$.relationship.", dto.Relationship, FromDto);
        var selection = Section(errors, "$.selection.", dto.Selection, FromDto);
        var stability = Section(errors, "$.stability.", dto.Stability, FromDto);
        var program = Section(errors, "$.program.", dto.Program, FromDto);
        return errors.Count == 0 ? new TieringOptions(pareto, rfm, scorecard, grading, relationship, selection, stability, program) : throw new KamValidationException(errors);
    }

    /// <summary>Writes every section of the combined policy file.</summary>
    public static string Write(TieringOptions options) => KamJson.Serialize(
        new TieringOptionsDto
        {
            Pareto = ToDto(options.Pareto),
            Rfm = ToDto(options.Rfm),
            Scorecard = ToDto(options.Scorecard),
            Grading = ToDto(options.Grading),
            Relationship = ToDto(options.Relationship),
            Selection = ToDto(options.Selection),
            Stability = ToDto(options.Stability),
            Program = ToDto(options.Program),
        },
        TieringJsonContext.Strict.TieringOptionsDto);

    private static Func<ParetoPolicy> FromDto(ParetoPolicyDto dto) => () => dto.CutBasis == ParetoCutBasis.TopCount
        ? ParetoPolicy.TopCount(dto.Measure, Tiers(dto.Tiers), dto.CountCuts!)
        : new ParetoPolicy(dto.Measure, Tiers(dto.Tiers), dto.ShareCuts!, dto.CutBasis ?? ParetoCutBasis.CumulativeValueShare);

    private static ParetoPolicyDto ToDto(ParetoPolicy policy) => new()
    {
        Measure = policy.Measure,
        CutBasis = policy.CutBasis,
        Tiers = Tiers(policy.Tiers),
        ShareCuts = policy.CutBasis == ParetoCutBasis.TopCount ? null : [.. policy.ShareCuts],
        CountCuts = policy.CutBasis == ParetoCutBasis.TopCount ? [.. policy.CountCuts] : null,
    };

    private static Func<RfmPolicy> FromDto(RfmPolicyDto dto) => () =>
        new RfmPolicy(dto.RecencyMeasure, dto.FrequencyMeasure, dto.MonetaryMeasure, dto.Quantiles ?? 5, dto.Segments?.ConvertAll(FromDto)!, FromDto(dto.Fallback)!);

    private static RfmPolicyDto ToDto(RfmPolicy policy) => new()
    {
        RecencyMeasure = policy.RecencyMeasure,
        FrequencyMeasure = policy.FrequencyMeasure,
        MonetaryMeasure = policy.MonetaryMeasure,
        Quantiles = policy.Quantiles,
        Segments = policy.Segments.Select(ToDto).ToList(),
        Fallback = ToDto(policy.Fallback),
    };

    private static Func<AccountScorecardPolicy> FromDto(AccountScorecardPolicyDto dto) => () => new AccountScorecardPolicy(dto.Criteria?.ConvertAll(FromDto)!, Tiers(dto.Tiers), dto.Thresholds);

    private static AccountScorecardPolicyDto ToDto(AccountScorecardPolicy policy) =>
        new() { Criteria = policy.Criteria.Select(ToDto).ToList(), Tiers = Tiers(policy.Tiers), Thresholds = [.. policy.Thresholds] };

    private static Func<GradingPolicy> FromDto(GradingPolicyDto dto) => () => new GradingPolicy(dto.DaysToCloseMeasure, dto.LikelihoodMeasure, dto.Grades?.ConvertAll(FromDto)!);

    private static GradingPolicyDto ToDto(GradingPolicy policy) =>
        new() { DaysToCloseMeasure = policy.DaysToCloseMeasure, LikelihoodMeasure = policy.LikelihoodMeasure, Grades = policy.Grades.Select(ToDto).ToList() };

    private static Func<RelationshipPolicy> FromDto(RelationshipPolicyDto dto) => () =>
        new RelationshipPolicy(dto.CollaborationMeasure, dto.ContactBreadthMeasure, dto.Stages?.ConvertAll(FromDto)!);

    private static RelationshipPolicyDto ToDto(RelationshipPolicy policy) =>
        new() { CollaborationMeasure = policy.CollaborationMeasure, ContactBreadthMeasure = policy.ContactBreadthMeasure, Stages = policy.Stages.Select(ToDto).ToList() };

    private static Func<SelectionPolicy> FromDto(SelectionPolicyDto dto) => () =>
        new SelectionPolicy(dto.ValueMeasure, dto.Managers, dto.AccountsPerManager ?? 9, dto.Gates?.ConvertAll(FromDto)!, dto.NearMissCount ?? 5, dto.Tiers is null ? null : Tiers(dto.Tiers));

    private static SelectionPolicyDto ToDto(SelectionPolicy policy) => new()
    {
        ValueMeasure = policy.ValueMeasure,
        Managers = policy.Managers,
        AccountsPerManager = policy.AccountsPerManager,
        Gates = policy.Gates.Select(ToDto).ToList(),
        NearMissCount = policy.NearMissCount,
        Tiers = Tiers(policy.Tiers),
    };

    private static Func<TierStabilityPolicy> FromDto(TierStabilityPolicyDto dto) => () => new TierStabilityPolicy(dto.Margin, dto.ConsecutivePeriods);

    private static Func<ProgramPolicy> FromDto(ProgramPolicyDto dto) => () => new ProgramPolicy(dto.SalesThreshold, dto.KeyAccountThreshold ?? 6, dto.AccountsPerManager ?? 9);

    private static ProgramPolicyDto ToDto(ProgramPolicy policy) => new()
    {
        SalesThreshold = policy.SalesThreshold,
        KeyAccountThreshold = policy.KeyAccountThreshold,
        AccountsPerManager = policy.AccountsPerManager,
    };

    private static TierStabilityPolicyDto ToDto(TierStabilityPolicy policy) => new() { Margin = policy.Margin, ConsecutivePeriods = policy.ConsecutivePeriods };

    /// <summary>Builds one section of the combined file when present, collecting its problems under the section's JSON path.</summary>
    private static TPolicy? Section<TDto, TPolicy>(List<KamValidationError> errors, string prefix, TDto? dto, Func<TDto, Func<TPolicy>> create)
        where TDto : class
        where TPolicy : class
    {
        if (dto is null)
        {
            return null;
        }

        try
        {
            return KamJson.AtPath(prefix, create(dto));
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    // The nested items are built unvalidated: the policy's constructor validates them, with paths under the policy.
    private static List<TierDefinition> Tiers(List<TierDefinitionDto>? tiers) => tiers?.ConvertAll(FromDto)!;

    private static List<TierDefinitionDto> Tiers(IReadOnlyList<TierDefinition> tiers) => tiers.Select(ToDto).ToList();

    private static TierDefinition FromDto(TierDefinitionDto dto) =>
        dto is null ? null! : TierDefinition.Unchecked(dto.Name, dto.Description, dto.Services is { } s ? TierServices.Unchecked(s.ServiceLevel, s.AccountTeamSize, s.VisitsPerYear, s.InvestmentBudget) : null);

    private static TierDefinitionDto ToDto(TierDefinition tier) =>
        new(tier.Name, tier.Description, tier.Services is { } s ? new TierServicesDto(s.ServiceLevel, s.AccountTeamSize, s.VisitsPerYear, s.InvestmentBudget) : null);

    private static RfmSegment FromDto(RfmSegmentDto dto) =>
        dto is null ? null! : RfmSegment.Unchecked(FromDto(dto.Tier), dto.RecencyMin, dto.RecencyMax, dto.FrequencyMin, dto.FrequencyMax, dto.MonetaryMin, dto.MonetaryMax);

    private static RfmSegmentDto ToDto(RfmSegment s) => new(ToDto(s.Tier), s.RecencyMin, s.RecencyMax, s.FrequencyMin, s.FrequencyMax, s.MonetaryMin, s.MonetaryMax);

    private static AccountScorecardCriterion FromDto(AccountScorecardCriterionDto dto) =>
        dto is null ? null! : AccountScorecardCriterion.Unchecked(
            dto.Name,
            dto.Weight,
            dto.Normalization,
            dto.Measure,
            dto.HigherIsBetter,
            dto.Bands?.Select(b => b is null ? null! : AccountScoreBand.Unchecked(b.From, b.Score)).ToList(),
            dto.Missing,
            dto.ImputedValue,
            dto.Gate is { } g ? CriterionGate.Unchecked(g.CapTier, g.Minimum, g.Maximum) : null);

    private static AccountScorecardCriterionDto ToDto(AccountScorecardCriterion c) => new(c.Name, c.Weight, c.Normalization)
    {
        Measure = c.Measure,
        HigherIsBetter = c.HigherIsBetter,
        Bands = c.Bands.Select(b => new AccountScoreBandDto(b.From, b.Score)).ToList(),
        Missing = c.Missing,
        ImputedValue = c.ImputedValue,
        Gate = c.Gate is { } g ? new CriterionGateDto(g.CapTier, g.Minimum, g.Maximum) : null,
    };

    private static OpportunityGrade FromDto(OpportunityGradeDto dto) =>
        dto is null ? null! : OpportunityGrade.Unchecked(FromDto(dto.Tier), dto.MaxDaysToClose, dto.MinLikelihood);

    private static OpportunityGradeDto ToDto(OpportunityGrade g) => new(ToDto(g.Tier), g.MaxDaysToClose, g.MinLikelihood);

    private static RelationshipStage FromDto(RelationshipStageDto dto) =>
        dto is null ? null! : RelationshipStage.Unchecked(FromDto(dto.Tier), dto.MinCollaboration, dto.MinContactBreadth);

    private static RelationshipStageDto ToDto(RelationshipStage s) => new(ToDto(s.Tier), s.MinCollaboration, s.MinContactBreadth);

    private static SelectionGate FromDto(SelectionGateDto dto) =>
        dto is null ? null! : SelectionGate.Unchecked(dto.Measure, dto.Minimum, dto.Maximum);

    private static SelectionGateDto ToDto(SelectionGate g) => new(g.Measure, g.Minimum, g.Maximum);
}
