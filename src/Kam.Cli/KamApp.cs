using System.CommandLine;
using Kam.Cli.Demo;
using Kam.Core;

namespace Kam.Cli;

/// <summary>The <c>kam</c> command line: parses the arguments and runs the chosen command.</summary>
/// <remarks>
/// User mistakes (a bad argument, an invalid file) print one clear message to standard error and return exit code
/// 2; a parse error returns 1; nothing prints a stack trace except a genuine bug.
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
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(configuration);
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

    internal static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("kam — key-account management: tiering, the eight-stage pipeline, pay and lifetime value.");
        root.Subcommands.Add(DemoCommand.Create(output));
        return root;
    }
}
