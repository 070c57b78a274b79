using System.Text.Json;
using Kam.Core.Stages;

namespace Kam.Core.Relationships.Serialization;

/// <summary>
/// The JSON shape of a <see cref="StageEvidencePolicy"/>: decisions as lists of names (<c>["Supplier", "Signature"]</c>),
/// the stage as its name. An item member that is absent takes the default key; <c>null</c> turns the item off (hence a
/// <see cref="JsonElement"/>, which tells an absent member from a <c>null</c> one).
/// </summary>
internal sealed record StageEvidencePolicyDto
{
    public JsonElement OrganizationMappedItem { get; init; }

    public int? MinContacts { get; init; }

    public List<DecisionLevel>? MappedLevels { get; init; }

    public List<string>? MappedDecisions { get; init; }

    public JsonElement DecisionMakersInfluencedItem { get; init; }

    public List<string>? InfluenceDecisions { get; init; }

    public int? MinStrength { get; init; }

    public Attitude? MinAttitude { get; init; }

    public SalesStage? UncoveredFrom { get; init; }

    public bool? Withdraw { get; init; }
}
