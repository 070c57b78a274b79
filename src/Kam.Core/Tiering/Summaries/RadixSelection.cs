namespace Kam.Core.Tiering;

/// <summary>
/// Exact order statistics and cumulative-share crossings in two linear passes, without sorting: a histogram of the
/// values' top 16 key bits (counts and sums per bucket), then only the values of the one bucket holding the answer are
/// collected and sorted. The histogram is mergeable (bucket-wise addition), which is the exact two-pass path for
/// partitioned portfolios.
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

    /// <summary>
    /// The first account <em>outside</em> a cut, in the ranking "value descending, then identifier ascending": for a
    /// value cut, the first whose positive value ranked before it reaches <paramref name="limit"/>; for a count cut, the
    /// account at 0-based position <paramref name="count"/>. Returns −1 when every account is inside.
    /// </summary>
    public static int FirstOutside(double[] values, AccountId[] ids, double limit, long count, bool byValue, Histogram histogram)
    {
        // Walk buckets from the highest key down, accumulating positive value (or counts) ranked before each bucket.
        var before = 0d;
        long seen = 0;
        for (var b = Buckets - 1; b >= 0; b--)
        {
            var n = histogram.Counts[b];
            if (n == 0)
            {
                continue;
            }

            var crosses = byValue
                ? before >= limit || before + histogram.Sums[b] >= limit
                : seen + n > count;
            if (crosses)
            {
                var members = Members(values, ids, b, n);
                for (var k = 0; k < members.Length; k++)
                {
                    var i = members[k];
                    if (byValue ? before >= limit || values[i] <= 0d : seen >= count)
                    {
                        return i;
                    }

                    before += values[i] > 0d ? values[i] : 0d;
                    seen++;
                }

                continue;
            }

            before += histogram.Sums[b];
            seen += n;
        }

        return -1;
    }

    /// <summary>Tells whether account <paramref name="i"/> ranks before account <paramref name="j"/> (value descending, id ascending).</summary>
    public static bool RanksBefore(double[] values, AccountId[] ids, int i, int j) =>
        values[i] > values[j] || (values[i] == values[j] && ids[i].CompareTo(ids[j]) < 0);

    /// <summary>The accounts in one bucket, sorted by value descending then identifier ascending.</summary>
    private static int[] Members(double[] values, AccountId[] ids, int bucket, int count)
    {
        var members = new int[count];
        var k = 0;
        for (var i = 0; i < values.Length && k < count; i++)
        {
            if ((int)(Key(values[i]) >> Shift) == bucket)
            {
                members[k++] = i;
            }
        }

        Array.Sort(members, (a, b) => a == b ? 0 : RanksBefore(values, ids, a, b) ? -1 : 1);
        return members;
    }

    /// <summary>Counts and positive-value sums per bucket: one pass, mergeable by addition.</summary>
    internal sealed class Histogram
    {
        private Histogram(int[] counts, double[] sums)
        {
            Counts = counts;
            Sums = sums;
        }

        public int[] Counts { get; }

        public double[] Sums { get; }

        public static Histogram Of(double[] values)
        {
            var counts = new int[Buckets];
            var sums = new double[Buckets];
            foreach (var v in values)
            {
                var b = Key(v) >> Shift;
                counts[b]++;
                sums[b] += v > 0d ? v : 0d;
            }

            return new Histogram(counts, sums);
        }
    }
}
