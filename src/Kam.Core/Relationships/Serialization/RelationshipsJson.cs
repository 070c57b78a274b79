using Kam.Core.Serialization;

namespace Kam.Core.Relationships.Serialization;

/// <summary>Reads and writes the Relationships rule files through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.weights.SingleThreaded</c>).</summary>
internal static class RelationshipsJson
{
    public static CoveragePolicy ReadCoveragePolicy(string json) => KamJson.Read(json, RelationshipsJsonContext.Strict.CoveragePolicyDto, FromDto);

    public static string Write(CoveragePolicy policy) => KamJson.Serialize(
        new CoveragePolicyDto
        {
            MinStrength = policy.MinStrength,
            RequiredLevels = [.. policy.RequiredLevels],
            PeerLevels = [.. policy.PeerLevels],
            MinThreads = policy.MinThreads,
            InfluentialAt = policy.InfluentialAt,
            OpponentAt = policy.OpponentAt,
            Weights = Enum.GetValues<CoverageFindingKind>().ToDictionary(k => k.ToString(), k => policy.Weights[k], StringComparer.Ordinal),
        },
        RelationshipsJsonContext.Strict.CoveragePolicyDto);

    private static CoveragePolicy FromDto(CoveragePolicyDto dto)
    {
        var errors = new List<KamValidationError>();
        Dictionary<CoverageFindingKind, decimal>? weights = null;
        if (dto.Weights is not null)
        {
            weights = [];
            foreach (var (name, weight) in dto.Weights)
            {
                if (Enum.TryParse<CoverageFindingKind>(name, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && kind.ToString() == name)
                {
                    weights[kind] = weight;
                }
                else
                {
                    errors.Add(new KamValidationError($"$.weights.{name}", KamErrorCodes.Unknown, name, "Not a kind of coverage finding; the kinds are " + string.Join(", ", Enum.GetNames<CoverageFindingKind>()) + "."));
                }
            }
        }

        CoveragePolicy? policy = null;
        try
        {
            policy = new CoveragePolicy(
                dto.MinStrength ?? 3,
                dto.RequiredLevels,
                dto.PeerLevels,
                dto.MinThreads ?? 2,
                dto.InfluentialAt ?? 3,
                dto.OpponentAt ?? Attitude.Opponent,
                weights);
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Path = "$." + e.Path }));
        }

        return errors.Count > 0 ? throw new KamValidationException(errors) : policy!;
    }
}
