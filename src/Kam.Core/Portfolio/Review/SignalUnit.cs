namespace Kam.Core.Portfolio.Review;

/// <summary>What a signal's number measures, so that a host prints it right.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SignalUnit>))]
public enum SignalUnit
{
    /// <summary>An amount in the currency of the part it comes from.</summary>
    Money,

    /// <summary>A fraction (0.25 = 25%); may exceed 1 (a credit limit used 1.2 times).</summary>
    Ratio,

    /// <summary>A probability, 0 to 1.</summary>
    Probability,

    /// <summary>A number of things (opportunities, findings, alerts).</summary>
    Count,

    /// <summary>A number of days.</summary>
    Days,

    /// <summary>A score or index on the scale of the part it comes from, or its change.</summary>
    Score,

    /// <summary>A position, 0 for the best.</summary>
    Rank,

    /// <summary>1 when a condition holds, 0 when it does not.</summary>
    Flag,

    /// <summary>A number of hours (a month's contact hours, for example).</summary>
    Hours,
}
