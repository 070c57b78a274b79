using System.CommandLine;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;

namespace Kam.Cli.Features.Init;

/// <summary><c>kam init [folder] [--force]</c>: writes commented example input files (and the engines' default rule files) for a user to edit.</summary>
/// <remarks>
/// Writes all files or none, checking every target first (see <see cref="FileSet"/>), and lists the files it wrote.
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
            parse.GetValue(sample) ? SampleInit.Files(context.Services) : templates));
        return command;
    }

    private static int Run(CliContext context, string folder, bool force, IReadOnlyList<InitTemplate> templates)
    {
        foreach (var path in FileSet.WriteAll(folder, templates.Select(t => (t.FileName, t.Content)), force))
        {
            context.Output.WriteLine($"wrote {path}");
        }

        return ExitCodes.Ok;
    }
}
