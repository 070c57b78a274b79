using System.Text.Json.Serialization;

namespace Kam.Core.Compensation;

/// <summary>How the rates of a tiered commission schedule apply.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BandMethod>))]
public enum BandMethod
{
    /// <summary>Each band's rate applies to the part of the basis inside that band.</summary>
    Marginal = 0,

    /// <summary>The rate of the band the basis reaches applies to the whole basis.</summary>
    Retroactive = 1,
}

/// <summary>What the band bounds of a commission schedule measure.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BandMeasure>))]
public enum BandMeasure
{
    /// <summary>Bounds are amounts of the basis in the plan's currency, stated per year; a month uses 1/12 of them.</summary>
    Volume = 0,

    /// <summary>Bounds are fractions of the period's quota (1 = 100% attainment).</summary>
    Attainment = 1,
}

/// <summary>What commission is paid on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommissionBasis>))]
public enum CommissionBasis
{
    /// <summary>Booked sales: the deal amount, in the month the deal is booked.</summary>
    BookedSales = 0,

    /// <summary>Gross profit of the deal, in the month the deal is booked.</summary>
    GrossProfit = 1,

    /// <summary>Cash actually collected, in the month it is received (rule book: docs/rules/performance-and-pay.md).</summary>
    CollectedCash = 2,
}
