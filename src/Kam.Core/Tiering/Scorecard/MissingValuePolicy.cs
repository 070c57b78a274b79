using System.Text.Json.Serialization;

namespace Kam.Core.Tiering.Scorecard;

/// <summary>What a scorecard criterion does with an account whose value is missing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MissingValuePolicy>))]
public enum MissingValuePolicy
{
    /// <summary>Refuse the portfolio: a missing value is a validation error naming the account.</summary>
    Fail,

    /// <summary>Score the criterion 0 (the worst score) and fail the criterion's gate, if any.</summary>
    TreatAsWorst,

    /// <summary>Use the criterion's stated <see cref="AccountScorecardCriterion.ImputedValue"/> as the raw value.</summary>
    Impute,
}
