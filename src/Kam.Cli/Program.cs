using Kam.Cli.Terminal;

namespace Kam.Cli;

/// <summary>The process entry point of <c>kam</c>.</summary>
internal static class Program
{
    /// <summary>Runs the command line on the console.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => KamApp.Run(args, Console.Out, Console.Error, ProgressFactory.IsInteractiveTerminal);
}
