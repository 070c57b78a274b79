using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Targets;

/// <summary>What kind of number a <see cref="TargetMeasure"/> is, which decides how its targets add up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetMeasureKind>))]
public enum TargetMeasureKind
{
    /// <summary>An amount of money in the measure's currency (bookings, sales, gross profit): targets add up, split and roll up.</summary>
    Money,

    /// <summary>A ratio, 0 or more (share of wallet, service level as a fraction): set per account, never summed.</summary>
    Ratio,

    /// <summary>A score on the host's scale (satisfaction, a net promoter score): set per account, never summed.</summary>
    Score,
}
