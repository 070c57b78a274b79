namespace Kam.Core.Tiering;

/// <summary>
/// One named segment of an RFM segment map: the ranges of recency, frequency and monetary scores (inclusive) that place
/// an account in it. The first segment of the map whose three ranges all hold wins.
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Tier">The segment as a tier: name, meaning and services.</param>
/// <param name="RecencyMin">The lowest recency score admitted.</param>
/// <param name="RecencyMax">The highest recency score admitted.</param>
/// <param name="FrequencyMin">The lowest frequency score admitted.</param>
/// <param name="FrequencyMax">The highest frequency score admitted.</param>
/// <param name="MonetaryMin">The lowest monetary score admitted.</param>
/// <param name="MonetaryMax">The highest monetary score admitted.</param>
public sealed record RfmSegment(TierDefinition Tier, int RecencyMin, int RecencyMax, int FrequencyMin, int FrequencyMax, int MonetaryMin, int MonetaryMax)
{
    internal bool Matches(int r, int f, int m) =>
        r >= RecencyMin && r <= RecencyMax && f >= FrequencyMin && f <= FrequencyMax && m >= MonetaryMin && m <= MonetaryMax;
}
