using Kam.Core.Serialization;

namespace Kam.Core.Tiering.Json;

/// <summary>Reads and writes the tiering policies through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.criteria[2].weight</c>).</summary>
internal static class TieringJson
{
    public static ParetoPolicy ReadPareto(string json) => KamJson.Read(json, TieringJsonContext.Strict.ParetoPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(ParetoPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.ParetoPolicyDto);

    public static RfmPolicy ReadRfm(string json) => KamJson.Read(json, TieringJsonContext.Strict.RfmPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(RfmPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.RfmPolicyDto);

    public static ScorecardPolicy ReadScorecard(string json) => KamJson.Read(json, TieringJsonContext.Strict.ScorecardPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(ScorecardPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.ScorecardPolicyDto);

    public static GradingPolicy ReadGrading(string json) => KamJson.Read(json, TieringJsonContext.Strict.GradingPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(GradingPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.GradingPolicyDto);

    public static RelationshipPolicy ReadRelationship(string json) => KamJson.Read(json, TieringJsonContext.Strict.RelationshipPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(RelationshipPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.RelationshipPolicyDto);

    public static SelectionPolicy ReadSelection(string json) => KamJson.Read(json, TieringJsonContext.Strict.SelectionPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(SelectionPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.SelectionPolicyDto);

    public static TierStabilityPolicy ReadStability(string json) => KamJson.Read(json, TieringJsonContext.Strict.TierStabilityPolicyDto, dto => AtPath("$.", FromDto(dto)));

    public static string Write(TierStabilityPolicy policy) => KamJson.Serialize(ToDto(policy), TieringJsonContext.Strict.TierStabilityPolicyDto);

    /// <summary>Reads the combined policy file: every section optional (missing or null → the default policy); all sections' problems reported together.</summary>
    public static TieringOptions ReadOptions(string json) => KamJson.Read(json, TieringJsonContext.Strict.TieringOptionsDto, FromDto);

    private static TieringOptions FromDto(TieringOptionsDto dto)
    {
        var options = new TieringOptions();
        var errors = new List<KamValidationError>();
        Section(errors, "$.pareto.", dto.Pareto, FromDto, p => options.Pareto = p);
        Section(errors, "$.rfm.", dto.Rfm, FromDto, p => options.Rfm = p);
        Section(errors, "$.scorecard.", dto.Scorecard, FromDto, p => options.Scorecard = p);
        Section(errors, "$.grading.", dto.Grading, FromDto, p => options.Grading = p);
        Section(errors, "$.relationship.", dto.Relationship, FromDto, p => options.Relationship = p);
        Section(errors, "$.selection.", dto.Selection, FromDto, p => options.Selection = p);
        Section(errors, "$.stability.", dto.Stability, FromDto, p => options.Stability = p);
        return errors.Count == 0 ? options : throw new KamValidationException(errors);
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
        },
        TieringJsonContext.Strict.TieringOptionsDto);

    private static Func<ParetoPolicy> FromDto(ParetoPolicyDto dto) => () => dto.CutBasis == ParetoCutBasis.TopCount
        ? ParetoPolicy.CreateTopCount(dto.Measure, dto.Tiers, dto.CountCuts!)
        : ParetoPolicy.Create(dto.Measure, dto.Tiers, dto.ShareCuts!, dto.CutBasis ?? ParetoCutBasis.CumulativeValueShare);

    private static ParetoPolicyDto ToDto(ParetoPolicy policy) => new()
    {
        Measure = policy.Measure,
        CutBasis = policy.CutBasis,
        Tiers = [.. policy.Tiers],
        ShareCuts = policy.CutBasis == ParetoCutBasis.TopCount ? null : [.. policy.ShareCuts],
        CountCuts = policy.CutBasis == ParetoCutBasis.TopCount ? [.. policy.CountCuts] : null,
    };

    private static Func<RfmPolicy> FromDto(RfmPolicyDto dto) => () =>
        RfmPolicy.Create(dto.RecencyMeasure, dto.FrequencyMeasure, dto.MonetaryMeasure, dto.Quantiles ?? 5, dto.Segments, dto.Fallback);

    private static RfmPolicyDto ToDto(RfmPolicy policy) => new()
    {
        RecencyMeasure = policy.RecencyMeasure,
        FrequencyMeasure = policy.FrequencyMeasure,
        MonetaryMeasure = policy.MonetaryMeasure,
        Quantiles = policy.Quantiles,
        Segments = [.. policy.Segments],
        Fallback = policy.Fallback,
    };

    private static Func<ScorecardPolicy> FromDto(ScorecardPolicyDto dto) => () => ScorecardPolicy.Create(dto.Criteria, dto.Tiers, dto.Thresholds);

    private static ScorecardPolicyDto ToDto(ScorecardPolicy policy) =>
        new() { Criteria = [.. policy.Criteria], Tiers = [.. policy.Tiers], Thresholds = [.. policy.Thresholds] };

    private static Func<GradingPolicy> FromDto(GradingPolicyDto dto) => () => GradingPolicy.Create(dto.DaysToCloseMeasure, dto.LikelihoodMeasure, dto.Grades);

    private static GradingPolicyDto ToDto(GradingPolicy policy) =>
        new() { DaysToCloseMeasure = policy.DaysToCloseMeasure, LikelihoodMeasure = policy.LikelihoodMeasure, Grades = [.. policy.Grades] };

    private static Func<RelationshipPolicy> FromDto(RelationshipPolicyDto dto) => () =>
        RelationshipPolicy.Create(dto.CollaborationMeasure, dto.ContactBreadthMeasure, dto.Stages);

    private static RelationshipPolicyDto ToDto(RelationshipPolicy policy) =>
        new() { CollaborationMeasure = policy.CollaborationMeasure, ContactBreadthMeasure = policy.ContactBreadthMeasure, Stages = [.. policy.Stages] };

    private static Func<SelectionPolicy> FromDto(SelectionPolicyDto dto) => () =>
        SelectionPolicy.Create(dto.ValueMeasure, dto.Managers, dto.AccountsPerManager ?? 9, dto.Gates, dto.NearMissCount ?? 5, dto.Tiers);

    private static SelectionPolicyDto ToDto(SelectionPolicy policy) => new()
    {
        ValueMeasure = policy.ValueMeasure,
        Managers = policy.Managers,
        AccountsPerManager = policy.AccountsPerManager,
        Gates = [.. policy.Gates],
        NearMissCount = policy.NearMissCount,
        Tiers = [.. policy.Tiers],
    };

    private static Func<TierStabilityPolicy> FromDto(TierStabilityPolicyDto dto) => () => TierStabilityPolicy.Create(dto.Margin, dto.ConsecutivePeriods);

    private static TierStabilityPolicyDto ToDto(TierStabilityPolicy policy) => new() { Margin = policy.Margin, ConsecutivePeriods = policy.ConsecutivePeriods };

    /// <summary>Builds one section of the combined file when present, collecting its problems under the section's JSON path.</summary>
    private static void Section<TDto, TPolicy>(List<KamValidationError> errors, string prefix, TDto? dto, Func<TDto, Func<TPolicy>> create, Action<TPolicy> set)
        where TDto : class
    {
        if (dto is null)
        {
            return;
        }

        try
        {
            set(AtPath(prefix, create(dto)));
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors);
        }
    }

    /// <summary>Runs a domain factory and rewrites its member paths (<c>criteria[2].weight</c>) as JSON paths under <paramref name="prefix"/> (<c>$.criteria[2].weight</c>).</summary>
    private static T AtPath<T>(string prefix, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = prefix + e.Path }));
        }
    }
}
