namespace Kam.Core.Accounts.Targets;

/// <summary>
/// Finds repeated account identifiers among up to millions of accounts: an open-addressing table of (hash, index)
/// pairs in one array, so a check costs one hash of the text and, almost always, one memory access (a
/// <see cref="HashSet{T}"/> of a million identifiers costs several times more).
/// </summary>
internal sealed class DuplicateFinder
{
    private readonly long[] _slots;
    private readonly int _mask;

    public DuplicateFinder(int count)
    {
        var capacity = 16;
        while (capacity < count * 2)
        {
            capacity *= 2;
        }

        _slots = new long[capacity];
        _mask = capacity - 1;
    }

    /// <summary>Adds <c>ids[index]</c>; returns <see langword="false"/> when an earlier index has the same identifier.</summary>
    public bool Add(AccountId[] ids, int index)
    {
        var text = ids[index].Value;
        var hash = text.GetHashCode(StringComparison.Ordinal);
        var key = ((long)hash << 32) | (uint)(index + 1);
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var stored = _slots[slot];
            if (stored == 0)
            {
                _slots[slot] = key;
                return true;
            }

            if ((int)(stored >> 32) == hash && string.Equals(ids[(int)(uint)stored - 1].Value, text, StringComparison.Ordinal))
            {
                return false;
            }
        }
    }
}
