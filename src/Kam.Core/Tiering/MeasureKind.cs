using System.Text.Json.Serialization;

namespace Kam.Core.Tiering;

/// <summary>What kind of quantity a <see cref="MeasureColumn"/> holds, which decides how it is validated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeasureKind>))]
public enum MeasureKind
{
    /// <summary>Any finite number (a score, a share, a number of days).</summary>
    Number,

    /// <summary>An amount of money in the column's single currency (revenue, gross profit, cost to serve, contribution).</summary>
    Amount,

    /// <summary>A count: a whole number, never negative (orders, visits).</summary>
    Count,

    /// <summary>A yes/no answer held as 1 (yes) or 0 (no), such as the Honeywell strategic-account criteria.</summary>
    Flag,
}
