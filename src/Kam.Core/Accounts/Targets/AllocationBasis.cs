using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Targets;

/// <summary>Where the weights of a top-down allocation of a unit's target to its accounts come from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AllocationBasis>))]
public enum AllocationBasis
{
    /// <summary>Each account's share of last year's figure (<see cref="AllocationFacts.LastYear"/>).</summary>
    LastYear,

    /// <summary>Each account's potential (<see cref="AllocationFacts.Potential"/>), for example its estimated spend in our categories.</summary>
    Potential,

    /// <summary>The weight of each account's tier (<see cref="AllocationFacts.Tier"/>) in <see cref="AllocationPolicy.TierWeights"/>.</summary>
    Tier,

    /// <summary>The weights the host gives (<see cref="AllocationFacts.Weight"/>).</summary>
    Weight,

    /// <summary>The same weight for every account.</summary>
    Equal,
}
