namespace Kam.Core.Tiering;

/// <summary>Orders accounts by a value, highest first, equal values by account identifier (ordinal): the one ranking rule of every engine.</summary>
internal static class ValueRanking
{
    public static int[] Descending(double[] values, AccountId[] ids)
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
        BreakTies(keys, order, ids);
        return order;
    }

    /// <summary>Sorts every run of equal keys by identifier so the order is the same for every input order.</summary>
    private static void BreakTies(double[] keys, int[] order, AccountId[] ids)
    {
        IComparer<int>? comparer = null;
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    comparer ??= Comparer<int>.Create((a, b) => ids[a].CompareTo(ids[b]));
                    Array.Sort(order, start, i - start, comparer);
                }

                start = i;
            }
        }
    }
}
