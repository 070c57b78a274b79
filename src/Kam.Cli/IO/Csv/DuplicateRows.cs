using System.Globalization;
using System.Numerics;
using Kam.Core;

namespace Kam.Cli.IO.Csv;

/// <summary>
/// Finds rows of a file identical in every cell to an earlier row (the same purchase or receipt exported twice) and,
/// unless they are to be kept, refuses each at its line naming the first one.
/// </summary>
/// <remarks>
/// Rows are compared by a 128-bit fingerprint of their trimmed cells (two independent 64-bit hashes), so memory stays
/// small on large files; two different rows sharing one is beyond practical odds.
/// </remarks>
/// <param name="keep">Whether duplicates are kept (<c>--keep-duplicates</c>): counted, not refused.</param>
/// <param name="what">What one row is, for the message (e.g. <c>purchase</c>).</param>
/// <param name="option">The option that keeps them, named in the message.</param>
internal sealed class DuplicateRows(bool keep, string what, string option = "--keep-duplicates")
{
    // The fingerprints seen, with the line of each one's first row: an open-addressing table (linear probing, at most
    // half full) of plain entries, one probe in one array per row; a line of 0 marks an empty slot.
    private Entry[] _entries = new Entry[1024];
    private int _used;

    /// <summary>Gets the number of duplicate rows seen (kept or refused).</summary>
    public int Count { get; private set; }

    /// <summary>Makes room for a number of rows (e.g. the lines of the file), so the table is not rebuilt as it grows.</summary>
    /// <param name="rows">The number of rows; beyond what an array holds, ignored.</param>
    public void Reserve(long rows)
    {
        if (rows * 2 > _entries.Length && rows <= Array.MaxLength / 4)
        {
            Resize((int)BitOperations.RoundUpToPowerOf2((uint)(rows * 2)));
        }
    }

    /// <summary>Checks a row against the rows before it.</summary>
    /// <param name="row">The row.</param>
    /// <returns><see langword="true"/> when the row repeats an earlier one.</returns>
    public bool Check(CsvRow row)
    {
        var (a, b) = row.Fingerprint();
        var first = FindOrAdd(a, b, row.Line);
        if (first == 0)
        {
            return false;
        }

        Count++;
        if (!keep)
        {
            row.FailRow(KamErrorCodes.Duplicate, first.ToString(CultureInfo.InvariantCulture),
                $"the row is identical in every cell to line {first.ToString(CultureInfo.InvariantCulture)}: the same {what} would be counted twice. Remove the copy, or pass {option} if they are separate {what}s.");
        }

        return true;
    }

    // The line of the first row with this fingerprint, or 0 after adding it with this line.
    private int FindOrAdd(ulong a, ulong b, int line)
    {
        if ((_used + 1) * 2 > _entries.Length)
        {
            Resize(_entries.Length * 2);
        }

        var mask = _entries.Length - 1;
        for (var i = (int)(b & (ulong)mask); ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Line == 0)
            {
                entry = new Entry(a, b, line);
                _used++;
                return 0;
            }

            if (entry.A == a && entry.B == b)
            {
                return entry.Line;
            }
        }
    }

    private void Resize(int capacity)
    {
        var old = _entries;
        _entries = new Entry[capacity];
        var mask = capacity - 1;
        foreach (var entry in old)
        {
            if (entry.Line != 0)
            {
                var i = (int)(entry.B & (ulong)mask);
                while (_entries[i].Line != 0)
                {
                    i = (i + 1) & mask;
                }

                _entries[i] = entry;
            }
        }
    }

    private readonly record struct Entry(ulong A, ulong B, int Line);
}
