using Kam.Core.Compensation;
using Kam.Core.Performance;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Selection;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Retention;
using Kam.Core.Value.Summaries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Kam.Core.Stages.DealControl;

namespace Kam.Core.DependencyInjection;

/// <summary>Registers Kam.Core in a <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// A thin layer over the same constructors a host can call directly. The options follow the options pattern
/// (<see cref="IOptions{TOptions}"/> of <see cref="KamCoreOptions"/>); every engine is immutable, registered once as a
/// singleton behind its interface, built from <c>IOptions&lt;KamCoreOptions&gt;.Value</c> when it is first resolved,
/// and safe to use from many threads.
/// </remarks>
public static class KamCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers every Kam.Core engine as a singleton and adds <paramref name="configure"/> to the
    /// <see cref="KamCoreOptions"/>. Calling it again composes: every configure action applies, in order, and the
    /// engines are registered once.
    /// </summary>
    /// <remarks>
    /// The options are validated when the host starts (<c>ValidateOnStart</c>) or, without a host, when they or an
    /// engine are first resolved: invalid options throw <see cref="OptionsValidationException"/> whose failures read
    /// <c>options.Path: message (code, value 'x')</c>, one per problem (see <see cref="KamCoreOptions.Validate"/>).
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps every default.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddKamCore(this IServiceCollection services, Action<KamCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<KamCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(KamCoreMarker)))
        {
            return services;
        }

        services.AddSingleton<KamCoreMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KamCoreOptions>, KamCoreOptionsValidator>());
        options.ValidateOnStart();

        services.TryAddSingleton(sp => Options(sp).CreateFiscalCalendar());

        // Stages: the playbook and the deal-control views.
        services.TryAddSingleton(sp => Options(sp).Stages.Playbook);
        services.TryAddSingleton<IPipelineAnalyzer>(sp =>
            new PipelineAnalyzer(Options(sp).Stages, sp.GetRequiredService<FiscalCalendar>(), Currency.Parse(Options(sp).ReportingCurrency)));

        // Performance and compensation.
        services.TryAddSingleton(sp => Options(sp).Pay);
        services.TryAddSingleton<IAppraisalEngine>(_ => new AppraisalEngine());
        services.TryAddSingleton<IPayCalculator>(sp => new PayCalculator(sp.GetRequiredService<FiscalCalendar>()));

        // Value: account and retention economics, the summarizer, the customer-base models.
        services.TryAddSingleton<IAccountProfitabilityCalculator>(sp => new AccountProfitabilityCalculator(Options(sp).Value.Economics));
        services.TryAddSingleton<IRetentionEconomics>(sp => new RetentionEconomics(Options(sp).Value.Retention));
        services.TryAddSingleton<ITransactionSummarizer>(_ => new TransactionSummarizer());
        services.TryAddSingleton<ICustomerBaseModelFitter>(sp => new CustomerBaseModelFitter(Options(sp).Value.Fitting));
        services.TryAddSingleton<ILifetimeValueCalculator>(_ => new LifetimeValueCalculator());

        // Tiering. Engines with members beyond the interface (partitioned paths, selection reports) are also
        // registered as themselves, as the same instance.
        services.TryAddSingleton(sp => Options(sp).Tiering);
        services.TryAddSingleton(sp => new ParetoEngine(Options(sp).Tiering.Pareto));
        services.TryAddSingleton<IParetoEngine>(sp => sp.GetRequiredService<ParetoEngine>());
        services.TryAddSingleton(sp => new RfmEngine(Options(sp).Tiering.Rfm));
        services.TryAddSingleton<IRfmEngine>(sp => sp.GetRequiredService<RfmEngine>());
        services.TryAddSingleton<IAccountScorecardEngine>(sp => new AccountScorecardEngine(Options(sp).Tiering.Scorecard));
        services.TryAddSingleton<IOpportunityGradingEngine>(sp => new OpportunityGradingEngine(Options(sp).Tiering.Grading));
        services.TryAddSingleton<IRelationshipStageEngine>(sp => new RelationshipStageEngine(Options(sp).Tiering.Relationship));
        services.TryAddSingleton(sp => new KeyAccountSelectionEngine(Options(sp).Tiering.Selection));
        services.TryAddSingleton<IKeyAccountSelectionEngine>(sp => sp.GetRequiredService<KeyAccountSelectionEngine>());
        services.TryAddSingleton<IKeyAccountProgramEngine>(sp => new KeyAccountProgramEngine(Options(sp).Tiering.Program));

        // Portfolio: win/loss, churn, receivables and staffing, in the reporting currency.
        services.TryAddSingleton(sp => new WinLossAnalyzer(Options(sp).WinLoss, sp.GetRequiredService<FiscalCalendar>(), Currency.Parse(Options(sp).ReportingCurrency)));
        services.TryAddSingleton(sp => new ChurnAnalyzer(Options(sp).WinLoss.Reasons, sp.GetRequiredService<FiscalCalendar>(), Options(sp).ChurnPeriod, Currency.Parse(Options(sp).ReportingCurrency)));
        services.TryAddSingleton(sp => new ReceivablesAnalyzer(Options(sp).Receivables, Currency.Parse(Options(sp).ReportingCurrency)));
        services.TryAddSingleton(sp => new StaffingPlanner(Options(sp).Staffing));
        return services;
    }

    private static KamCoreOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<KamCoreOptions>>().Value;

    /// <summary>Marks a collection in which <c>AddKamCore</c> has registered the engines.</summary>
    private sealed class KamCoreMarker;

    /// <summary>Runs <see cref="KamCoreOptions.Validate"/> for the options pattern.</summary>
    private sealed class KamCoreOptionsValidator : IValidateOptions<KamCoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, KamCoreOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
        }
    }
}
