using Kam.Core.Value.Economics;

namespace Kam.Core.Value.Serialization;

/// <summary>The JSON form of <see cref="AccountEconomicsPolicy"/>.</summary>
internal sealed record AccountEconomicsPolicyDto
{
    public required IReadOnlyList<VolumeDiscountTierDto> VolumeDiscounts { get; init; }
}

/// <summary>The JSON form of <see cref="VolumeDiscountTier"/>.</summary>
internal sealed record VolumeDiscountTierDto
{
    public required Money MinimumRevenue { get; init; }

    public required Percentage Rate { get; init; }
}
