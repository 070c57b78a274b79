using System.Text.Json.Serialization;

namespace Kam.Core.Tiering.Scorecard;

/// <summary>How a scorecard criterion turns a raw measure into a score between 0 and 1.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Normalization>))]
public enum Normalization
{
    /// <summary>(value − min) ÷ (max − min) over the portfolio; 0.5 for everyone when all values are equal.</summary>
    MinMax,

    /// <summary>The z-score (value − mean) ÷ standard deviation, clamped to ±3 and mapped linearly onto 0…1; 0.5 when all values are equal.</summary>
    ZScore,

    /// <summary>The percentile rank (mid-rank of ties − 1) ÷ (n − 1); 0.5 for a portfolio of one.</summary>
    PercentileRank,

    /// <summary>Declared bands: a value gets the score of the highest band whose lower bound it reaches, 0 below the first band.</summary>
    Bands,

    /// <summary>A yes/no answer: yes = 1, no = 0.</summary>
    YesNo,
}
