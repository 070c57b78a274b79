using System.Text.Json;
using Kam.Core.Serialization;
using Kam.Core.Stages;

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

    public static StageEvidencePolicy ReadStageEvidencePolicy(string json) => KamJson.Read(json, RelationshipsJsonContext.Strict.StageEvidencePolicyDto, FromDto);

    public static string Write(StageEvidencePolicy policy) => KamJson.Serialize(
        new StageEvidencePolicyDto
        {
            OrganizationMappedItem = Element(policy.OrganizationMappedItem),
            MinContacts = policy.MinContacts,
            MappedLevels = [.. policy.MappedLevels],
            MappedDecisions = Names(policy.MappedDecisions),
            DecisionMakersInfluencedItem = Element(policy.DecisionMakersInfluencedItem),
            InfluenceDecisions = Names(policy.InfluenceDecisions),
            MinStrength = policy.MinStrength,
            MinAttitude = policy.MinAttitude,
            UncoveredFrom = policy.UncoveredFrom,
            Withdraw = policy.Withdraw,
        },
        RelationshipsJsonContext.Strict.StageEvidencePolicyDto);

    private static StageEvidencePolicy FromDto(StageEvidencePolicyDto dto)
    {
        var errors = new ValidationCollector();
        var mappedItem = Item(errors, "$.organizationMappedItem", dto.OrganizationMappedItem, StageEvidencePolicy.DefaultOrganizationMappedItem);
        var influencedItem = Item(errors, "$.decisionMakersInfluencedItem", dto.DecisionMakersInfluencedItem, StageEvidencePolicy.DefaultDecisionMakersInfluencedItem);
        var mappedDecisions = Decisions(errors, "$.mappedDecisions", dto.MappedDecisions);
        var influenceDecisions = Decisions(errors, "$.influenceDecisions", dto.InfluenceDecisions);
        var policy = KamJson.Nested(errors, "$", () => new StageEvidencePolicy(
            mappedItem,
            dto.MinContacts ?? 3,
            dto.MappedLevels,
            mappedDecisions,
            influencedItem,
            influenceDecisions,
            dto.MinStrength ?? 3,
            dto.MinAttitude ?? Attitude.Neutral,
            dto.UncoveredFrom ?? SalesStage.SolutionDemonstration,
            dto.Withdraw ?? false));
        errors.ThrowIfAny();
        return policy!;
    }

    private static string? Item(ValidationCollector errors, string path, JsonElement value, string fallback)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return fallback;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.GetString();
            default:
                errors.Add(path, KamErrorCodes.InvalidFormat, value.GetRawText(), "An item key is a string, or null not to evaluate the item.");
                return fallback;
        }
    }

    private static BuyingDecisions Decisions(ValidationCollector errors, string path, List<string>? names)
    {
        if (names is null)
        {
            return BuyingDecisions.All;
        }

        var decisions = BuyingDecisions.None;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name is not null && Enum.TryParse<BuyingDecisions>(name, ignoreCase: false, out var one) && one.ToString() == name && one is not BuyingDecisions.None and not BuyingDecisions.All)
            {
                if ((decisions & one) != BuyingDecisions.None)
                {
                    errors.Add($"{path}[{i}]", KamErrorCodes.Duplicate, name, "This decision is listed twice.");
                }

                decisions |= one;
            }
            else
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.Unknown, name, "Not one of the five decisions: Whether, When, Budget, Supplier, Signature.");
            }
        }

        return decisions;
    }

    private static List<string> Names(BuyingDecisions decisions) =>
        [.. new[] { BuyingDecisions.Whether, BuyingDecisions.When, BuyingDecisions.Budget, BuyingDecisions.Supplier, BuyingDecisions.Signature }.Where(d => (decisions & d) != BuyingDecisions.None).Select(d => d.ToString())];

    private static JsonElement Element(string? key)
    {
        using var document = JsonDocument.Parse(key is null ? "null" : JsonSerializer.Serialize(key, RelationshipsJsonContext.Strict.String));
        return document.RootElement.Clone();
    }
}
