using Kam.Cli.Progress;

namespace Kam.Cli.Commands;

/// <summary>The progress reporter of one piece of a command's work; disposing it clears the terminal bar (idempotent).</summary>
internal sealed class ProgressScope : IDisposable
{
    /// <summary>Creates the reporter for the context.</summary>
    /// <param name="context">The run's context.</param>
    public ProgressScope(CliContext context) => Progress = context.CreateProgress();

    /// <summary>Gets the reporter.</summary>
    public IProgress<ProgressUpdate> Progress { get; }

    /// <inheritdoc />
    public void Dispose() => (Progress as IDisposable)?.Dispose();
}
