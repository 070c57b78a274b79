using System.CommandLine;
using Kam.Cli.Output;
using Kam.Core;

namespace Kam.Cli.Init;

/// <summary><c>kam init [folder] [--force]</c>: writes commented example input files (and the engines' default rule files) for a user to edit.</summary>
/// <remarks>
/// Checks every target before writing anything: a target that is a folder, a symbolic link, a device or anything
/// else but a regular file is refused (also with <c>--force</c>), and so is an existing file unless <c>--force</c>.
/// Then it writes all files or none: each to a temporary file beside its target, then all renamed into place; if
/// anything fails, what was placed is removed (or restored) and a folder it created is removed again. It lists the
/// files it wrote. The folder is created when missing.
/// </remarks>
internal static class InitCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="templates">The files to write (normally <see cref="InitTemplates.All"/>).</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, IReadOnlyList<InitTemplate> templates)
    {
        var folder = new Argument<string?>("folder") { Description = "Where to write the files (created if missing); default: the current folder.", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var sample = new Option<bool>("--sample") { Description = "Write the demo's generated sample portfolio (200 accounts, 500 opportunities, ...) instead of the short examples." };
        var command = new Command("init", "Write commented example input files (accounts, events, deals, collections, people, transactions) and the default rule files (tier policy, playbook, pay plan).")
        {
            folder, force, sample,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetValue(folder) ?? ".",
            parse.GetValue(force),
            parse.GetValue(sample) ? SampleInit.Files() : templates));
        return command;
    }

    private static int Run(CliContext context, string folder, bool force, IReadOnlyList<InitTemplate> templates)
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
        var targets = templates.Select(t => (Template: t, Path: Path.Combine(folder, t.FileName))).ToArray();
        var problems = new List<KamValidationError>();
        foreach (var (_, path) in targets)
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
            AtomicFile.WriteAll(targets.Select(t => (t.Path, t.Template.Content)).ToArray());
        }
        catch (KamValidationException)
        {
            RemoveFolders(created);
            throw;
        }

        foreach (var (_, path) in targets)
        {
            context.Output.WriteLine($"wrote {path}");
        }

        return KamApp.Ok;
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
}
