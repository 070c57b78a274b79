namespace Kam.Cli.Terminal;

/// <summary>Chooses how long work reports progress: a bar on an interactive terminal, nothing when output is redirected.</summary>
internal static class ProgressFactory
{
    /// <summary>Gets a reporter that ignores every report.</summary>
    public static IProgress<ProgressUpdate> Silent { get; } = new SilentProgress();

    /// <summary>Tells whether the process runs on an interactive terminal: neither standard output nor standard error is redirected.</summary>
    public static bool IsInteractiveTerminal => !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    /// <summary>Creates the reporter for a run.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="interactive">Whether the run is on an interactive terminal.</param>
    /// <returns>A <see cref="TerminalProgressBar"/> when interactive, else a silent reporter; dispose it when the work ends.</returns>
    public static IProgress<ProgressUpdate> Create(TextWriter error, bool interactive) =>
        interactive ? new TerminalProgressBar(error) : Silent;

    private sealed class SilentProgress : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
        }
    }
}
