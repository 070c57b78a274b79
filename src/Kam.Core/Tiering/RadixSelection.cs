namespace Kam.Core.Tiering;

/// <summary>
/// Exact order statistics (quantile cuts) in two linear passes, without sorting: a histogram of the
/// values' top 16 key bits (counts per bucket), then only the values of the one bucket holding the answer are
/// collected and sorted (the same layout as <see cref="Pareto.ValueHistogram"/>, the exact mergeable path for Pareto cuts).
/// </summary>
/// <remarks>
/// The key of a double is its IEEE bit pattern mapped so that unsigned order equals numeric order; the top 16 bits are
/// sign, exponent and 4 mantissa bits, so each bucket spans 1/16 of a power of two. If a bucket is still large (values
/// bunched in a narrow range) the candidates are sorted; that costs O(k log k) for k candidates, never worse than a sort.
/// </remarks>
internal static class RadixSelection
{
    private const int Buckets = 1 << 16;
    private const int Shift = 48;

    /// <summary>An order-preserving unsigned key of a double (−0 and +0 map to the same key).</summary>
    public static ulong Key(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value + 0d);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>The values at the given 0-based ranks in ascending order (ranks ascending, each within 0…n−1).</summary>
    public static double[] ValuesAtRanks(double[] values, int[] ranks)
    {
        var counts = new int[Buckets];
        foreach (var v in values)
        {
            counts[Key(v) >> Shift]++;
        }

        var result = new double[ranks.Length];
        var bucketOfRank = new int[ranks.Length];
        var rankInBucket = new int[ranks.Length];
        var slot = new int[Buckets];
        Array.Fill(slot, -1);
        var targets = new List<int>();
        var seen = 0;
        var r = 0;
        for (var b = 0; b < Buckets && r < ranks.Length; b++)
        {
            while (r < ranks.Length && ranks[r] < seen + counts[b])
            {
                bucketOfRank[r] = b;
                rankInBucket[r] = ranks[r] - seen;
                if (slot[b] < 0)
                {
                    slot[b] = targets.Count;
                    targets.Add(b);
                }

                r++;
            }

            seen += counts[b];
        }

        var candidates = new double[targets.Count][];
        var filled = new int[targets.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            candidates[t] = new double[counts[targets[t]]];
        }

        foreach (var v in values)
        {
            var s = slot[Key(v) >> Shift];
            if (s >= 0)
            {
                candidates[s][filled[s]++] = v;
            }
        }

        foreach (var c in candidates)
        {
            Array.Sort(c);
        }

        for (var k = 0; k < ranks.Length; k++)
        {
            result[k] = candidates[slot[bucketOfRank[k]]][rankInBucket[k]];
        }

        return result;
    }
}
