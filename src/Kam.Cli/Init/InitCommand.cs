using System.CommandLine;
using Kam.Cli.Demo.Sample;
using Kam.Cli.Output;
using Kam.Core;

namespace Kam.Cli.Init;

/// <summary><c>kam init [folder] [--force]</c>: writes commented example input files (and the engines' default rule files) for a user to edit.</summary>
/// <remarks>
/// Refuses, before writing anything, when any target file exists, unless <c>--force</c>; each file is written
/// atomically. The folder is created when missing.
/// </remarks>
internal static class InitCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="templates">The files to write (normally <see cref="InitTemplates.All"/>).</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, IReadOnlyList<InitTemplate> templates)
    {
        var folder = new Argument<string>("folder") { Description = "Where to write the files (created if missing); default: the current folder.", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var sample = new Option<bool>("--sample") { Description = "Write the demo's generated sample portfolio (200 accounts, 500 opportunities, ...) instead of the short examples." };
        var command = new Command("init", "Write commented example input files (accounts, events, deals, collections, people, transactions) and the default rule files (tier policy, playbook, pay plan).")
        {
            folder, force, sample,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetValue(folder)!,
            parse.GetValue(force),
            parse.GetValue(sample) ? [.. SampleCsv.Files(SampleGenerator.Generate()), .. InitTemplates.RuleFiles] : templates));
        return command;
    }

    private static int Run(CliContext context, string folder, bool force, IReadOnlyList<InitTemplate> templates)
    {
        if (File.Exists(folder))
        {
            throw new KamValidationException(folder, KamErrorCodes.InvalidState, folder, "is a file; kam init needs a folder.");
        }

        var targets = templates.Select(t => (Template: t, Path: Path.Combine(folder, t.FileName))).ToArray();
        var existing = targets.Where(t => File.Exists(t.Path)).ToArray();
        if (existing.Length > 0 && !force)
        {
            throw new KamValidationException(existing.Select(t => new KamValidationError(t.Path, KamErrorCodes.Duplicate, null, "already exists; nothing was written (use --force to overwrite).")));
        }

        Directory.CreateDirectory(folder);
        foreach (var (template, path) in targets)
        {
            AtomicFile.WriteAllText(path, template.Content);
            context.Output.WriteLine($"wrote {path}");
        }

        return KamApp.Ok;
    }
}
