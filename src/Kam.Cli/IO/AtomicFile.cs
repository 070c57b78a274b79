using System.Text;
using Kam.Core;

namespace Kam.Cli.IO;

/// <summary>Publishes output files all at once: the content goes to a temporary file beside the target, which then replaces the target.</summary>
/// <remarks>
/// <para>
/// A reader of the target sees the old file or the complete new one, never half a file; on failure the temporary
/// file is deleted and the target is untouched. Only a regular file is ever replaced: a folder, a symbolic link, a
/// device, a pipe or a socket at the target is refused (checked again just before the rename, not only when the
/// command starts). The temporary file is created exclusively (never through an existing name) and flushed to disk
/// before the rename; a replaced file keeps its permissions.
/// </para>
/// <para>
/// <see cref="WriteAll"/> publishes several files as one: all of them or none.
/// </para>
/// </remarks>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="content">The complete content.</param>
    /// <exception cref="KamValidationException">The folder does not exist, the target is not a regular file, or the file cannot be written.</exception>
    public static void WriteAllText(string path, string content) => WriteAll([(path, content)]);

    /// <summary>Writes a binary file (e.g. a workbook) to <paramref name="path"/> atomically: <paramref name="write"/> fills a temporary file beside it, which then replaces it.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the complete content to the stream (seekable, new, empty); if it throws, nothing is written.</param>
    /// <exception cref="KamValidationException">The folder does not exist, the target is not a regular file, the file cannot be written, or <paramref name="write"/> refused the content.</exception>
    public static void Write(string path, Action<Stream> write) => WriteStaged([(path, write)]);

    /// <summary>Writes several files (UTF-8, no BOM), all or none: every file is first written to a temporary file beside its target, then all are renamed into place; on failure the files already placed are removed (or restored, when they replaced a file) and the temporary files deleted.</summary>
    /// <param name="files">The targets and their complete contents.</param>
    /// <exception cref="KamValidationException">A folder does not exist, a target is not a regular file, or a file cannot be written; nothing was changed.</exception>
    public static void WriteAll(IReadOnlyList<(string Path, string Content)> files) =>
        WriteStaged(files.Select(f => (f.Path, (Action<Stream>)(stream => stream.Write(Utf8.GetBytes(f.Content))))).ToArray());

    private static void WriteStaged((string Path, Action<Stream> Write)[] files)
    {
        var staged = new List<Staged>();
        var placed = new List<Staged>();
        string current = files.Length > 0 ? files[0].Path : string.Empty;
        try
        {
            foreach (var (path, write) in files)
            {
                current = path;
                staged.Add(Stage(path, write));
            }

            foreach (var file in staged)
            {
                current = file.Path;
                Refuse(file.Path);
                File.Move(file.Temp, file.Full, overwrite: true);
                placed.Add(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KamValidationException)
        {
            RollBack(staged, placed);
            if (ex is KamValidationException)
            {
                throw;
            }

            var reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message.TrimEnd('.', ' ');
            var nothing = files.Length > 1 ? "; nothing was written" : string.Empty;
            throw new KamValidationException(current, KamErrorCodes.InvalidState, current, $"cannot write: {reason}{nothing}.");
        }

        foreach (var file in staged)
        {
            TryDelete(file.Backup);
        }
    }

    private static Staged Stage(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new KamValidationException(path, KamErrorCodes.Unknown, path, $"cannot write: the folder {folder} does not exist.");
        }

        Refuse(path);
        var temp = TempName(full, "tmp");
        string? backup = null;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(full))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
                }

                // A copy of the file being replaced, so that a failure later in WriteAll can put it back.
                backup = TempName(full, "bak");
                File.Copy(full, backup);
            }
        }
        catch
        {
            TryDelete(temp);
            TryDelete(backup);
            throw;
        }

        return new Staged(path, full, temp, backup);
    }

    private static void Refuse(string path)
    {
        if (OutputTarget.KindProblem(path) is { } problem)
        {
            throw new KamValidationException(path, problem.Code, path, $"{problem.Message}; nothing was written.");
        }
    }

    private static void RollBack(List<Staged> staged, List<Staged> placed)
    {
        for (var i = placed.Count - 1; i >= 0; i--)
        {
            var file = placed[i];
            try
            {
                if (file.Backup is not null)
                {
                    File.Move(file.Backup, file.Full, overwrite: true);
                }
                else
                {
                    File.Delete(file.Full);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the remaining files are still rolled back.
            }
        }

        foreach (var file in staged)
        {
            TryDelete(file.Temp);
            TryDelete(file.Backup);
        }
    }

    private static string TempName(string full, string suffix) =>
        Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + "." + suffix);

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file is hidden and uniquely named.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    /// <summary>A file written to its temporary name, not yet renamed into place.</summary>
    private sealed record Staged(string Path, string Full, string Temp, string? Backup);
}
