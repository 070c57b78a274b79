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
        var keys = new ulong[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (present[i])
            {
                keys[count++] = ((ulong)(uint)ids[i].Value.GetHashCode(StringComparison.Ordinal) << 32) | (uint)i;
            }
        }

        // Least-significant-digit radix sort on the hash (bits 32-63): stable, so equal hashes stay in index order.
        var buffer = new ulong[count];
        RadixPass(keys, buffer, count, 32, 11);
        RadixPass(buffer, keys, count, 43, 11);
        RadixPass(keys, buffer, count, 54, 10);
        var duplicate = new bool[n];
        var firsts = new List<int>();
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

                    if (seen)
                    {
                        duplicate[index] = true;
                    }
                    else
                    {
                        firsts.Add(index);
                    }
                }
            }

            start = end;
        }

        return duplicate;
    }

    private static void RadixPass(ulong[] from, ulong[] to, int count, int shift, int bits)
    {
        var mask = (1UL << bits) - 1;
        var offsets = new int[1 << bits];
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
