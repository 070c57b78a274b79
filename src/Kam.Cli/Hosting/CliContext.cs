using Kam.Cli.Terminal;

namespace Kam.Cli.Hosting;

/// <summary>What a command runs against: where results and messages go, whether a person is watching a terminal, and the engines.</summary>
/// <param name="Output">Standard output (results). kam buffers it and publishes it only when the command completes.</param>
/// <param name="Error">Standard error (messages, the progress bar).</param>
/// <param name="Interactive">Whether the process runs on an interactive terminal (neither stream redirected).</param>
/// <param name="Services">The run's services, from the composition root (<see cref="CliServices"/>): every engine comes from them.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool Interactive, IServiceProvider Services)
{
    /// <summary>Creates the progress reporter of one piece of long work: a bar on a terminal, silent otherwise.</summary>
    /// <returns>The reporter; dispose it (if disposable) when the work ends, to clear the bar.</returns>
    public IProgress<ProgressUpdate> CreateProgress() => ProgressFactory.Create(Error, Interactive);

    /// <summary>Runs one piece of long work with a progress reporter, and clears the terminal bar when it ends (also on error).</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="work">The work, given the reporter.</param>
    /// <returns>The work's result.</returns>
    public T WithProgress<T>(Func<IProgress<ProgressUpdate>, T> work)
    {
        var progress = CreateProgress();
        try
        {
            return work(progress);
        }
        finally
        {
            (progress as IDisposable)?.Dispose();
        }
    }
}
