using System.Globalization;

namespace Kam.Core;

/// <summary>
/// Which input record an error is about, read from its <see cref="KamValidationError.Path"/>: the collection the
/// engine was given (<c>deals</c>), the record's 0-based position in it, and the member of the record (<c>amount</c>),
/// with the key when the member is a keyed collection (<c>measures['revenue']</c>).
/// </summary>
/// <remarks>
/// A host that read the records from a file maps <see cref="Index"/> back to the row it came from and
/// <see cref="Member"/> to the column, so that its message points at the cell (see <see cref="KamValidationError.Record"/>).
/// </remarks>
public sealed class KamRecordLocator
{
    private KamRecordLocator(string collection, int index, string member, string? key)
    {
        Collection = collection;
        Index = index;
        Member = member;
        Key = key;
    }

    /// <summary>Gets the collection's name in the engine's paths (<c>deals</c>, <c>collections</c>, <c>accounts</c>, <c>payees</c>).</summary>
    public string Collection { get; }

    /// <summary>Gets the record's 0-based position in the collection, in the order the engine was given the records.</summary>
    public int Index { get; }

    /// <summary>Gets the record's member the error is about (<c>amount</c>, <c>splits</c>, <c>measures</c>), or empty when the error is about the whole record.</summary>
    public string Member { get; }

    /// <summary>Gets the key within <see cref="Member"/> (<c>revenue</c> in <c>measures['revenue']</c>), or <see langword="null"/>.</summary>
    public string? Key { get; }

    /// <summary>Reads a locator from a path of the form <c>name[index]</c>, optionally followed by <c>.member</c> and <c>['key']</c> and anything else.</summary>
    /// <param name="path">The error's path.</param>
    /// <returns>The locator, or <see langword="null"/> when the path has another form (a JSON path, a file position, a member path without an index).</returns>
    internal static KamRecordLocator? Parse(string path)
    {
        var name = Letters(path, 0);
        if (name == 0 || name >= path.Length || path[name] != '[')
        {
            return null;
        }

        var close = path.IndexOf(']', name + 1);
        if (close < 0 || !int.TryParse(path.AsSpan(name + 1, close - name - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var collection = path[..name];
        if (close + 1 >= path.Length || path[close + 1] != '.')
        {
            return new KamRecordLocator(collection, index, string.Empty, null);
        }

        var memberStart = close + 2;
        var memberEnd = Letters(path, memberStart);
        var member = path[memberStart..memberEnd];
        string? key = null;
        if (member.Length > 0 && path.AsSpan(memberEnd).StartsWith("['", StringComparison.Ordinal))
        {
            var keyEnd = path.IndexOf("']", memberEnd + 2, StringComparison.Ordinal);
            key = keyEnd < 0 ? null : path[(memberEnd + 2)..keyEnd];
        }

        return new KamRecordLocator(collection, index, member, key);
    }

    private static int Letters(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        return i;
    }
}
