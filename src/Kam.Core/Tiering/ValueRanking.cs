namespace Kam.Core.Tiering;

/// <summary>Orders accounts by a value, highest first, equal values by account identifier (ordinal): the one ranking rule of every engine.</summary>
internal static class ValueRanking
{
    /// <summary>Orders the accounts by value, highest first, equal values by identifier.</summary>
    /// <param name="values">One value per account.</param>
    /// <param name="idRanks">Each account's position in ordinal order of identifier, or <see langword="null"/> when that is its index (<see cref="AccountMeasures.IdRanks"/>).</param>
    /// <returns>The indexes in rank order.</returns>
    public static int[] Descending(double[] values, int[]? idRanks)
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
