namespace Kam.Core.Tiering;

/// <summary>
/// Exact quantile cut values by the nearest-rank rule, found by multi-rank selection (three-way quickselect) on a copy:
/// O(n) per cut on average, robust to many equal values, and never mutates the caller's values.
/// </summary>
internal static class QuantileSelection
{
    /// <summary>Cut k (k = 1 … q−1) is the ⌈k·n/q⌉-th lowest value.</summary>
    public static double[] Cuts(double[] values, int quantiles, double[]? scratch = null)
    {
        var n = values.Length;
        var work = scratch is not null && scratch.Length >= n ? scratch : new double[n];
        Array.Copy(values, work, n);
        var ranks = new int[quantiles - 1];
        for (var k = 1; k < quantiles; k++)
        {
            ranks[k - 1] = Math.Max(0, (int)Math.Ceiling((double)k * n / quantiles) - 1);
        }

        Select(work, 0, n - 1, ranks, 0, ranks.Length - 1);
        var cuts = new double[ranks.Length];
        for (var k = 0; k < ranks.Length; k++)
        {
            cuts[k] = work[ranks[k]];
        }

        return cuts;
    }

    /// <summary>Places the values of ranks[rlo..rhi] (sorted) at their sorted positions within work[lo..hi].</summary>
    private static void Select(double[] work, int lo, int hi, int[] ranks, int rlo, int rhi)
    {
        while (rlo <= rhi && lo < hi)
        {
            if (hi - lo < 32)
            {
                Array.Sort(work, lo, hi - lo + 1);
                return;
            }

            var pivot = Median(work[lo], work[lo + ((hi - lo) >> 1)], work[hi]);
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                var v = work[i];
                if (v < pivot)
                {
                    (work[lt], work[i]) = (work[i], work[lt]);
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    (work[gt], work[i]) = (work[i], work[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // work[lo..lt-1] < pivot, work[lt..gt] == pivot, work[gt+1..hi] > pivot.
            var leftEnd = rlo;
            while (leftEnd <= rhi && ranks[leftEnd] < lt)
            {
                leftEnd++;
            }

            var rightStart = leftEnd;
            while (rightStart <= rhi && ranks[rightStart] <= gt)
            {
                rightStart++;
            }

            // Recurse into the smaller side, loop on the larger.
            if (leftEnd - rlo < rhi - rightStart + 1)
            {
                Select(work, lo, lt - 1, ranks, rlo, leftEnd - 1);
                lo = gt + 1;
                rlo = rightStart;
            }
            else
            {
                Select(work, gt + 1, hi, ranks, rightStart, rhi);
                hi = lt - 1;
                rhi = leftEnd - 1;
            }
        }
    }

    private static double Median(double a, double b, double c) =>
        a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
}
