using System.Text.Json.Serialization;

namespace Kam.Core.Value.Summaries;

/// <summary>The unit in which a summary measures recency, age and holdout length.</summary>
/// <remarks>
/// Times are whole days divided by the unit's length in days: 1 for <see cref="Days"/>, 7 for <see cref="Weeks"/>
/// and 365.25 / 12 = 30.4375 for <see cref="Months"/> (the mean Gregorian month), so a summary never depends on which
/// months a customer's history happens to span.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<SummaryTimeUnit>))]
public enum SummaryTimeUnit
{
    /// <summary>Days.</summary>
    Days = 0,

    /// <summary>Weeks of seven days (the unit of the CDNOW papers).</summary>
    Weeks = 1,

    /// <summary>Mean Gregorian months of 30.4375 days.</summary>
    Months = 2,
}
