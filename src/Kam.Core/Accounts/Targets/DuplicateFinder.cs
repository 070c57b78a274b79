using System.Runtime.CompilerServices;

namespace Kam.Core.Accounts.Targets;

/// <summary>
/// Finds repeated account identifiers among up to millions of accounts without random memory access: each
/// identifier's hash is paired with its index, the pairs are radix-sorted by hash (three sequential passes), and only
/// identifiers with equal hashes are compared as text. A hash table of a million entries misses the processor's
/// caches on almost every probe; the sort reads and writes its arrays in order, which on a million accounts is
/// several times faster.
/// </summary>
internal static class DuplicateFinder
{
    /// <summary>Flags every identifier that an earlier index already has.</summary>
    /// <param name="ids">The identifiers.</param>
    /// <param name="present">Which indices to consider (the others are neither checked nor flagged).</param>
    /// <returns>Per index: <see langword="true"/> when an earlier considered index has the same identifier (ordinal).</returns>
    public static bool[] Find(AccountId[] ids, bool[] present)
    {
        var n = ids.Length;
        var duplicate = new bool[n];
        Scan(ids, present, new long[n], new long[n], duplicate);
        return duplicate;
    }

    /// <summary>Tells whether any identifier occurs twice, using the caller's two work arrays (at least as long as <paramref name="ids"/>; their contents are overwritten).</summary>
    /// <param name="ids">The identifiers; none is the default.</param>
    /// <param name="keys">A work array.</param>
    /// <param name="buffer">A second work array.</param>
    /// <returns><see langword="true"/> when two indices have the same identifier (ordinal).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Any(AccountId[] ids, long[] keys, long[] buffer) => Scan(ids, null, keys, buffer, null);

    /// <summary>Sorts (hash, index) pairs by hash and compares texts within equal hashes; flags repeats into <paramref name="duplicate"/>, or stops at the first when it is <see langword="null"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Scan(AccountId[] ids, bool[]? present, long[] keys, long[] buffer, bool[]? duplicate)
    {
        var n = ids.Length;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (present is null || present[i])
            {
                keys[count++] = (long)(((ulong)(uint)ids[i].Value.GetHashCode(StringComparison.Ordinal) << 32) | (uint)i);
            }
        }

        // Least-significant-digit radix sort on the hash (bits 32-63): stable, so equal hashes stay in index order.
        Span<int> offsets = new int[1 << 11];
        RadixPass(keys, buffer, count, 32, 11, offsets);
        RadixPass(buffer, keys, count, 43, 11, offsets);
        RadixPass(keys, buffer, count, 54, 10, offsets);
        var found = false;
        List<int>? firsts = null;
        for (var start = 0; start < count;)
        {
            var hash = buffer[start] >> 32;
            var end = start + 1;
            while (end < count && buffer[end] >> 32 == hash)
            {
                end++;
            }

            if (end - start > 1)
            {
                // Equal hashes: the first index of each distinct text is the original, every later one a repeat.
                firsts ??= [];
                firsts.Clear();
                for (var k = start; k < end; k++)
                {
                    var index = (int)(uint)buffer[k];
                    var text = ids[index].Value;
                    var seen = false;
                    foreach (var first in firsts)
                    {
                        if (string.Equals(ids[first].Value, text, StringComparison.Ordinal))
                        {
                            seen = true;
                            break;
                        }
                    }

                    if (!seen)
                    {
                        firsts.Add(index);
                        continue;
                    }

                    found = true;
                    if (duplicate is null)
                    {
                        return true;
                    }

                    duplicate[index] = true;
                }
            }

            start = end;
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixPass(long[] from, long[] to, int count, int shift, int bits, Span<int> offsets)
    {
        var mask = (1L << bits) - 1;
        offsets = offsets[..(1 << bits)];
        offsets.Clear();
        for (var i = 0; i < count; i++)
        {
            offsets[(int)((from[i] >> shift) & mask)]++;
        }

        var sum = 0;
        for (var b = 0; b < offsets.Length; b++)
        {
            var c = offsets[b];
            offsets[b] = sum;
            sum += c;
        }

        for (var i = 0; i < count; i++)
        {
            var value = from[i];
            to[offsets[(int)((value >> shift) & mask)]++] = value;
        }
    }
}
