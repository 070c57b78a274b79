using Kam.Cli.Features.Ltv;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.People;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Plan;
using Kam.Cli.Features.Tier;
using Kam.Cli.Hosting;

namespace Kam.Cli;

/// <summary>The handlers the engine commands call with their validated input (tests replace them to check parsing alone).</summary>
/// <param name="Tier">Runs <c>kam tier</c>.</param>
/// <param name="Pipeline">Runs <c>kam pipeline</c>.</param>
/// <param name="Pay">Runs <c>kam pay</c>.</param>
/// <param name="Ltv">Runs <c>kam ltv</c>.</param>
/// <param name="Plan">Runs <c>kam plan</c>.</param>
/// <param name="Coverage">Runs <c>kam coverage</c>; <see langword="null"/> for the engines'.</param>
/// <param name="Contact">Runs <c>kam contact</c>; <see langword="null"/> for the engines'.</param>
internal sealed record EngineHandlers(
    Func<TierRequest, CliContext, int> Tier,
    Func<PipelineRequest, CliContext, int> Pipeline,
    Func<PayRequest, CliContext, int> Pay,
    Func<LtvRequest, CliContext, int> Ltv,
    Func<PlanRequest, CliContext, int> Plan,
    Func<CoverageRequest, CliContext, int>? Coverage = null,
    Func<ContactRequest, CliContext, int>? Contact = null)
{
    /// <summary>Gets the handlers that run the Kam.Core engines.</summary>
    public static EngineHandlers Default { get; } = new(TierRun.Handle, PipelineRun.Handle, PayRun.Handle, LtvRun.Handle, PlanRun.Handle);
}
