namespace Kam.Core.Accounts.Targets;

/// <summary>
/// Splits whole numbers of minor units over the months of one period by integer seasonality weights, largest
/// remainder first, ties to the earlier month. Because the split of <c>u = q·W + r</c> units is <c>q·w</c> plus the
/// split of <c>r</c>, the splits of every <c>r</c> below the weights' sum <c>W</c> are precomputed when <c>W</c> is
/// small (up to 65,536), and each account then costs one division and a few multiply-adds.
/// </summary>
internal sealed class MonthSplitter
{
    private const long TableLimit = 1 << 16;
    private readonly long[] _weights;
    private readonly long _sum;
    private readonly int[]? _table;

    public MonthSplitter(long[] weights)
    {
        _weights = weights;
        foreach (var w in weights)
        {
            _sum += w;
        }

        if (_sum <= TableLimit)
        {
            var m = weights.Length;
            _table = new int[(int)_sum * m];
            Span<long> parts = stackalloc long[m];
            for (var r = 0; r < _sum; r++)
            {
                SplitSlow(r, parts);
                for (var k = 0; k < m; k++)
                {
                    _table[(r * m) + k] = (int)parts[k];
                }
            }
        }
    }

    /// <summary>Gets the number of months.</summary>
    public int Months => _weights.Length;

    /// <summary>Splits <paramref name="units"/> (not negative) into <paramref name="parts"/>, one per month.</summary>
    public void Split(long units, Span<long> parts)
    {
        if (_table is null)
        {
            SplitSlow(units, parts);
            return;
        }

        var q = units / _sum;
        var r = (int)(units - (q * _sum));
        var m = _weights.Length;
        var row = _table.AsSpan(r * m, m);
        for (var k = 0; k < m; k++)
        {
            parts[k] = (q * _weights[k]) + row[k];
        }
    }

    /// <summary>Gets one month's part of <paramref name="units"/> (not negative): the same as that month's part from <see cref="Split"/>.</summary>
    public long Part(long units, int month)
    {
        if (_table is null)
        {
            Span<long> parts = stackalloc long[_weights.Length];
            SplitSlow(units, parts);
            return parts[month];
        }

        var q = units / _sum;
        var r = (int)(units - (q * _sum));
        return (q * _weights[month]) + _table[(r * _weights.Length) + month];
    }

    private void SplitSlow(long units, Span<long> parts)
    {
        var m = _weights.Length;
        Span<long> remainders = stackalloc long[m];
        var left = units;
        var s = (UInt128)(ulong)_sum;
        for (var k = 0; k < m; k++)
        {
            var product = (UInt128)(ulong)units * (ulong)_weights[k];
            var q = (long)(ulong)(product / s);
            parts[k] = q;
            remainders[k] = (long)(ulong)(product - ((UInt128)(ulong)q * s));
            left -= q;
        }

        for (; left > 0; left--)
        {
            var best = -1;
            for (var k = 0; k < m; k++)
            {
                if (remainders[k] > 0 && (best < 0 || remainders[k] > remainders[best]))
                {
                    best = k;
                }
            }

            parts[best]++;
            remainders[best] = 0;
        }
    }
}
