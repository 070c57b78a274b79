
namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The totals of a slice of the open pipeline: how many projects, their value, their probability-weighted value, and
/// the value in the commit and best-case views (see <see cref="ForecastPolicy"/>).
/// </summary>
/// <remarks>Amounts are unrounded sums in the pipeline's currency. Equality is structural.</remarks>
/// <param name="Count">The number of open projects.</param>
/// <param name="Value">Their total expected value.</param>
/// <param name="Weighted">The sum of value × earned win probability.</param>
/// <param name="Commit">The value of projects whose earned probability reaches the commit threshold.</param>
/// <param name="BestCase">The value of projects whose probability band reaches the best-case threshold.</param>
public sealed record PipelineFigures(long Count, Money Value, Money Weighted, Money Commit, Money BestCase);

/// <summary>The pipeline figures of one sales stage (or, with a null stage, of projects that have not entered stage 1).</summary>
/// <param name="Stage">The entered stage, or null for projects before stage 1.</param>
/// <param name="Figures">The totals.</param>
public sealed record StageFigures(SalesStage? Stage, PipelineFigures Figures);

/// <summary>The pipeline figures of one funnel state.</summary>
/// <param name="Funnel">The funnel state.</param>
/// <param name="Figures">The totals.</param>
public sealed record FunnelFigures(FunnelState Funnel, PipelineFigures Figures);

/// <summary>The pipeline figures of one salesperson.</summary>
/// <param name="Owner">The salesperson.</param>
/// <param name="Figures">The totals.</param>
public sealed record OwnerFigures(PersonId Owner, PipelineFigures Figures);

/// <summary>The pipeline figures (and so the forecast) of one fiscal period of expected close.</summary>
/// <param name="Period">The period of expected close.</param>
/// <param name="Figures">The totals: <see cref="PipelineFigures.Weighted"/> is the weighted forecast.</param>
public sealed record PeriodFigures(FiscalPeriod Period, PipelineFigures Figures);
