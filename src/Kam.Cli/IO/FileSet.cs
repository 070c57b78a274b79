using Kam.Core;

namespace Kam.Cli.IO;

/// <summary>Writes a set of new files into a folder, all or none (<c>kam init</c>).</summary>
/// <remarks>
/// Checks every target before writing anything: a target that is a folder, a symbolic link, a device or anything
/// else but a regular file is refused (also with <c>force</c>), and so is an existing file unless <c>force</c>.
/// Then it writes all files or none: each to a temporary file beside its target, then all renamed into place (see
/// <see cref="AtomicFile"/>); if anything fails, what was placed is removed (or restored) and a folder it created is
/// removed again. The folder is created when missing.
/// </remarks>
internal static class FileSet
{
    /// <summary>Writes the files into the folder, all or none.</summary>
    /// <param name="folder">The folder (created with its missing parents when it does not exist).</param>
    /// <param name="files">The files: names (no folder) and contents; enumerated once the folder has been checked.</param>
    /// <param name="force">Whether existing regular files are overwritten.</param>
    /// <returns>The paths written, in the order of <paramref name="files"/>.</returns>
    /// <exception cref="KamValidationException">The folder or a target is refused (every problem at once), or writing failed; nothing was written.</exception>
    public static IReadOnlyList<string> WriteAll(string folder, IEnumerable<(string FileName, string Content)> files, bool force)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new KamValidationException("folder", KamErrorCodes.Required, folder, "needs a folder name (or none, for the current folder); the path is empty.");
        }

        var folderKind = FileEntry.Resolved(folder).Kind;
        if (folderKind is not (FileEntryKind.Missing or FileEntryKind.Folder))
        {
            throw new KamValidationException(folder, KamErrorCodes.InvalidState, folder, "is a file; kam init needs a folder.");
        }

        // Every target is checked before anything is written; all problems are reported at once.
        var targets = files.Select(f => (Path: Path.Combine(folder, f.FileName), f.Content)).ToArray();
        var problems = new List<KamValidationError>();
        foreach (var (path, _) in targets)
        {
            if (OutputTarget.KindProblem(path) is { } problem)
            {
                problems.Add(new KamValidationError(path, problem.Code, path, problem.Message + "; nothing was written."));
            }
            else if (!force && File.Exists(path))
            {
                problems.Add(new KamValidationError(path, KamErrorCodes.Duplicate, null, "already exists; nothing was written (use --force to overwrite)."));
            }
        }

        if (problems.Count > 0)
        {
            throw new KamValidationException(problems);
        }

        var created = CreateFolder(folder);
        try
        {
            AtomicFile.WriteAll(targets);
        }
        catch (KamValidationException)
        {
            RemoveFolders(created);
            throw;
        }

        return targets.Select(t => t.Path).ToArray();
    }

    /// <summary>Creates the folder and its missing parents; returns those it created, innermost first (to remove them again if writing fails).</summary>
    private static List<string> CreateFolder(string folder)
    {
        var missing = new List<string>();
        for (var current = Path.GetFullPath(folder); current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            if (FileEntry.Of(current).Kind is not FileEntryKind.Missing)
            {
                throw new KamValidationException(folder, KamErrorCodes.InvalidState, folder, $"cannot create the folder: {current} is not a folder; nothing was written.");
            }

            missing.Add(current);
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RemoveFolders(missing);
            var reason = ex is UnauthorizedAccessException && missing.Count > 0 ? $"permission denied in {Path.GetDirectoryName(missing[^1])}" : ex.Message.TrimEnd('.', ' ');
            throw new KamValidationException(folder, KamErrorCodes.InvalidState, folder, $"cannot create the folder: {reason}; nothing was written.");
        }

        return missing;
    }

    private static void RemoveFolders(List<string> created)
    {
        foreach (var path in created)
        {
            try
            {
                Directory.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: only empty folders kam created are removed.
            }
        }
    }

    /// <summary>Removes a folder this program wrote (a temporary one) with everything in it; nothing when it is not there.</summary>
    /// <param name="folder">The folder.</param>
    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
