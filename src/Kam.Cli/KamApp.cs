using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Kam.Cli.Features.Demo;
using Kam.Cli.Features.Forecast;
using Kam.Cli.Features.WinLoss;
using Kam.Cli.Features.Import;
using Kam.Cli.Features.Init;
using Kam.Cli.Features.Ltv;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.People;
using Kam.Cli.Features.Plan;
using Kam.Cli.Features.Portfolio;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.Review;
using Kam.Cli.Features.Tier;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Core;

namespace Kam.Cli;

/// <summary>The <c>kam</c> command line: parses the arguments and runs the chosen command.</summary>
/// <remarks>
/// <para>Exit codes (docs/cli.md lists them too):</para>
/// <list type="table">
/// <item><term>0 (<see cref="Ok"/>)</term><description>The run worked; warnings, if any, went to standard error as lines starting <c>kam: warning: </c>. Also <c>--help</c>, <c>--version</c> and bare <c>kam</c> (which prints the help).</description></item>
/// <item><term>1 (<see cref="UsageError"/>)</term><description>The command line itself is wrong: an unknown command or option, a missing argument, a value the option does not accept. One message per problem and a hint to run <c>--help</c>.</description></item>
/// <item><term>2 (<see cref="InvalidInput"/>)</term><description>An input (a file, a cell, an option value, a rule file) is invalid, or an output is refused (it is an input of the run, a folder, a link, a device), or the environment refused a read or write (permission denied, disk full). One clear message, no stack trace.</description></item>
/// <item><term>70 (<see cref="InternalError"/>)</term><description>A bug in kam: any other exception. One line naming the exception, no stack trace unless the environment variable <c>KAM_DEBUG=1</c> is set.</description></item>
/// </list>
/// <para>
/// Nothing is written half: a command writes its results to a buffer, which reaches standard output only when the
/// command returns; files (<c>--out</c>, <c>kam init</c>) are published atomically (see <see cref="AtomicFile"/>).
/// </para>
/// </remarks>
internal static class KamApp
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Ok = ExitCodes.Ok;

    /// <summary>Exit code when the command line itself is wrong (unknown command or option, parse error).</summary>
    public const int UsageError = ExitCodes.UsageError;

    /// <summary>Exit code when an input was invalid or an output refused (the message names the field or file).</summary>
    public const int InvalidInput = ExitCodes.InvalidInput;

    /// <summary>Exit code of a bug in kam (an unexpected exception); 70 is <c>EX_SOFTWARE</c> of BSD's sysexits.h.</summary>
    public const int InternalError = ExitCodes.InternalError;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="interactive">Whether a person watches a terminal (progress bars on standard error).</param>
    /// <returns>The process exit code.</returns>
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
        using var buffer = new SpillBuffer(output.NewLine);
        using var services = new CliServices();
        var context = new CliContext(buffer, error, interactive, services);
        try
        {
            var root = buildRoot(context);
            var parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                return ReportUsageError(parse, error);
            }

            var configuration = new InvocationConfiguration { Output = buffer, Error = error, EnableDefaultExceptionHandler = false };
            var exit = parse.Invoke(configuration);
            buffer.CopyTo(output);
            output.Flush();
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The environment refused a read or a write (permission, disk full, a file vanished): not a bug in kam.
            error.WriteLine($"kam: {ex.Message}");
            return InvalidInput;
        }
        catch (Exception ex)
        {
            // The last resort: anything else is a bug. One line, unless KAM_DEBUG=1 asks for the trace.
            error.WriteLine($"kam: internal error: {ex.GetType().FullName}: {ex.Message} — this is a bug in kam; please report it with the command line");
            if (Environment.GetEnvironmentVariable("KAM_DEBUG") == "1")
            {
                error.WriteLine(ex.ToString());
            }

            return InternalError;
        }
    }

    /// <summary>Reports parse errors: one line per problem, then where to find the usage.</summary>
    private static int ReportUsageError(ParseResult parse, TextWriter error)
    {
        foreach (var message in parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            error.WriteLine($"kam: {message}");
        }

        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        var command = string.Join(' ', ["kam", .. names]);
        error.WriteLine(names.Count == 0 ? $"Run '{command} --help' to see the commands." : $"Run '{command} --help' to see its arguments and options.");
        return UsageError;
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
        root.SetAction(parse =>
        {
            // Bare `kam` shows what it can do, on standard output, and succeeds.
            new HelpAction().Invoke(parse);
            return Ok;
        });
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(TierCommand.Create(context, handlers.Tier));
        root.Subcommands.Add(PipelineCommand.Create(context, handlers.Pipeline));
        root.Subcommands.Add(PayCommand.Create(context, handlers.Pay));
        root.Subcommands.Add(LtvCommand.Create(context, handlers.Ltv));
        root.Subcommands.Add(PlanCommand.Create(context, handlers.Plan));
        root.Subcommands.Add(ForecastCommand.Create(context, ForecastRun.Handle));
        root.Subcommands.Add(WinLossCommand.Create(context, WinLossRun.Handle));
        root.Subcommands.Add(ReceivablesCommand.Create(context, ReceivablesRun.Handle));
        root.Subcommands.Add(PortfolioCommand.Create(context, PortfolioRun.Handle));
        root.Subcommands.Add(ReviewCommand.Create(context, ReviewRun.Handle));
        root.Subcommands.Add(CoverageCommand.Create(context, handlers.Coverage ?? PeopleRun.Coverage));
        root.Subcommands.Add(ContactCommand.Create(context, handlers.Contact ?? PeopleRun.Contact));
        root.Subcommands.Add(InitCommand.Create(context, InitTemplates.All));
        root.Subcommands.Add(ImportCommand.Create(context));
        return root;
    }
}
