using Kam.Core.Value.Retention;

namespace Kam.Core.Value.Serialization;

/// <summary>The JSON form of <see cref="RetentionPolicy"/>.</summary>
internal sealed record RetentionPolicyDto
{
    public required decimal AcquisitionToRetentionCostRatio { get; init; }

    public required Percentage RetentionImprovement { get; init; }
}
