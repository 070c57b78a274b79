using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kam.Core.Accounts.Targets;

/// <summary>
/// The largest-remainder split of a whole number of minor units by non-negative weights: each part gets the whole
/// units of its exact share, and the units left over go one each to the parts with the largest remainders; among
/// equal remainders, to the part that ranks first by a tie order the caller gives. The parts always add up to the
/// whole, none is negative, a zero weight gets nothing, and each part is within one unit of its exact share.
/// </summary>
/// <remarks>
/// Exact integer arithmetic throughout: weights are scaled to integers (their decimal places aligned), shares are
/// computed as integer quotients and remainders (64-bit, or 128-bit products; arbitrary precision only when the
/// scaled weights do not fit 64 bits), so the result never depends on floating-point rounding or on input order.
/// </remarks>
internal static class LargestRemainder
{
    /// <summary>Scales decimals to integers with a common number of decimal places, if every one and their sum fit in 64 bits.</summary>
    /// <param name="weights">The weights, none negative.</param>
    /// <param name="scaled">The integers, one per weight.</param>
    /// <param name="sum">The sum of the integers.</param>
    /// <returns><see langword="false"/> when a weight or the sum does not fit.</returns>
    public static bool TryScale(ReadOnlySpan<decimal> weights, long[] scaled, out long sum)
    {
        sum = 0;
        Span<int> bits = stackalloc int[4];
        var maxScale = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            decimal.GetBits(weights[i], bits);
            if (bits[2] != 0 || bits[1] < 0)
            {
                return false;
            }

            scaled[i] = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
            var scale = (bits[3] >> 16) & 0xFF;
            if (scaled[i] != 0 && scale > maxScale)
            {
                maxScale = scale;
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (scaled[i] == 0)
            {
                continue;
            }

            decimal.GetBits(weights[i], bits);
            var shift = maxScale - ((bits[3] >> 16) & 0xFF);
            for (var k = 0; k < shift; k++)
            {
                if (scaled[i] > long.MaxValue / 10)
                {
                    return false;
                }

                scaled[i] *= 10;
            }

            if (scaled[i] > long.MaxValue - sum)
            {
                return false;
            }

            sum += scaled[i];
        }

        return true;
    }

    /// <summary>Splits <paramref name="total"/> units by integer weights; ties among equal remainders go to the part that <paramref name="tie"/> ranks first.</summary>
    /// <typeparam name="TTie">The tie order over part indices.</typeparam>
    /// <param name="total">The whole, in minor units; not negative.</param>
    /// <param name="weights">The integer weights, none negative.</param>
    /// <param name="sum">Their sum; above zero.</param>
    /// <param name="tie">The tie order.</param>
    /// <param name="parts">Receives one part per weight.</param>
    /// <param name="remainders">Where to keep the remainders (as long as <paramref name="weights"/>; may be <paramref name="weights"/> itself, which is then overwritten), or <see langword="null"/> for a new array.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Split<TTie>(long total, long[] weights, long sum, TTie tie, long[] parts, long[]? remainders = null)
        where TTie : struct, IComparer<int>
    {
        var n = weights.Length;
        remainders ??= new long[n];
        var maxWeight = 0L;
        foreach (var w in weights)
        {
            maxWeight = Math.Max(maxWeight, w);
        }

        var left = total;
        if (maxWeight == 0 || total <= long.MaxValue / maxWeight)
        {
            for (var i = 0; i < n; i++)
            {
                var product = total * weights[i];
                var q = product / sum;
                parts[i] = q;
                remainders[i] = product - (q * sum);
                left -= q;
            }
        }
        else
        {
            var s = (UInt128)(ulong)sum;
            for (var i = 0; i < n; i++)
            {
                var product = (UInt128)(ulong)total * (ulong)weights[i];
                var q = (long)(ulong)(product / s);
                parts[i] = q;
                remainders[i] = (long)(ulong)(product - ((UInt128)(ulong)q * s));
                left -= q;
            }
        }

        GiveLeftover(left, parts, new ByRemainder<TTie>(remainders, tie), remainders);
    }

    /// <summary>Splits by decimal weights of any size with arbitrary-precision integers (the slow, rare path).</summary>
    /// <typeparam name="TTie">The tie order over part indices.</typeparam>
    /// <param name="total">The whole, in minor units; not negative.</param>
    /// <param name="weights">The weights, none negative, not all zero.</param>
    /// <param name="tie">The tie order.</param>
    /// <param name="parts">Receives one part per weight.</param>
    public static void SplitExact<TTie>(long total, ReadOnlySpan<decimal> weights, TTie tie, long[] parts)
        where TTie : struct, IComparer<int>
    {
        var n = weights.Length;
        var maxScale = 0;
        foreach (var w in weights)
        {
            maxScale = Math.Max(maxScale, w.Scale);
        }

        var big = new BigInteger[n];
        var sum = BigInteger.Zero;
        for (var i = 0; i < n; i++)
        {
            var w = weights[i];
            var mantissa = new BigInteger(w * Pow10(w.Scale)) * BigInteger.Pow(10, maxScale - w.Scale);
            big[i] = mantissa;
            sum += mantissa;
        }

        var remainders = new BigInteger[n];
        var left = total;
        for (var i = 0; i < n; i++)
        {
            var q = BigInteger.DivRem(total * big[i], sum, out remainders[i]);
            parts[i] = (long)q;
            left -= parts[i];
        }

        var candidates = Enumerable.Range(0, n).Where(i => !remainders[i].IsZero).ToArray();
        Array.Sort(candidates, (a, b) =>
        {
            var byRemainder = remainders[b].CompareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : tie.Compare(a, b);
        });
        for (var k = 0; k < left; k++)
        {
            parts[candidates[k]]++;
        }
    }

    /// <summary>Gives one unit each to the <paramref name="left"/> best parts among those with a remainder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GiveLeftover<TOrder>(long left, long[] parts, TOrder order, long[] remainders)
        where TOrder : struct, IComparer<int>
    {
        if (left == 0)
        {
            return;
        }

        var count = 0;
        for (var i = 0; i < remainders.Length; i++)
        {
            if (remainders[i] != 0)
            {
                count++;
            }
        }

        var candidates = new int[count];
        count = 0;
        for (var i = 0; i < remainders.Length; i++)
        {
            if (remainders[i] != 0)
            {
                candidates[count++] = i;
            }
        }

        // left < count: the remainders add up to left × sum and each is below sum.
        SelectFirst(candidates, (int)left, order);
        for (var k = 0; k < left; k++)
        {
            parts[candidates[k]]++;
        }
    }

    /// <summary>Rearranges <paramref name="items"/> so that its first <paramref name="k"/> elements are the k first in <paramref name="order"/> (quickselect; order within them unspecified).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SelectFirst<TOrder>(int[] items, int k, TOrder order)
        where TOrder : struct, IComparer<int>
    {
        int lo = 0, hi = items.Length - 1, budget = 64;
        while (lo < hi && k > lo && k <= hi)
        {
            if (--budget == 0)
            {
                Array.Sort(items, lo, hi - lo + 1, order);
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            var pivot = MedianOfThree(items[lo], items[mid], items[hi], order);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (order.Compare(items[i], pivot) < 0)
                {
                    i++;
                }

                while (order.Compare(items[j], pivot) > 0)
                {
                    j--;
                }

                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            // items[lo..j] come before or equal the pivot, items[i..hi] after or equal, items[j+1..i-1] equal it.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static int MedianOfThree<TOrder>(int a, int b, int c, TOrder order)
        where TOrder : struct, IComparer<int>
    {
        if (order.Compare(a, b) > 0)
        {
            (a, b) = (b, a);
        }

        if (order.Compare(b, c) > 0)
        {
            b = c;
        }

        return order.Compare(a, b) > 0 ? a : b;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <summary>Larger remainder first; equal remainders in the tie order.</summary>
    private readonly struct ByRemainder<TTie>(long[] remainders, TTie tie) : IComparer<int>
        where TTie : struct, IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byRemainder = remainders[y].CompareTo(remainders[x]);
            return byRemainder != 0 ? byRemainder : tie.Compare(x, y);
        }
    }
}

/// <summary>Ties by account identifier, ordinal: the result does not depend on the order the accounts came in.</summary>
internal readonly struct ByAccountId(AccountId[] accounts) : IComparer<int>
{
    public int Compare(int x, int y) => string.CompareOrdinal(accounts[x].Value, accounts[y].Value);
}

/// <summary>Ties by position: the earlier month first.</summary>
internal readonly struct ByPosition : IComparer<int>
{
    public int Compare(int x, int y) => x.CompareTo(y);
}
