namespace Kam.Core;

/// <summary>The length of a <see cref="FiscalPeriod"/>; appraisal and pay periods follow the sales cycle.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PeriodKind>))]
public enum PeriodKind
{
    /// <summary>One month.</summary>
    Month = 1,

    /// <summary>Three months.</summary>
    Quarter = 3,

    /// <summary>Six months.</summary>
    Half = 6,

    /// <summary>Twelve months: a whole fiscal year.</summary>
    Year = 12,
}
