using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// The forecast as a distribution: for the open opportunities of a period, bookings = Σ value_i × Bernoulli(p_i),
/// computed exactly on a grid of money by convolution (docs/forecasting.md).
/// </summary>
/// <remarks>
/// <para>
/// Each opportunity (or group that wins or loses together) is a two-point outcome: nothing with probability 1 − p, its
/// value with probability p. Values are rounded to the grain of the <see cref="DistributionPolicy"/> in order of rising
/// probability, each rounding carrying its remainder to the next, so the rounded values add up to the total within half a
/// grain and the mean of the distribution is within one grain of the point forecast Σ v·p (exactly equal when every
/// value is a multiple of the grain). The convolution on that grid is then exact up to floating-point rounding.
/// Deterministic: no randomness.
/// </para>
/// <para>
/// A group is one Bernoulli outcome: its value is the sum of its opportunities' values and its probability their
/// value-weighted mean probability, Σ v·p / Σ v, so the group keeps its share of the point forecast.
/// </para>
/// <para>Immutable and thread-safe; one instance serves every thread.</para>
/// </remarks>
public sealed class BookingsForecaster
{
    /// <summary>Creates a forecaster.</summary>
    /// <param name="policy">The grain; null for <see cref="DistributionPolicy.Default"/> (1/1000 of the total).</param>
    public BookingsForecaster(DistributionPolicy? policy = null) => Policy = policy ?? DistributionPolicy.Default;

    /// <summary>Gets the policy.</summary>
    public DistributionPolicy Policy { get; }

    /// <summary>Computes the distribution of the bookings of a set of open opportunities (those of one period).</summary>
    /// <param name="items">The opportunities; none is changed.</param>
    /// <param name="currency">The currency of every value.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="KamValidationException">
    /// An item is invalid — a value in another currency (<c>items[i].value</c>, <see cref="KamErrorCodes.CurrencyMismatch"/>)
    /// or negative, a probability outside 0 to 1 (<c>items[i].probability</c>), a blank group (<c>items[i].group</c>) —
    /// every problem listed; or the grid would exceed <see cref="DistributionPolicy.MaxCells"/> (path <c>grain</c>).
    /// </exception>
    public BookingsDistribution Distribution(ReadOnlySpan<ForecastItem> items, Currency currency)
    {
        var errors = new ValidationCollector();
        for (var i = 0; i < items.Length; i++)
        {
            Check(items[i], i, currency, errors);
        }

        errors.ThrowIfAny();

        // The outcomes: single opportunities, then groups in order of first appearance.
        var units = new List<Unit>(items.Length);
        Dictionary<string, int>? groups = null;
        decimal total = 0m, point = 0m;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var v = item.Value.Amount;
            total += v;
            point += v * item.Probability;
            if (item.Group is null)
            {
                units.Add(new Unit { Opportunity = item.Opportunity, Value = v, Weighted = v * item.Probability, Probability = item.Probability, Count = 1 });
                continue;
            }

            groups ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (!groups.TryGetValue(item.Group, out var index))
            {
                groups[item.Group] = index = units.Count;
                units.Add(new Unit { Group = item.Group });
            }

            var unit = units[index];
            unit.Value += v;
            unit.Weighted += v * item.Probability;
            unit.Count++;
            unit.Probability = unit.Value == 0m ? 0m : unit.Weighted / unit.Value;
            units[index] = unit;
        }

        var grain = Policy.Grain ?? (total == 0m ? 1m : total / Policy.Resolution);
        var all = CollectionsMarshal.AsSpan(units);
        var steps = Round(all, grain, out var cells, out var meanError, out var roundingVariance);
        if (cells > DistributionPolicy.MaxCells)
        {
            throw new KamValidationException(
                "grain",
                KamErrorCodes.OutOfRange,
                grain.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"This grain makes a grid of more than {DistributionPolicy.MaxCells} cells, the limit (DistributionPolicy.MaxCells); choose a coarser grain."));
        }

        var pmf = Convolve(all, steps, (int)cells);
        return new BookingsDistribution(currency, grain, pmf, point, total, meanError, Math.Sqrt(roundingVariance), [.. units]);
    }

    /// <summary>Computes the distribution of the bookings of a set of open opportunities (those of one period).</summary>
    /// <param name="items">The opportunities; none is changed.</param>
    /// <param name="currency">The currency of every value.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="KamValidationException">See <see cref="Distribution(ReadOnlySpan{ForecastItem}, Currency)"/>.</exception>
    public BookingsDistribution Distribution(IEnumerable<ForecastItem> items, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Distribution(items.ToArray().AsSpan(), currency);
    }

    private static void Check(in ForecastItem item, int i, Currency currency, ValidationCollector errors)
    {
        if (item.Value.Currency != currency)
        {
            errors.Add(Path(i, "value"), KamErrorCodes.CurrencyMismatch, item.Value.ToString(null, CultureInfo.InvariantCulture), $"The forecast is in {currency}.");
        }
        else if (item.Value.IsNegative)
        {
            errors.Add(Path(i, "value"), KamErrorCodes.OutOfRange, item.Value.ToString(null, CultureInfo.InvariantCulture), "A value must not be negative.");
        }

        if (item.Probability is < 0m or > 1m)
        {
            errors.Add(Path(i, "probability"), KamErrorCodes.OutOfRange, DecimalText.Normalize(item.Probability * 100m).ToString(CultureInfo.InvariantCulture) + "%", "A win probability lies between 0% and 100% (a fraction 0 to 1).");
        }

        if (item.Group is { } group && string.IsNullOrWhiteSpace(group))
        {
            errors.Add(Path(i, "group"), KamErrorCodes.Required, group, "A group is named, or null for an independent opportunity.");
        }

        static string Path(int i, string member) => string.Create(CultureInfo.InvariantCulture, $"items[{i}].{member}");
    }

    /// <summary>
    /// Rounds each outcome's value to whole grains in order of rising probability, carrying the remainder forward
    /// (error diffusion), and returns the steps, the grid size, the mean's exact shift Σ p·(k·g − v) and the variance of
    /// the rounding shift Σ p·(1 − p)·(k·g − v)².
    /// </summary>
    private static int[] Round(ReadOnlySpan<Unit> units, decimal grain, out long cells, out decimal meanError, out double roundingVariance)
    {
        var order = new int[units.Length];
        var keys = new decimal[units.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = units[i].Probability;
        }

        // Stable by index for equal probabilities: sort (probability, index) pairs.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var steps = new int[units.Length];
        decimal carry = 0m, shift = 0m;
        double variance = 0d;
        long sum = 0;
        foreach (var i in order)
        {
            var exact = units[i].Value;
            var k = decimal.Round((exact + carry) / grain, MidpointRounding.ToEven);
            if (k > DistributionPolicy.MaxCells)
            {
                cells = DistributionPolicy.MaxCells + 1L;
                meanError = 0m;
                roundingVariance = 0d;
                return steps;
            }

            var error = (k * grain) - exact;
            carry -= error;
            shift += units[i].Probability * error;
            var p = (double)units[i].Probability;
            var e = (double)error;
            variance += p * (1d - p) * e * e;
            steps[i] = (int)k;
            sum += (long)k;
        }

        cells = sum + 1;
        meanError = shift;
        roundingVariance = variance;
        return steps;
    }

    /// <summary>The dense convolution: after each outcome, pmf'[x] = (1 − p)·pmf[x] + p·pmf[x − k], vectorised.</summary>
    private static double[] Convolve(ReadOnlySpan<Unit> units, int[] steps, int cells)
    {
        var a = new double[cells];
        var b = new double[cells];
        a[0] = 1d;
        var hi = 0;
        for (var i = 0; i < units.Length; i++)
        {
            var k = steps[i];
            var p = (double)units[i].Probability;
            if (k == 0 || p == 0d)
            {
                continue;
            }

            var q = 1d - p;
            var top = hi + k;
            Blend(a.AsSpan(0, top + 1), b.AsSpan(0, top + 1), k, q, p);
            (a, b) = (b, a);
            hi = top;
        }

        return a;
    }

    /// <summary>dst[x] = q·src[x] + p·src[x − k] (src[x − k] = 0 for x &lt; k).</summary>
    private static void Blend(Span<double> src, Span<double> dst, int k, double q, double p)
    {
        var head = Math.Min(k, dst.Length);
        for (var x = 0; x < head; x++)
        {
            dst[x] = q * src[x];
        }

        var n = dst.Length - k;
        if (n <= 0)
        {
            return;
        }

        var same = src.Slice(k, n);
        var shifted = src[..n];
        var target = dst.Slice(k, n);
        var j = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vq = new Vector<double>(q);
            var vp = new Vector<double>(p);
            var w = Vector<double>.Count;
            for (; j <= n - w; j += w)
            {
                var r = (vq * new Vector<double>(same[j..])) + (vp * new Vector<double>(shifted[j..]));
                r.CopyTo(target[j..]);
            }
        }

        for (; j < n; j++)
        {
            target[j] = (q * same[j]) + (p * shifted[j]);
        }
    }

    /// <summary>One Bernoulli outcome: a single opportunity or a group.</summary>
    internal struct Unit
    {
        public OpportunityId? Opportunity;
        public string? Group;
        public decimal Value;
        public decimal Weighted;
        public decimal Probability;
        public int Count;
    }
}
