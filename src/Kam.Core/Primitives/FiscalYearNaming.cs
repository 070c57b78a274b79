namespace Kam.Core;

/// <summary>Which calendar year gives a fiscal year its number when the fiscal year does not start in January.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FiscalYearNaming>))]
public enum FiscalYearNaming
{
    /// <summary>The fiscal year is named after the calendar year in which it ends (April 2026 – March 2027 is FY2027).</summary>
    EndYear,

    /// <summary>The fiscal year is named after the calendar year in which it starts (April 2026 – March 2027 is FY2026).</summary>
    StartYear,
}
