using System.Text.Json.Serialization;

namespace Kam.Core.Performance;

/// <summary>How results for sub-periods (months, quarters) roll up to a longer period (quarter, half, year).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RollUpRule>))]
public enum RollUpRule
{
    /// <summary>Each indicator's score is the mean of its sub-period scores weighted by the months each covers.</summary>
    MonthWeightedMean = 0,

    /// <summary>The latest sub-period's scores stand for the whole period (cumulative indicators).</summary>
    Latest = 1,

    /// <summary>Each indicator's score is its lowest sub-period score (a standard that must hold all along).</summary>
    Minimum = 2,
}
