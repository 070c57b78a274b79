namespace Kam.Core.Portfolio.Review;

/// <summary>How a rule condition compares a signal with its threshold. An absent signal meets no condition.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ConditionOperator>))]
public enum ConditionOperator
{
    /// <summary>The value is below the threshold (<c>&lt;</c>).</summary>
    LessThan,

    /// <summary>The value is at most the threshold (<c>≤</c>).</summary>
    AtMost,

    /// <summary>The value is above the threshold (<c>&gt;</c>).</summary>
    GreaterThan,

    /// <summary>The value is at least the threshold (<c>≥</c>).</summary>
    AtLeast,

    /// <summary>The value equals the threshold (for flags and counts).</summary>
    EqualTo,
}
