using System.Globalization;
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
    private readonly Dictionary<(ulong, ulong), int> _first = [];

    /// <summary>Gets the number of duplicate rows seen (kept or refused).</summary>
    public int Count { get; private set; }

    /// <summary>Checks a row against the rows before it.</summary>
    /// <param name="row">The row.</param>
    /// <returns><see langword="true"/> when the row repeats an earlier one.</returns>
    public bool Check(CsvRow row)
    {
        var fingerprint = row.Fingerprint();
        if (_first.TryAdd(fingerprint, row.Line))
        {
            return false;
        }

        Count++;
        if (!keep)
        {
            var first = _first[fingerprint];
            row.FailRow(KamErrorCodes.Duplicate, first.ToString(CultureInfo.InvariantCulture),
                $"the row is identical in every cell to line {first.ToString(CultureInfo.InvariantCulture)}: the same {what} would be counted twice. Remove the copy, or pass {option} if they are separate {what}s.");
        }

        return true;
    }
}
