using System.Text.Json.Serialization;

namespace Kam.Core.Performance;

/// <summary>Where an indicator's actual comes from: given by the host, or derived from <see cref="SalesProcessFacts"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesProcessMeasure>))]
public enum SalesProcessMeasure
{
    /// <summary>The host supplies the actual in <see cref="AppraisalInput.Actuals"/>.</summary>
    None = 0,

    /// <summary>Share of opportunities whose progress was reported on time, as a percentage (0-100).</summary>
    ProgressReportedOnTime = 1,

    /// <summary>Conversion over all stages: converted ÷ entered, summed over stages, as a percentage (0-100).</summary>
    StageConversion = 2,

    /// <summary>Pipeline coverage: open pipeline value ÷ quota, as a multiple (3 = 3×).</summary>
    PipelineCoverage = 3,
}
