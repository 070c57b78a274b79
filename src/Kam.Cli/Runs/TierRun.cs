using Kam.Cli.Commands;
using Kam.Cli.Demo;
using Kam.Cli.Init;

namespace Kam.Cli.Runs;

/// <summary>Runs the engine of <c>kam tier</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class TierRun
{
    /// <summary>Gets the default rule files this engine adds to <c>kam init</c>.</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles { get; } = [];

    /// <summary>Handles <c>kam tier</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(TierRequest request, CliContext context) => throw new NotSupportedException("kam tier is being wired.");

    /// <summary>Writes this engine's part of <c>kam demo</c>.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
    }
}
