namespace Kam.Core.Portfolio.Review;

/// <summary>How urgent a fired rule is, for display; the ranking uses the rule's weight.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RuleSeverity>))]
public enum RuleSeverity
{
    /// <summary>Worth noting at the next review.</summary>
    Low,

    /// <summary>Act this period.</summary>
    Medium,

    /// <summary>Act this month.</summary>
    High,

    /// <summary>Act now.</summary>
    Critical,
}
