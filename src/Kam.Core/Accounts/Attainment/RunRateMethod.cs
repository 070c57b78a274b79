using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Attainment;

/// <summary>How the run-rate projection extends the actual of a period that has begun to the whole period.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunRateMethod>))]
public enum RunRateMethod
{
    /// <summary>Linear on elapsed days: actual × days of the period ÷ days elapsed up to the as-of day (included). The default.</summary>
    ElapsedDays = 1,

    /// <summary>On completed months: actual of the completed months × months of the period ÷ completed months; the actual so far while no month is complete.</summary>
    CompletedMonths = 2,
}
