using Kam.Core;

namespace Kam.Cli.IO;

/// <summary>
/// A file the user asked kam to write (<c>--out report.html</c>), checked against the run's inputs before anything is
/// read or computed.
/// </summary>
/// <remarks>
/// <para>
/// Every command that writes a file builds its target here, in its action, from the option's value and every input
/// path of the run (CSV files and rule files), before it reads the input. The target is refused (exit code 2, the
/// message names it) when it is empty, when it is the same file as an input (through a symbolic link, <c>..</c>, a
/// relative or an absolute path, or a hard link), when it is a folder, a symbolic link, a device, a pipe or anything
/// else that is not a regular file, and when its folder does not exist. The file itself is then written by
/// <see cref="AtomicFile"/>, which checks the target again when it replaces it.
/// </para>
/// <para>New commands that write files follow the same rule: build an <see cref="OutputTarget"/> first, write with <see cref="AtomicFile"/>.</para>
/// </remarks>
internal sealed class OutputTarget
{
    private OutputTarget(string path) => Path = path;

    /// <summary>Gets the path as the user gave it (what messages and <see cref="AtomicFile"/> use).</summary>
    public string Path { get; }

    /// <summary>Checks an optional output option against the run's inputs.</summary>
    /// <param name="option">The option's name, for messages (<c>--out</c>).</param>
    /// <param name="path">The option's value, or <see langword="null"/> when it was not given.</param>
    /// <param name="inputs">Every file the run reads (null entries, for options not given, are skipped).</param>
    /// <returns>The target, or <see langword="null"/> when <paramref name="path"/> is <see langword="null"/>.</returns>
    /// <exception cref="KamValidationException">The target is refused; nothing has been read or written.</exception>
    public static OutputTarget? Check(string option, string? path, params IEnumerable<string?> inputs)
    {
        if (path is null)
        {
            return null;
        }

        var problem = Problem(path, inputs);
        return problem is null ? new OutputTarget(path) : throw new KamValidationException(option, problem.Value.Code, path, problem.Value.Message);
    }

    /// <summary>Checks a file kam is about to replace (or create): the rules of <see cref="Check"/>.</summary>
    /// <param name="path">The target.</param>
    /// <param name="inputs">The files the run reads.</param>
    /// <returns>What is wrong (its error code and a sentence naming the path), or <see langword="null"/> when the file may be written.</returns>
    internal static (string Code, string Message)? Problem(string path, IEnumerable<string?> inputs)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (KamErrorCodes.Required, "needs a file name (e.g. report.html); the path is empty");
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (KamErrorCodes.InvalidFormat, $"'{path}' is not a valid file path");
        }

        foreach (var input in inputs)
        {
            if (input is not null && SameFile(path, Excel.WorkbookPath.FileOf(input)!))
            {
                return (KamErrorCodes.InvalidState, $"'{path}' is the input file '{input}'; kam never writes over its input, choose another file name");
            }
        }

        if (path.EndsWith(System.IO.Path.DirectorySeparatorChar) || path.EndsWith(System.IO.Path.AltDirectorySeparatorChar))
        {
            return (KamErrorCodes.InvalidState, $"'{path}' is a folder, not a regular file; give the path of a new or regular file (e.g. report.html)");
        }

        if (KindProblem(path) is { } kind)
        {
            return (kind.Code, $"'{path}' {kind.Message}; give the path of a new or regular file (e.g. report.html)");
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        return Directory.Exists(folder) ? null : (KamErrorCodes.Unknown, $"the folder {folder} does not exist");
    }

    /// <summary>Checks that an existing entry at <paramref name="path"/> is a regular file (which kam may replace).</summary>
    /// <param name="path">The target.</param>
    /// <returns>What is wrong (a sentence to follow the path), or <see langword="null"/> when nothing is there or it is a regular file.</returns>
    internal static (string Code, string Message)? KindProblem(string path) => FileEntry.Of(path).Kind switch
    {
        FileEntryKind.Missing or FileEntryKind.RegularFile => null,
        FileEntryKind.Folder => (KamErrorCodes.InvalidState, "is a folder, not a regular file"),
        FileEntryKind.SymbolicLink => (KamErrorCodes.InvalidState, "is a symbolic link; kam does not replace links"),
        FileEntryKind.Device => (KamErrorCodes.InvalidState, "is a device, not a regular file"),
        _ => (KamErrorCodes.InvalidState, "is a pipe or socket, not a regular file"),
    };

    /// <summary>Whether two paths name the same existing file (compared by device and inode where the system says, else by resolved full path).</summary>
    /// <param name="a">One path.</param>
    /// <param name="b">The other path.</param>
    /// <returns><see langword="true"/> when both exist and are the same file.</returns>
    internal static bool SameFile(string a, string b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return false;
        }

        var x = FileEntry.Resolved(a);
        var y = FileEntry.Resolved(b);
        return x.Identity is not null && string.Equals(x.Identity, y.Identity, StringComparison.Ordinal);
    }
}
