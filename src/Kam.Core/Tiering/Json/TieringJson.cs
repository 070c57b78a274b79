using Kam.Core.Serialization;

namespace Kam.Core.Tiering.Json;

/// <summary>Reads and writes the tiering policies through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.criteria[2].weight</c>).</summary>
internal static class TieringJson
{
    public static ParetoPolicy ReadPareto(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.ParetoPolicyDto);
        return AtRoot(() => dto.CutBasis == ParetoCutBasis.TopCount
            ? ParetoPolicy.CreateTopCount(dto.Measure, dto.Tiers, dto.CountCuts!)
            : ParetoPolicy.Create(dto.Measure, dto.Tiers, dto.ShareCuts!, dto.CutBasis));
    }

    public static string Write(ParetoPolicy policy) => KamJson.Serialize(
        new ParetoPolicyDto
        {
            Measure = policy.Measure,
            CutBasis = policy.CutBasis,
            Tiers = [.. policy.Tiers],
            ShareCuts = policy.CutBasis == ParetoCutBasis.TopCount ? null : [.. policy.ShareCuts],
            CountCuts = policy.CutBasis == ParetoCutBasis.TopCount ? [.. policy.CountCuts] : null,
        },
        TieringJsonContext.Strict.ParetoPolicyDto);

    public static RfmPolicy ReadRfm(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.RfmPolicyDto);
        return AtRoot(() => RfmPolicy.Create(dto.RecencyMeasure, dto.FrequencyMeasure, dto.MonetaryMeasure, dto.Quantiles, dto.Segments, dto.Fallback));
    }

    public static string Write(RfmPolicy policy) => KamJson.Serialize(
        new RfmPolicyDto
        {
            RecencyMeasure = policy.RecencyMeasure,
            FrequencyMeasure = policy.FrequencyMeasure,
            MonetaryMeasure = policy.MonetaryMeasure,
            Quantiles = policy.Quantiles,
            Segments = [.. policy.Segments],
            Fallback = policy.Fallback,
        },
        TieringJsonContext.Strict.RfmPolicyDto);

    public static ScorecardPolicy ReadScorecard(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.ScorecardPolicyDto);
        return AtRoot(() => ScorecardPolicy.Create(dto.Criteria, dto.Tiers, dto.Thresholds));
    }

    public static string Write(ScorecardPolicy policy) => KamJson.Serialize(
        new ScorecardPolicyDto { Criteria = [.. policy.Criteria], Tiers = [.. policy.Tiers], Thresholds = [.. policy.Thresholds] },
        TieringJsonContext.Strict.ScorecardPolicyDto);

    public static GradingPolicy ReadGrading(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.GradingPolicyDto);
        return AtRoot(() => GradingPolicy.Create(dto.DaysToCloseMeasure, dto.LikelihoodMeasure, dto.Grades));
    }

    public static string Write(GradingPolicy policy) => KamJson.Serialize(
        new GradingPolicyDto { DaysToCloseMeasure = policy.DaysToCloseMeasure, LikelihoodMeasure = policy.LikelihoodMeasure, Grades = [.. policy.Grades] },
        TieringJsonContext.Strict.GradingPolicyDto);

    public static RelationshipPolicy ReadRelationship(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.RelationshipPolicyDto);
        return AtRoot(() => RelationshipPolicy.Create(dto.CollaborationMeasure, dto.ContactBreadthMeasure, dto.Stages));
    }

    public static string Write(RelationshipPolicy policy) => KamJson.Serialize(
        new RelationshipPolicyDto { CollaborationMeasure = policy.CollaborationMeasure, ContactBreadthMeasure = policy.ContactBreadthMeasure, Stages = [.. policy.Stages] },
        TieringJsonContext.Strict.RelationshipPolicyDto);

    public static SelectionPolicy ReadSelection(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.SelectionPolicyDto);
        return AtRoot(() => SelectionPolicy.Create(dto.ValueMeasure, dto.Managers, dto.AccountsPerManager, dto.Gates, dto.NearMissCount, dto.Tiers));
    }

    public static string Write(SelectionPolicy policy) => KamJson.Serialize(
        new SelectionPolicyDto
        {
            ValueMeasure = policy.ValueMeasure,
            Managers = policy.Managers,
            AccountsPerManager = policy.AccountsPerManager,
            Gates = [.. policy.Gates],
            NearMissCount = policy.NearMissCount,
            Tiers = [.. policy.Tiers],
        },
        TieringJsonContext.Strict.SelectionPolicyDto);

    public static TierStabilityPolicy ReadStability(string json)
    {
        var dto = KamJson.Deserialize(json, TieringJsonContext.Strict.TierStabilityPolicyDto);
        return AtRoot(() => TierStabilityPolicy.Create(dto.Margin, dto.ConsecutivePeriods));
    }

    public static string Write(TierStabilityPolicy policy) => KamJson.Serialize(
        new TierStabilityPolicyDto { Margin = policy.Margin, ConsecutivePeriods = policy.ConsecutivePeriods },
        TieringJsonContext.Strict.TierStabilityPolicyDto);

    /// <summary>Runs a domain factory and rewrites its member paths (<c>criteria[2].weight</c>) as JSON paths (<c>$.criteria[2].weight</c>).</summary>
    private static T AtRoot<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = "$." + e.Path }));
        }
    }
}
