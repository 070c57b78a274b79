using System.Globalization;

namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// A mergeable summary of one measure over many accounts, with a guaranteed relative accuracy: counts and sums of the
/// values in logarithmic buckets (the DDSketch layout). Partitions of a huge portfolio each build a sketch, the sketches
/// are merged, and the merged sketch gives quantiles (for RFM scores and percentile cuts) and the value thresholds of
/// cumulative-share cuts (for Pareto/ABC) that every partition then applies locally.
/// </summary>
/// <remarks>
/// <para>
/// <b>Accuracy.</b> With relative accuracy α (default 1%), every value is kept in a bucket whose bounds are within a
/// factor γ = (1+α)/(1−α) of each other, and a bucket is represented by a value within α of each of its members.
/// Hence <see cref="Quantile"/> returns a value within relative error α of the exact quantile (the value of the
/// account at that rank), and each of <see cref="ParetoCutPoints"/> is within relative error α of the exact crossing
/// value: only accounts whose value lies within ±α of the exact threshold can land on the other side of a cut. Counts
/// and sums are exact (sums up to floating-point addition), so the tier shares of the resulting summary are exact for
/// the accounts as actually tiered. Size: one bucket per factor γ of the value range (about 1,200 buckets cover
/// 1 to 10¹⁰ at α = 1%), independent of the number of accounts.
/// </para>
/// <para>
/// <b>Why hand-written.</b> The NuGet mirror used to build Kam.Core offers no maintained t-digest or KLL package
/// (<c>TDigest</c> does not restore), and a DDSketch-style layout is a few dozen lines whose error bound is
/// deterministic, not probabilistic, and whose merge is exactly associative and commutative (bucket-wise addition).
/// </para>
/// <para>Immutable and thread-safe; <see cref="Merge"/> returns a new sketch.</para>
/// </remarks>
public sealed class ValueSketch
{
    private readonly SortedDictionary<int, Bucket> _positive;
    private readonly SortedDictionary<int, Bucket> _negative;
    private readonly double _logGamma;

    private ValueSketch(double accuracy, SortedDictionary<int, Bucket> positive, SortedDictionary<int, Bucket> negative, long zeros)
    {
        RelativeAccuracy = accuracy;
        _logGamma = Math.Log((1d + accuracy) / (1d - accuracy));
        _positive = positive;
        _negative = negative;
        ZeroCount = zeros;
        long count = zeros;
        double sum = 0d;
        foreach (var b in positive.Values)
        {
            count += b.Count;
            sum += b.Sum;
        }

        PositiveTotal = sum;
        foreach (var b in negative.Values)
        {
            count += b.Count;
        }

        Count = count;
    }

    /// <summary>Gets the relative accuracy α.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Gets the number of values summarized.</summary>
    public long Count { get; }

    /// <summary>Gets the number of values equal to zero.</summary>
    public long ZeroCount { get; }

    /// <summary>Gets the sum of the positive values (the base of cumulative shares of value).</summary>
    public double PositiveTotal { get; }

    /// <summary>Gets the number of non-empty buckets (the sketch's size).</summary>
    public int BucketCount => _positive.Count + _negative.Count;

    /// <summary>Builds a sketch of some values.</summary>
    /// <param name="values">The values; must be finite.</param>
    /// <param name="relativeAccuracy">The relative accuracy α, between 0.0001 and 0.5.</param>
    /// <returns>The sketch.</returns>
    /// <exception cref="KamValidationException">A value is NaN or infinite, or α is out of range.</exception>
    public static ValueSketch Create(ReadOnlySpan<double> values, double relativeAccuracy = 0.01)
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange("relativeAccuracy", relativeAccuracy, 0.0001, 0.5);
        errors.ThrowIfAny();
        var logGamma = Math.Log((1d + relativeAccuracy) / (1d - relativeAccuracy));
        var positive = new Dictionary<int, Bucket>();
        var negative = new Dictionary<int, Bucket>();
        long zeros = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                throw new KamValidationException($"values[{i}]", KamErrorCodes.NotFinite, v.ToString(CultureInfo.InvariantCulture), "A sketch takes finite values only.");
            }

            if (v == 0d)
            {
                zeros++;
                continue;
            }

            var store = v > 0d ? positive : negative;
            var key = (int)Math.Ceiling(Math.Log(Math.Abs(v)) / logGamma);
            store.TryGetValue(key, out var bucket);
            store[key] = new Bucket(bucket.Count + 1, bucket.Sum + v);
        }

        return new ValueSketch(relativeAccuracy, new SortedDictionary<int, Bucket>(positive), new SortedDictionary<int, Bucket>(negative), zeros);
    }

    /// <summary>Combines this sketch with another of the same accuracy: the result summarizes both sets of values.</summary>
    /// <param name="other">The other sketch.</param>
    /// <returns>The merged sketch; merging is associative and commutative.</returns>
    /// <exception cref="KamValidationException">The accuracies differ.</exception>
    public ValueSketch Merge(ValueSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RelativeAccuracy != RelativeAccuracy)
        {
            throw new KamValidationException("other.relativeAccuracy", KamErrorCodes.OutOfRange, other.RelativeAccuracy.ToString(CultureInfo.InvariantCulture), "Only sketches with the same relative accuracy can be merged.");
        }

        return new ValueSketch(RelativeAccuracy, Add(_positive, other._positive), Add(_negative, other._negative), ZeroCount + other.ZeroCount);
    }

    /// <summary>Gets the value at a quantile by the nearest-rank rule: the ⌈q·n⌉-th lowest value (the lowest for q = 0), within relative error α.</summary>
    /// <param name="quantile">The quantile, 0 to 1.</param>
    /// <returns>The approximate value.</returns>
    /// <exception cref="KamValidationException">The sketch is empty or the quantile is out of range.</exception>
    public double Quantile(double quantile)
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange(nameof(quantile), quantile, 0d, 1d);
        errors.ThrowIfAny();
        RequireData();
        var rank = Math.Max(0L, (long)Math.Ceiling(quantile * Count) - 1);
        long seen = 0;
        foreach (var (key, bucket) in _negative.Reverse())
        {
            seen += bucket.Count;
            if (seen > rank)
            {
                return -Representative(key);
            }
        }

        seen += ZeroCount;
        if (seen > rank)
        {
            return 0d;
        }

        foreach (var (key, bucket) in _positive)
        {
            seen += bucket.Count;
            if (seen > rank)
            {
                return Representative(key);
            }
        }

        return Representative(_positive.Keys.Last());
    }

    /// <summary>
    /// Gets the value thresholds that tier a partition for a Pareto policy: accounts with value at or above threshold
    /// <c>k</c> (and above zero) are in tier <c>k</c> or better. Use with <see cref="ParetoEngine.AssignWithCutPoints"/>.
    /// </summary>
    /// <param name="policy">The policy; its measure is the one this sketch summarizes.</param>
    /// <returns>One threshold per tier boundary, not increasing, each within relative error α of the exact one.</returns>
    /// <exception cref="KamValidationException">The sketch is empty.</exception>
    public IReadOnlyList<double> ParetoCutPoints(ParetoPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireData();
        var cuts = new double[policy.Tiers.Count - 1];
        for (var c = 0; c < cuts.Length; c++)
        {
            cuts[c] = policy.CutBasis switch
            {
                ParetoCutBasis.CumulativeValueShare => ValueAtShare((double)policy.ShareCuts[c].Fraction * PositiveTotal),
                ParetoCutBasis.TopCount => ValueAtTopRank(policy.CountCuts[c]),
                _ => ValueAtTopRank((long)decimal.Ceiling(policy.ShareCuts[c].Fraction * Count)),
            };
        }

        return cuts;
    }

    private static SortedDictionary<int, Bucket> Add(SortedDictionary<int, Bucket> left, SortedDictionary<int, Bucket> right)
    {
        var sum = new SortedDictionary<int, Bucket>(left);
        foreach (var (key, bucket) in right)
        {
            sum.TryGetValue(key, out var existing);
            sum[key] = new Bucket(existing.Count + bucket.Count, existing.Sum + bucket.Sum);
        }

        return sum;
    }

    /// <summary>The value of the account whose cumulative value (from the top) crosses <paramref name="limit"/>.</summary>
    private double ValueAtShare(double limit)
    {
        var cumulative = 0d;
        foreach (var (key, bucket) in _positive.Reverse())
        {
            if (cumulative + bucket.Sum >= limit || cumulative >= limit)
            {
                return Representative(key);
            }

            cumulative += bucket.Sum;
        }

        return double.Epsilon;
    }

    /// <summary>The value of the last account among the top <paramref name="count"/>; above every value when count is 0.</summary>
    private double ValueAtTopRank(long count)
    {
        if (count <= 0)
        {
            return double.MaxValue;
        }

        long seen = 0;
        foreach (var (key, bucket) in _positive.Reverse())
        {
            seen += bucket.Count;
            if (seen >= count)
            {
                return Representative(key);
            }
        }

        return double.Epsilon;
    }

    private double Representative(int key) => 2d * Math.Exp(key * _logGamma) / (1d + Math.Exp(_logGamma));

    private void RequireData()
    {
        if (Count == 0)
        {
            throw new KamValidationException("sketch", KamErrorCodes.Empty, "0", "The sketch summarises no values.");
        }
    }

    private readonly record struct Bucket(long Count, double Sum);
}
