using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Attainment;

/// <summary>How the forecast of the bookings measure is made (other money measures have no pipeline and use the run rate).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ForecastMethod>))]
public enum ForecastMethod
{
    /// <summary>Actual to date plus the weighted pipeline expected to close in the period. The default.</summary>
    ActualPlusWeightedPipeline = 1,

    /// <summary>The run-rate projection of the actual.</summary>
    RunRate = 2,
}
