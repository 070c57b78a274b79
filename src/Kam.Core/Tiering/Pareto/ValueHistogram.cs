using System.Globalization;

namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// The first pass of the <em>exact</em> mergeable path for Pareto cuts: counts and positive-value sums of one measure
/// in 65,536 buckets of an order-preserving key (each bucket spans 1/16 of a power of two). Partitions each build one,
/// the host merges them, plans the cuts (<see cref="PlanPareto"/>), and a second pass over the partitions collects only
/// the accounts of the few buckets where the cuts fall (<see cref="ParetoCutPlan.Collect"/>).
/// </summary>
/// <remarks>
/// The result is exactly the tiering a single machine computes with <see cref="ParetoEngine.Assign"/>, tie-breaking by
/// account identifier included, up to the order in which floating-point bucket sums are added. Size: two arrays of
/// 65,536 numbers (1 MB) whatever the number of accounts. Immutable and thread-safe; <see cref="Merge"/> is associative
/// and commutative.
/// </remarks>
public sealed class ValueHistogram
{
    internal const int Buckets = 1 << 16;
    private const int Shift = 48;
    private readonly long[] _counts;
    private readonly double[] _sums;

    private ValueHistogram(long[] counts, double[] sums)
    {
        _counts = counts;
        _sums = sums;
        long count = 0;
        var total = 0d;
        for (var b = 0; b < Buckets; b++)
        {
            count += counts[b];
            total += sums[b];
        }

        Count = count;
        PositiveTotal = total;
    }

    /// <summary>Gets the number of values summarized.</summary>
    public long Count { get; }

    /// <summary>Gets the sum of the positive values.</summary>
    public double PositiveTotal { get; }

    /// <summary>Builds the histogram of one partition's values.</summary>
    /// <param name="values">The values; must be finite.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="KamValidationException">A value is NaN or infinite.</exception>
    public static ValueHistogram Create(ReadOnlySpan<double> values)
    {
        var counts = new long[Buckets];
        var sums = new double[Buckets];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                throw new KamValidationException($"values[{i}]", KamErrorCodes.NotFinite, v.ToString(CultureInfo.InvariantCulture), "A histogram takes finite values only.");
            }

            var b = BucketOf(v);
            counts[b]++;
            sums[b] += v > 0d ? v : 0d;
        }

        return new ValueHistogram(counts, sums);
    }

    /// <summary>Combines this histogram with another: the result summarizes both partitions.</summary>
    /// <param name="other">The other partition's histogram.</param>
    /// <returns>The merged histogram.</returns>
    public ValueHistogram Merge(ValueHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var counts = new long[Buckets];
        var sums = new double[Buckets];
        for (var b = 0; b < Buckets; b++)
        {
            counts[b] = _counts[b] + other._counts[b];
            sums[b] = _sums[b] + other._sums[b];
        }

        return new ValueHistogram(counts, sums);
    }

    /// <summary>Finds, for each cut of a Pareto policy, the bucket(s) where the first account outside the cut lies.</summary>
    /// <param name="policy">The policy; its measure is the one this histogram summarizes.</param>
    /// <returns>The plan for the second pass.</returns>
    public ParetoCutPlan PlanPareto(ParetoPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var byValue = policy.CutBasis == ParetoCutBasis.CumulativeValueShare;
        var cuts = new ParetoCutPlan.Cut[policy.Tiers.Count - 1];
        for (var c = 0; c < cuts.Length; c++)
        {
            var limit = byValue ? (double)policy.ShareCuts[c].Fraction * PositiveTotal : 0d;
            var count = policy.CutBasis switch
            {
                ParetoCutBasis.TopCount => policy.CountCuts[c],
                ParetoCutBasis.TopShareOfAccounts => (long)decimal.Ceiling(policy.ShareCuts[c].Fraction * Count),
                _ => 0L,
            };
            cuts[c] = PlanCut(byValue, limit, count);
        }

        return new ParetoCutPlan(policy, cuts);
    }

    internal static int BucketOf(double value) => (int)(RadixSelection.Key(value) >> Shift);

    private ParetoCutPlan.Cut PlanCut(bool byValue, double limit, long count)
    {
        var before = 0d;
        long seen = 0;
        for (var b = Buckets - 1; b >= 0; b--)
        {
            var n = _counts[b];
            if (n == 0)
            {
                continue;
            }

            if (byValue ? before >= limit || before + _sums[b] >= limit : seen + n > count)
            {
                // The crossing is in bucket b, or at the first account of the next non-empty bucket below it.
                var next = b - 1;
                while (next >= 0 && _counts[next] == 0)
                {
                    next--;
                }

                return new ParetoCutPlan.Cut(byValue, limit, count, before, seen, b, next);
            }

            before += _sums[b];
            seen += n;
        }

        return new ParetoCutPlan.Cut(byValue, limit, count, before, seen, -1, -1);
    }
}
