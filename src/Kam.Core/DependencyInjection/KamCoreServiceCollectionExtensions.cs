using Kam.Core;
using Kam.Core.Compensation;
using Kam.Core.Performance;
using Kam.Core.Stages;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models;
using Kam.Core.Value.Retention;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Value.Summaries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kam.Core in a <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// A thin layer over the same constructors a host can call directly: every engine is immutable, registered once as a
/// singleton behind its interface, and safe to use from many threads.
/// </remarks>
public static class KamCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers every Kam.Core engine as a singleton, with options validated now (a bad option fails here, at
    /// start-up, not at first use). Registers NodaTime's <see cref="SystemClock"/> as <see cref="IClock"/> unless the
    /// host registered a clock already.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps every default.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="KamValidationException">An option is invalid; every error names the option's path.</exception>
    public static IServiceCollection AddKamCore(this IServiceCollection services, Action<KamCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new KamCoreOptions();
        configure?.Invoke(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }

        var calendar = options.CreateFiscalCalendar();
        var reportingCurrency = Currency.Parse(options.ReportingCurrency);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(options);
        services.TryAddSingleton(calendar);

        // Stages: the playbook and the deal-control views.
        services.TryAddSingleton(options.Stages.Playbook);
        services.TryAddSingleton<IPipelineAnalyzer>(new PipelineAnalyzer(options.Stages, calendar, reportingCurrency));

        // Performance and compensation.
        services.TryAddSingleton(options.Pay);
        services.TryAddSingleton<IAppraisalEngine, AppraisalEngine>();
        services.TryAddSingleton<IPayCalculator>(new PayCalculator(calendar));

        // Value: account and retention economics, the summarizer, the customer-base models.
        services.TryAddSingleton<IAccountProfitabilityCalculator>(new AccountProfitabilityCalculator(options.Value.Economics));
        services.TryAddSingleton<IRetentionEconomics>(new RetentionEconomics(options.Value.Retention));
        services.TryAddSingleton<ITransactionSummarizer>(new TransactionSummarizer());
        services.TryAddSingleton<ICustomerBaseModelFitter>(new CustomerBaseModelFitter(options.Value.Fitting));
        services.TryAddSingleton<ILifetimeValueCalculator, LifetimeValueCalculator>();

        // Tiering.
        AddTiering(services, options.Tiering);
        return services;
    }

    private static void AddTiering(IServiceCollection services, TieringOptions tiering)
    {
        // Each engine is built with its policy from the options; registered behind its interface and as itself.
        var pareto = new ParetoEngine(tiering.Pareto);
        var rfm = new RfmEngine(tiering.Rfm);
        var scorecard = new AccountScorecardEngine(tiering.Scorecard);
        var grading = new OpportunityGradingEngine(tiering.Grading);
        var relationship = new RelationshipStageEngine(tiering.Relationship);
        var selection = new KeyAccountSelectionEngine(tiering.Selection);
        services.TryAddSingleton(tiering);
        services.TryAddSingleton<IParetoEngine>(pareto);
        services.TryAddSingleton(pareto);
        services.TryAddSingleton<IRfmEngine>(rfm);
        services.TryAddSingleton(rfm);
        services.TryAddSingleton<IAccountScorecardEngine>(scorecard);
        services.TryAddSingleton<IOpportunityGradingEngine>(grading);
        services.TryAddSingleton<IRelationshipStageEngine>(relationship);
        services.TryAddSingleton<IKeyAccountSelectionEngine>(selection);
        services.TryAddSingleton(selection);
    }
}
