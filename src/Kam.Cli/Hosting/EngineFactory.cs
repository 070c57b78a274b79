using System.Diagnostics.CodeAnalysis;
using Kam.Core;
using Kam.Core.Compensation;
using Kam.Core.Stages;
using Kam.Core.Tiering;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Hosting;

/// <summary>
/// Builds the engines whose rules a user gives on the command line (a <c>--policy</c> or <c>--playbook</c> file,
/// <c>--period</c>, <c>--fiscal-year-start</c>); registered in the composition root (<see cref="CliServices"/>).
/// Engines with the default rules are resolved from the service provider directly.
/// </summary>
/// <remarks>
/// Each method is the one place that knows how its engine is built from its rules: when an engine takes its rules in
/// its constructor, only that method's line changes (e.g. <c>policy =&gt; new ParetoEngine(policy).Assign</c>). The
/// tiering engines are handed out bound to their policy, so a command calls them with the accounts alone.
/// </remarks>
/// <param name="services">The root's services (the engines without rules of their own).</param>
internal sealed class EngineFactory(IServiceProvider services)
{
    /// <summary>Gets Pareto/ABC tiering bound to a policy.</summary>
    /// <param name="policy">The policy (from the user's tier-policy file or the defaults).</param>
    /// <returns>The engine's assignment of a portfolio.</returns>
    public Func<AccountMeasures, TieringResult> Pareto(ParetoPolicy policy) => Bind(services.GetRequiredService<ITieringEngine<ParetoPolicy>>(), policy);

    /// <summary>Gets RFM tiering bound to a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The engine's assignment of a portfolio.</returns>
    public Func<AccountMeasures, TieringResult> Rfm(RfmPolicy policy) => Bind(services.GetRequiredService<ITieringEngine<RfmPolicy>>(), policy);

    /// <summary>Gets scorecard tiering bound to a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The engine's assignment of a portfolio.</returns>
    public Func<AccountMeasures, TieringResult> Scorecard(ScorecardPolicy policy) => Bind(services.GetRequiredService<ITieringEngine<ScorecardPolicy>>(), policy);

    /// <summary>Gets relationship-stage tiering bound to a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The engine's assignment of a portfolio.</returns>
    public Func<AccountMeasures, TieringResult> Relationship(RelationshipPolicy policy) => Bind(services.GetRequiredService<ITieringEngine<RelationshipPolicy>>(), policy);

    /// <summary>Gets key-account selection bound to a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The engine's selection of a portfolio (with capacity and near misses).</returns>
    public Func<AccountMeasures, KeyAccountSelection> Selection(SelectionPolicy policy)
    {
        var engine = services.GetRequiredService<KeyAccountSelectionEngine>();
        return portfolio => engine.Select(portfolio, policy);
    }

    /// <summary>Builds the pipeline analyzer of a playbook, a forecast period, a fiscal calendar and a currency.</summary>
    /// <param name="playbook">The playbook (from <c>--playbook</c> or the default).</param>
    /// <param name="forecastPeriod">The forecast bucket (<c>--period</c>); the forecast's other rules are the defaults.</param>
    /// <param name="calendar">The fiscal calendar (<c>--fiscal-year-start</c>).</param>
    /// <param name="currency">The currency of the opportunities.</param>
    /// <returns>The analyzer.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IPipelineAnalyzer Pipeline(Playbook playbook, PeriodKind forecastPeriod, FiscalCalendar calendar, Currency currency) =>
        new PipelineAnalyzer(new StagesOptions { Playbook = playbook, Forecast = ForecastPolicy.Default with { Period = forecastPeriod } }, calendar, currency);

    /// <summary>Builds the pay calculator of a fiscal calendar.</summary>
    /// <param name="calendar">The fiscal calendar (<c>--fiscal-year-start</c>).</param>
    /// <returns>The calculator.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IPayCalculator Pay(FiscalCalendar calendar) => new PayCalculator(calendar);

    private static Func<AccountMeasures, TieringResult> Bind<TPolicy>(ITieringEngine<TPolicy> engine, TPolicy policy)
        where TPolicy : class => portfolio => engine.Assign(portfolio, policy);
}
