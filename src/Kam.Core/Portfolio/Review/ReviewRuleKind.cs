namespace Kam.Core.Portfolio.Review;

/// <summary>Whether a rule flags a risk to act on or an opportunity to pursue; the dashboard ranks each kind separately.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReviewRuleKind>))]
public enum ReviewRuleKind
{
    /// <summary>A risk: revenue, margin or the relationship may be lost.</summary>
    Risk,

    /// <summary>An opportunity: growth worth investing in.</summary>
    Opportunity,
}
