using System.CommandLine;
using Kam.Cli.Commands;
using Kam.Cli.Demo;
using Kam.Cli.Init;
using Kam.Cli.Runs;
using Kam.Core;

namespace Kam.Cli;

/// <summary>The <c>kam</c> command line: parses the arguments and runs the chosen command.</summary>
/// <remarks>
/// <para>
/// User mistakes (a bad argument, an invalid file) print one clear message to standard error and return exit code
/// 2; a parse error returns 1; nothing prints a stack trace except a genuine bug.
/// </para>
/// <para>
/// Nothing is written half: a command writes its results to a buffer, which reaches standard output only when the
/// command returns; files (<c>--out</c>, <c>kam init</c>) are published atomically.
/// </para>
/// </remarks>
internal static class KamApp
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the input was invalid (the message names the field or file).</summary>
    public const int InvalidInput = 2;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The process exit code.</returns>
    /// <param name="interactive">Whether a person watches a terminal (progress bars on standard error).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive = false) =>
        Run(args, output, error, interactive, BuildRoot);

    /// <summary>Runs a command line built by <paramref name="buildRoot"/> with kam's error handling and output buffering (hosts and tests add commands this way).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="interactive">Whether a person watches a terminal.</param>
    /// <param name="buildRoot">Builds the root command for the run's context.</param>
    /// <returns>The process exit code.</returns>
    internal static int Run(string[] args, TextWriter output, TextWriter error, bool interactive, Func<CliContext, RootCommand> buildRoot)
    {
        using var buffer = new Output.SpillBuffer(output.NewLine);
        var context = new CliContext(buffer, error, interactive);
        var root = buildRoot(context);
        var configuration = new InvocationConfiguration { Output = buffer, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var exit = root.Parse(args).Invoke(configuration);
            buffer.CopyTo(output);
            return exit;
        }
        catch (KamValidationException ex)
        {
            error.WriteLine("kam: the input is not valid:");
            foreach (var problem in ex.Errors)
            {
                error.WriteLine($"  {problem}");
            }

            return InvalidInput;
        }
        catch (KamException ex)
        {
            error.WriteLine($"kam: {ex.Message}");
            return InvalidInput;
        }
    }

    /// <summary>Builds the command line with the handlers that run the Kam.Core engines.</summary>
    /// <param name="context">The run's context.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand BuildRoot(CliContext context) => BuildRoot(context, EngineHandlers.Default);

    /// <summary>Builds the command line with the given engine handlers (tests pass stubs to check parsing alone).</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handlers">What each engine command runs.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand BuildRoot(CliContext context, EngineHandlers handlers)
    {
        var root = new RootCommand("kam — key-account management: tiering, the eight-stage pipeline, pay and lifetime value.");
        root.Subcommands.Add(DemoCommand.Create(context.Output));
        root.Subcommands.Add(TierCommand.Create(context, handlers.Tier));
        root.Subcommands.Add(PipelineCommand.Create(context, handlers.Pipeline));
        root.Subcommands.Add(PayCommand.Create(context, handlers.Pay));
        root.Subcommands.Add(LtvCommand.Create(context, handlers.Ltv));
        root.Subcommands.Add(InitCommand.Create(context, InitTemplates.All));
        return root;
    }
}
