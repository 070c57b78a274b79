using System.Globalization;

namespace Kam.Cli.Features.Shared;

/// <summary>Reads the member paths of the library's validation errors (<c>accounts[3].parent</c>) so a command can point them back at the row of its input file.</summary>
internal static class LibraryPaths
{
    /// <summary>Splits a path that starts with an indexed member (<c>name[i]</c>) into the index and what follows it.</summary>
    /// <param name="path">The error's path (<c>accounts[3].parent</c>).</param>
    /// <param name="name">The member (<c>accounts</c>).</param>
    /// <param name="index">The index (3), or -1.</param>
    /// <param name="rest">What follows the index (<c>.parent</c>), or empty.</param>
    /// <returns>Whether the path starts with <paramref name="name"/> and an index.</returns>
    public static bool Indexed(string path, string name, out int index, out string rest)
    {
        index = -1;
        rest = string.Empty;
        if (!path.StartsWith(name + "[", StringComparison.Ordinal))
        {
            return false;
        }

        var close = path.IndexOf(']', name.Length);
        if (close < 0 || !int.TryParse(path.AsSpan(name.Length + 1, close - name.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        rest = path[(close + 1)..];
        return true;
    }
}
