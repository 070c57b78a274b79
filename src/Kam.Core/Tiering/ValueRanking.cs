namespace Kam.Core.Tiering;

/// <summary>Orders accounts by a value, highest first, equal values by account identifier (ordinal): the one ranking rule of every engine.</summary>
internal static class ValueRanking
{
    /// <summary>Orders the accounts by value, highest first, equal values by identifier.</summary>
    /// <param name="values">One value per account.</param>
    /// <param name="idRanks">Each account's position in ordinal order of identifier, or <see langword="null"/> when that is its index (<see cref="AccountMeasures.IdRanks"/>).</param>
    /// <returns>The indexes in rank order.</returns>
    /// <remarks>
    /// A portfolio of at least <see cref="RadixFrom"/> accounts is ordered by a stable radix sort of the values' keys
    /// (<see cref="RadixSelection.Key"/>, complemented for highest first) over the accounts taken in identifier order,
    /// which keeps equal values in that order; a smaller one by <see cref="ByComparison"/>. Both give the same order
    /// (−0 and +0 are equal, as the comparison has them).
    /// </remarks>
    public static int[] Descending(double[] values, int[]? idRanks) =>
        values.Length >= RadixFrom && (idRanks is null || idRanks.Length == values.Length) ? ByRadix(values, idRanks) : ByComparison(values, idRanks);

    /// <summary>The smallest number of accounts ranked by the radix sort (below it, the comparison sort is as quick).</summary>
    internal const int RadixFrom = 4096;

    private const int DigitBits = 11;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Orders the accounts by a least-significant-digit radix sort of the value keys, stable over identifier order.</summary>
    internal static int[] ByRadix(double[] values, int[]? idRanks)
    {
        var n = values.Length;
        var order = new int[n];
        if (idRanks is null)
        {
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                order[idRanks[i]] = i; // the accounts in identifier order: ties keep it
            }
        }

        var keys = new ulong[n];
        var counts = new int[Digits * Buckets];
        for (var k = 0; k < n; k++)
        {
            var key = ~RadixSelection.Key(values[order[k]]); // highest value first
            keys[k] = key;
            for (var d = 0; d < Digits; d++)
            {
                counts[(d * Buckets) + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }

        var otherKeys = new ulong[n];
        var otherOrder = new int[n];
        for (var d = 0; d < Digits; d++)
        {
            var shift = d * DigitBits;
            var digitCounts = counts.AsSpan(d * Buckets, Buckets);
            if (n == 0 || digitCounts[(int)((keys[0] >> shift) & (Buckets - 1))] == n)
            {
                continue; // every key has the same digit here: the pass would not move anything
            }

            var next = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = digitCounts[b];
                digitCounts[b] = next;
                next += c;
            }

            for (var k = 0; k < n; k++)
            {
                var key = keys[k];
                var to = digitCounts[(int)((key >> shift) & (Buckets - 1))]++;
                otherKeys[to] = key;
                otherOrder[to] = order[k];
            }

            (keys, otherKeys) = (otherKeys, keys);
            (order, otherOrder) = (otherOrder, order);
        }

        return order;
    }

    /// <summary>Orders the accounts by a comparison sort of the values, then every run of equal values by identifier.</summary>
    internal static int[] ByComparison(double[] values, int[]? idRanks)
    {
        var n = values.Length;
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = -values[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        BreakTies(keys, order, idRanks);
        return order;
    }

    /// <summary>Sorts every run of equal keys by identifier (by its ordinal position) so the order is the same for every input order.</summary>
    private static void BreakTies(double[] keys, int[] order, int[]? idRanks)
    {
        int[]? rankKeys = null;
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                var length = i - start;
                if (length > 1)
                {
                    if (idRanks is null)
                    {
                        Array.Sort(order, start, length);
                    }
                    else
                    {
                        rankKeys ??= new int[keys.Length];
                        for (var k = start; k < i; k++)
                        {
                            rankKeys[k] = idRanks[order[k]];
                        }

                        Array.Sort(rankKeys, order, start, length);
                    }
                }

                start = i;
            }
        }
    }
}
