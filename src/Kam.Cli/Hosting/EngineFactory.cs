using System.Diagnostics.CodeAnalysis;
using Kam.Core;
using Kam.Core.Compensation;
using Kam.Core.Stages;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;

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
internal sealed class EngineFactory
{
    /// <summary>Builds the ABC (Pareto) engine of a policy.</summary>
    /// <param name="policy">The run's Pareto policy.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IParetoEngine Pareto(ParetoPolicy policy) => new ParetoEngine(policy);

    /// <summary>Builds the RFM engine of a policy.</summary>
    /// <param name="policy">The run's RFM policy.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IRfmEngine Rfm(RfmPolicy policy) => new RfmEngine(policy);

    /// <summary>Builds the account-scorecard engine of a policy.</summary>
    /// <param name="policy">The run's scorecard policy.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IAccountScorecardEngine Scorecard(AccountScorecardPolicy policy) => new AccountScorecardEngine(policy);

    /// <summary>Builds the relationship-stage engine of a policy.</summary>
    /// <param name="policy">The run's relationship policy.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IRelationshipStageEngine Relationship(RelationshipPolicy policy) => new RelationshipStageEngine(policy);

    /// <summary>Builds the key-account selection engine of a policy.</summary>
    /// <param name="policy">The run's selection policy.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IKeyAccountSelectionEngine Selection(SelectionPolicy policy) => new KeyAccountSelectionEngine(policy);

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IPipelineAnalyzer Pipeline(Playbook playbook, PeriodKind forecastPeriod, FiscalCalendar calendar, Currency currency) =>
        new PipelineAnalyzer(new StagesOptions(playbook, forecast: new ForecastPolicy(forecastPeriod)), calendar, currency);

    /// <summary>Builds the win/loss analyzer of <c>kam winloss</c>.</summary>
    /// <param name="options">The rules (reason list, size bands, period, time zone).</param>
    /// <param name="calendar">The fiscal calendar that names the periods.</param>
    /// <param name="currency">The currency of the opportunity values.</param>
    /// <returns>The analyzer.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Portfolio.WinLossAnalyzer WinLoss(Kam.Core.Portfolio.WinLossOptions options, FiscalCalendar calendar, Currency currency) => new(options, calendar, currency);

    /// <summary>Builds the pay calculator of a fiscal calendar.</summary>
    /// <param name="calendar">The fiscal calendar (<c>--fiscal-year-start</c>).</param>
    /// <returns>The calculator.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public IPayCalculator Pay(FiscalCalendar calendar) => new PayCalculator(calendar);

    /// <summary>Builds the attainment, forecast and gap engine of <c>kam plan</c>.</summary>
    /// <param name="policy">The rules (probabilities, run rate, forecast method).</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Accounts.Attainment.AttainmentEngine Attainment(Kam.Core.Accounts.Attainment.AttainmentPolicy policy) => new(policy);

    /// <summary>Builds the plan checker of <c>kam plan</c>.</summary>
    /// <param name="policy">The thresholds of the checks.</param>
    /// <returns>The checker.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Accounts.Plans.IPlanChecker PlanChecker(Kam.Core.Accounts.Plans.PlanCheckPolicy policy) => new Kam.Core.Accounts.Plans.PlanChecker(policy);

    /// <summary>Builds the coverage engine of <c>kam coverage</c>.</summary>
    /// <param name="policy">The coverage rules.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Relationships.CoverageEngine Coverage(Kam.Core.Relationships.CoveragePolicy policy) => new(policy);

    /// <summary>Builds the stage-evidence engine of <c>kam coverage</c> (the organization items of the stage machine read from the map).</summary>
    /// <param name="policy">The stage-evidence rules.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Relationships.StageEvidenceEngine StageEvidence(Kam.Core.Relationships.StageEvidencePolicy policy) => new(policy);

    /// <summary>Builds the contact-compliance engine of <c>kam contact</c>.</summary>
    /// <param name="standards">The contact standards.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Relationships.Activities.ContactComplianceEngine Compliance(Kam.Core.Relationships.Activities.ContactStandards standards) => new(standards);

    /// <summary>Builds the relationship-health engine of <c>kam contact</c>.</summary>
    /// <param name="policy">The health rules.</param>
    /// <returns>The engine.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Relationships.Health.HealthEngine Health(Kam.Core.Relationships.Health.HealthPolicy policy) => new(policy);

    /// <summary>Creates the receivables analyzer.</summary>
    /// <param name="policy">The receivables policy.</param>
    /// <param name="currency">The currency of the data.</param>
    /// <returns>The analyzer.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every engine is built through the factory instance the root registers.")]
    public Kam.Core.Portfolio.Receivables.ReceivablesAnalyzer Receivables(Kam.Core.Portfolio.Receivables.ReceivablesPolicy policy, Currency currency) => new(policy, currency);
}
