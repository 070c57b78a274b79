using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Init;
using Kam.Cli.Features.Ltv;
using Kam.Cli.Features.People;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Plan;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.Shared;
using Kam.Cli.Features.Tier;
using Kam.Cli.Features.WinLoss;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Targets;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Tiering;
using Kam.Core.Value.Economics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Kam.Cli.Features.Portfolio;

/// <summary>A part of the account review the folder did not give, and why.</summary>
/// <param name="Part">The part.</param>
/// <param name="Why">Why it is absent, e.g. <c>no invoices.csv</c>.</param>
internal sealed record AbsentPart(ReviewPart Part, string Why);

/// <summary>What the loader read from a folder and the engines computed from it, as of one day.</summary>
/// <param name="Sources">The account review's sources: every part the files give.</param>
/// <param name="AsOf">The day of the figures.</param>
/// <param name="Currency">The currency of every amount (accounts.csv's).</param>
/// <param name="FilesRead">The files read, in reading order.</param>
/// <param name="Absent">The parts absent, each with why, in the order of <see cref="ReviewPart"/>.</param>
/// <param name="Accounts">The accounts of accounts.csv, in file order.</param>
/// <param name="Tiering">The tiering run of <c>kam tier</c> on the accounts.</param>
/// <param name="Lifetime">The lifetime-value run of <c>kam ltv</c> (BG/NBD), or <see langword="null"/> without transactions.csv.</param>
/// <param name="Receivables">The receivables run of <c>kam receivables</c>, or <see langword="null"/> without invoices.csv and payments.csv.</param>
/// <param name="Hierarchy">The accounts and our organization, or <see langword="null"/> without organization.json.</param>
internal sealed record PortfolioData(
    AccountReviewSources Sources,
    LocalDate AsOf,
    Currency Currency,
    IReadOnlyList<string> FilesRead,
    IReadOnlyList<AbsentPart> Absent,
    AccountColumns Accounts,
    TierAnalysis Tiering,
    LtvResult? Lifetime,
    ReceivablesResult? Receivables,
    AccountHierarchy? Hierarchy)
{
    /// <summary>Gets each account's name (accounts.csv), by account.</summary>
    public IReadOnlyDictionary<AccountId, string> Names { get; } = NamesOf(Accounts);

    /// <summary>Gets why a part is absent, or <see langword="null"/> when it is present.</summary>
    /// <param name="part">The part.</param>
    /// <returns>The reason.</returns>
    public string? WhyAbsent(ReviewPart part) => Absent.FirstOrDefault(a => a.Part == part)?.Why;

    private static Dictionary<AccountId, string> NamesOf(AccountColumns accounts)
    {
        var names = new Dictionary<AccountId, string>(accounts.Count);
        var ids = accounts.Ids;
        var texts = accounts.Names;
        for (var i = 0; i < accounts.Count; i++)
        {
            names[ids[i]] = texts[i];
        }

        return names;
    }
}

/// <summary>
/// The loader of <c>kam portfolio</c> and <c>kam review</c>: reads a folder of the files <c>kam init --sample</c>
/// writes, runs every engine through the code of its own command (<c>kam tier</c>, <c>kam plan</c>, <c>kam pipeline</c>,
/// <c>kam winloss</c>, <c>kam ltv</c>, <c>kam coverage</c>, <c>kam contact</c>, <c>kam receivables</c>) as of one day,
/// and joins the results into <see cref="AccountReviewSources"/>. Errors keep the commands' locations
/// (<c>file:line:column</c>, <c>file:$.path</c>).
/// </summary>
internal static class PortfolioLoad
{
    /// <summary>The lifetime-value horizon, in months.</summary>
    public const int LtvHorizonMonths = 12;

    /// <summary>The yearly discount rate of the lifetime value.</summary>
    public static readonly Percentage LtvDiscountRate = Percentage.FromPercent(10m);

    /// <summary>Loads a folder.</summary>
    /// <param name="folder">The folder and the as-of day.</param>
    /// <param name="services">The run's services (the engine factory and the Value engines).</param>
    /// <param name="warnings">Receives the warnings (each a line starting <c>kam: warning: </c>).</param>
    /// <returns>What was loaded.</returns>
    /// <exception cref="KamValidationException">A file is invalid (located), or accounts.csv is missing.</exception>
    public static PortfolioData Load(PortfolioFolder folder, IServiceProvider services, Action<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(warnings);
        var engines = services.GetRequiredService<EngineFactory>();
        var read = new List<string>();
        string? Find(string name)
        {
            var path = folder.PathOf(name);
            if (!InputFiles.Exists(path))
            {
                return null;
            }

            read.Add(path);
            return path;
        }

        var accountsPath = Find(PortfolioFiles.Accounts)
            ?? throw new KamValidationException(folder.PathOf(PortfolioFiles.Accounts), KamErrorCodes.Required, folder.Folder, "accounts.csv: file not found; the folder must hold at least accounts.csv (kam init DIR --sample writes a complete folder).");

        // The files, read and checked cell by cell by the commands' readers.
        var accounts = AccountsCsv.Read(accountsPath);
        var currency = accounts.Count > 0 ? accounts.CurrencyAt(0) : Currency.CNY;
        var organizationPath = Find(PortfolioFiles.Organization);
        var targetsPath = Find(PortfolioFiles.Targets);
        var plansPath = Find(PortfolioFiles.Plans);
        var eventsPath = Find(PortfolioFiles.Events);
        var opportunities = eventsPath is null ? null : EventsCsv.Read(eventsPath);
        var transactionsPath = Find(PortfolioFiles.Transactions);
        var transactions = transactionsPath is null ? null : TransactionsCsv.Read(transactionsPath);
        var invoicesPath = Find(PortfolioFiles.Invoices);
        var paymentsPath = Find(PortfolioFiles.Payments);
        var receivablesInput = invoicesPath is not null && paymentsPath is not null ? ReceivablesCsv.Read(invoicesPath, paymentsPath, accountsPath) : null;
        var contactsPath = Find(PortfolioFiles.Contacts);
        var contacts = contactsPath is null ? null : ContactsCsv.ReadContacts(contactsPath);
        var relationshipsPath = Find(PortfolioFiles.Relationships);
        var relationships = relationshipsPath is null ? null : ContactsCsv.ReadRelationships(relationshipsPath);
        var activitiesPath = Find(PortfolioFiles.Activities);
        var activities = activitiesPath is null ? null : ActivitiesCsv.ReadActivities(activitiesPath);
        var promises = Find(PortfolioFiles.Promises) is { } promisesPath ? ActivitiesCsv.ReadPromises(promisesPath) : [];
        var checks = Find(PortfolioFiles.Checks) is { } checksPath ? ActivitiesCsv.ReadChecks(checksPath) : [];
        var tierPolicy = Find(PortfolioFiles.TierPolicy) is { } tierPath ? TierRun.ReadPolicy(tierPath) : new TieringOptions();
        var playbook = Find(PortfolioFiles.Playbook) is { } playbookPath ? RuleFile.Load(playbookPath, PortfolioFiles.Playbook, Playbook.FromJson) : Playbook.Default;
        var reasons = Find(PortfolioFiles.CloseReasons) is { } reasonsPath ? new WinLossOptions(RuleFile.Load(reasonsPath, PortfolioFiles.CloseReasons, CloseReasonCatalog.FromJson)) : WinLossOptions.Default;
        var standards = Find(PortfolioFiles.ContactStandards) is { } standardsPath ? RuleFile.Load(standardsPath, PortfolioFiles.ContactStandards, ContactStandards.FromJson) : ContactStandards.Default;
        var coveragePolicy = Find(PortfolioFiles.CoveragePolicy) is { } coveragePath ? RuleFile.Load(coveragePath, PortfolioFiles.CoveragePolicy, CoveragePolicy.FromJson) : CoveragePolicy.Default;
        var healthPolicy = Find(PortfolioFiles.HealthPolicy) is { } healthPath ? RuleFile.Load(healthPath, PortfolioFiles.HealthPolicy, HealthPolicy.FromJson) : HealthPolicy.Default;
        var checkPolicy = Find(PortfolioFiles.PlanCheckPolicy) is { } checkPath ? RuleFile.Load(checkPath, PortfolioFiles.PlanCheckPolicy, PlanCheckPolicy.FromJson) : PlanCheckPolicy.Default;
        var attainmentPolicy = Find(PortfolioFiles.AttainmentPolicy) is { } attainmentPath ? RuleFile.Load(attainmentPath, PortfolioFiles.AttainmentPolicy, AttainmentPolicy.FromJson) : AttainmentPolicy.Default;
        var receivablesPolicy = Find(PortfolioFiles.ReceivablesPolicy) is { } receivablesPolicyPath ? RuleFile.Load(receivablesPolicyPath, PortfolioFiles.ReceivablesPolicy, ReceivablesPolicy.FromJson) : ReceivablesPolicy.Default;
        RequireCurrency(currency, accountsPath, opportunities, transactions, transactionsPath, receivablesInput, invoicesPath);

        // One day for every engine: --as-of, else the latest day in the files.
        var (latest, latestFile) = Latest(accounts, accountsPath, opportunities, eventsPath, transactions, transactionsPath, receivablesInput, invoicesPath, activities, activitiesPath, contacts, contactsPath, relationships, relationshipsPath);
        var asOf = folder.AsOf ?? latest ?? throw new KamValidationException("--as-of", KamErrorCodes.Required, null, "the files hold no date: give the day with --as-of.");
        foreach (var warning in AsOfWarnings.For(asOf, "--as-of", folder.AsOf is not null, latest, latestFile ?? accountsPath))
        {
            warnings(warning);
        }

        // The receivables first: their credit-risk alerts feed the tiering's credit gate.
        var absent = new List<AbsentPart>();
        var receivables = receivablesInput is null ? null : ReceivablesAnalysis.Run(receivablesInput, receivablesPolicy, asOf, engines);
        var tiering = TierAnalysis.Run(engines, accounts, tierPolicy, asOf, receivables?.Report);
        absent.Add(new AbsentPart(ReviewPart.TierChanges, "accounts.csv holds one period: there is no earlier tiering to compare with"));
        var profitability = Profitability(services, accounts, asOf);

        // The hierarchy (owner, unit) and the parts that need our organization.
        var hierarchyRows = organizationPath is null ? null : AccountHierarchyCsv.Read(accountsPath);
        var organization = organizationPath is null ? null : RuleFile.Load(organizationPath, PortfolioFiles.Organization, Organization.FromJson);
        var hierarchy = organization is null ? null : PeopleInputs.Hierarchy(organization, hierarchyRows!, organizationPath!);

        // The pipeline, win/loss and the plans replay events.csv once.
        var replayed = opportunities is null ? null : PipelineReplay.Replay(playbook, opportunities, PipelineRun.EndOf(asOf));
        var calendar = new FiscalCalendar(firstMonth: 1);
        DealControlSummary? pipeline = null;
        IReadOnlyDictionary<AccountId, WinLossSummary>? winLoss = null;
        if (replayed is null)
        {
            absent.Add(new AbsentPart(ReviewPart.Pipeline, "no events.csv"));
            absent.Add(new AbsentPart(ReviewPart.WinLoss, "no events.csv"));
        }
        else
        {
            var analyzer = engines.Pipeline(playbook, PeriodKind.Quarter, calendar, currency);
            try
            {
                pipeline = PipelineViews.Build(analyzer, replayed, PipelineRun.EndOf(asOf) - Duration.Epsilon).Summary;
            }
            catch (KamValidationException ex)
            {
                throw RecordErrors.Locate(ex, RecordErrors.Opportunities(replayed.Select(o => o.Record).ToArray()));
            }

            winLoss = WinLossAnalysis.ByAccount(replayed, accounts, reasons, calendar, currency, engines);
        }

        IReadOnlyList<AttainmentLine>? attainment = null;
        PlanCheckReport? plans = null;
        if (organization is null || targetsPath is null || plansPath is null)
        {
            var why = "no " + string.Join(", no ", new[] { (organizationPath, PortfolioFiles.Organization), (targetsPath, PortfolioFiles.Targets), (plansPath, PortfolioFiles.Plans) }.Where(f => f.Item1 is null).Select(f => f.Item2));
            absent.Add(new AbsentPart(ReviewPart.Attainment, why));
            absent.Add(new AbsentPart(ReviewPart.Plans, why));
        }
        else
        {
            var targets = RuleFile.Load(targetsPath, PortfolioFiles.Targets, TargetPlan.FromJson);
            var (planList, listPath) = RuleFile.Load(plansPath, PortfolioFiles.Plans, PlanAnalysis.ParsePlans);
            var result = PlanAnalysis.Run(
                organization, targets, planList, replayed ?? [], asOf, engines.PlanChecker(checkPolicy), engines.Attainment(attainmentPolicy),
                new PlanSources(hierarchyRows!, organizationPath!, targetsPath, plansPath, listPath));
            plans = result.Checks;
            if (PlanViews.Bookings(result) is { } bookings)
            {
                attainment = result.Attainment.Accounts(bookings.Key, targets.Year).ToArray();
            }
            else
            {
                absent.Add(new AbsentPart(ReviewPart.Attainment, "targets.json sets no bookings target"));
            }
        }

        // Coverage, contact compliance and health.
        IReadOnlyList<CoverageReport>? coverage = null;
        if (hierarchy is null || contacts is null || relationships is null)
        {
            absent.Add(new AbsentPart(ReviewPart.Coverage, Missing((organizationPath, PortfolioFiles.Organization), (contactsPath, PortfolioFiles.Contacts), (relationshipsPath, PortfolioFiles.Relationships))));
        }
        else
        {
            var map = PeopleInputs.Map(contacts, relationships, hierarchy);
            coverage = PeopleAnalysis.Coverage(hierarchyRows!, map, opportunities, asOf, engines.Coverage(coveragePolicy), engines.StageEvidence(StageEvidencePolicy.Default)).Reports;
        }

        ComplianceReport? compliance = null;
        HealthReport? health = null;
        if (hierarchy is null || activities is null)
        {
            var why = Missing((organizationPath, PortfolioFiles.Organization), (activitiesPath, PortfolioFiles.Activities));
            absent.Add(new AbsentPart(ReviewPart.Health, why));
            absent.Add(new AbsentPart(ReviewPart.Compliance, why));
        }
        else
        {
            var columns = ActivitiesCsv.ReadAccountColumns(accountsPath);
            var history = contacts is null ? null : PeopleInputs.Map(contacts, [], hierarchy).History;
            var log = PeopleInputs.Log(activities, hierarchyRows!, columns, history, accountsPath);
            var (checkList, satisfaction, checkCell, scoreCell) = PeopleInputs.Checks(checks);
            var contact = PeopleAnalysis.Contact(
                hierarchy, hierarchyRows!, columns, log, new HealthInputs(checkList, satisfaction, promises, history, checkCell, scoreCell), PeopleRun.DefaultFrom(asOf), asOf,
                engines.Compliance(standards), engines.Health(healthPolicy), accountsPath);
            compliance = contact.Compliance;
            health = contact.Health;
        }

        // Receivables (analyzed above) and lifetime value.
        if (receivablesInput is null)
        {
            absent.Add(new AbsentPart(ReviewPart.Receivables, Missing((invoicesPath, PortfolioFiles.Invoices), (paymentsPath, PortfolioFiles.Payments))));
        }

        LtvResult? lifetime = null;
        if (transactions is null)
        {
            absent.Add(new AbsentPart(ReviewPart.LifetimeValue, "no transactions.csv"));
        }
        else if (transactions.All(t => t.Date > asOf))
        {
            absent.Add(new AbsentPart(ReviewPart.LifetimeValue, Invariant($"transactions.csv has no purchase by {asOf:yyyy-MM-dd}")));
        }
        else
        {
            var known = new HashSet<AccountId>(accounts.Count);
            foreach (var id in accounts.Ids)
            {
                known.Add(id);
            }

            var strangers = transactions.Select(t => t.Customer).Where(c => !known.Contains(c)).Distinct().Count();
            if (strangers > 0)
            {
                warnings(Invariant($"kam: warning: {strangers} customers of {transactionsPath} are not accounts of {accountsPath}: they are reviewed on their lifetime value alone, without a name, tier or the other parts."));
            }

            lifetime = LtvAnalysis.Run(new LtvInput(transactionsPath!, transactions, LtvModel.BgNbd, asOf, LtvHorizonMonths, LtvDiscountRate), LtvEngines.From(services), progress: null);
        }

        var sources = new AccountReviewSources(
            hierarchy: hierarchy,
            tiering: tiering.Scorecard.Result,
            attainment: attainment,
            plans: plans,
            pipeline: pipeline,
            winLoss: winLoss,
            profitability: profitability.ByRevenue,
            lifetimeValue: lifetime?.Report,
            coverage: coverage,
            health: health,
            compliance: compliance,
            receivables: receivables?.Report);
        var ordered = absent.OrderBy(a => a.Part).ToArray();
        return new PortfolioData(sources, asOf, currency, read, ordered, accounts, tiering, lifetime, receivables, hierarchy);
    }

    /// <summary>Loads the folder <c>kam init --sample</c> writes, as of the sample's last day (written to a temporary folder and read back, so that the demo shows what the commands compute on those files).</summary>
    /// <param name="services">The run's services.</param>
    /// <returns>The loaded sample.</returns>
    public static PortfolioData LoadSample(IServiceProvider services) =>
        FileSet.InTemporaryFolder(
            SampleInit.Files(services).Select(t => (t.FileName, t.Content)),
            folder => Load(new PortfolioFolder(folder, null, null, OutputFormat.Table, null), services, _ => { }));

    /// <summary>Loads the review rules (<c>--rules</c>) against the sources' signals: an unknown signal is located at <c>file:$.rules[i].conditions[j].signal</c>.</summary>
    /// <param name="path">The rule file, or <see langword="null"/> for <see cref="ReviewRuleSet.Default"/>.</param>
    /// <param name="catalog">The signals the sources provide.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="KamValidationException">The file is refused.</exception>
    public static ReviewRuleSet Rules(string? path, SignalCatalog catalog) =>
        path is null ? ReviewRuleSet.Default : RuleFile.Load(path, "--rules", json => ReviewRuleSet.FromJson(json, catalog));

    /// <summary>Each account's profitability over the as-of day's calendar year, from the year's figures of accounts.csv.</summary>
    private static ProfitabilityReport Profitability(IServiceProvider services, AccountColumns accounts, LocalDate asOf)
    {
        var year = new FiscalCalendar(firstMonth: 1).PeriodOf(asOf, PeriodKind.Year);
        var figures = new AccountPeriodFigures[accounts.Count];
        for (var i = 0; i < figures.Length; i++)
        {
            var currency = accounts.CurrencyAt(i);
            figures[i] = new AccountPeriodFigures
            {
                Account = accounts.Ids[i],
                Period = year,
                Revenue = new Money(accounts.Revenue[i], currency),
                Discounts = new Money(accounts.Discounts[i], currency),
                CostOfGoods = new Money(accounts.Revenue[i] - accounts.GrossProfit[i], currency), // gross profit at list price, as in kam demo
                CostToServe = new Money(accounts.CostToServe[i], currency),
            };
        }

        return services.GetRequiredService<IAccountProfitabilityCalculator>().Calculate(figures);
    }

    private static string Missing(params (string? Path, string Name)[] files) =>
        "no " + string.Join(", no ", files.Where(f => f.Path is null).Select(f => f.Name));

    // Every part in accounts.csv's currency: amounts are joined as the parts give them.
    private static void RequireCurrency(
        Currency currency,
        string accountsPath,
        IReadOnlyList<OpportunityRecord>? opportunities,
        IReadOnlyList<TransactionRecord>? transactions,
        string? transactionsPath,
        ReceivablesInput? receivables,
        string? invoicesPath)
    {
        var errors = new List<KamValidationError>();
        void Check(Currency other, string? where, string file)
        {
            if (other != currency)
            {
                errors.Add(new KamValidationError(where ?? file, KamErrorCodes.CurrencyMismatch, other.Code, $"{file} is in {other.Code}, accounts.csv ({accountsPath}) in {currency.Code}: give every file in one currency."));
            }
        }

        if (opportunities is { Count: > 0 })
        {
            Check(opportunities[0].Value.Currency, opportunities[0].Events.Select(e => e.Source?.File).FirstOrDefault(f => f is not null), PortfolioFiles.Events);
        }

        if (transactions is { Count: > 0 })
        {
            Check(transactions[0].Amount.Currency, transactionsPath, PortfolioFiles.Transactions);
        }

        if (receivables is { Invoices.Count: > 0 })
        {
            Check(receivables.Currency, invoicesPath, PortfolioFiles.Invoices);
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }

    // The latest day of any file (the default as-of day) and the file it is in.
    private static (LocalDate? Day, string? File) Latest(
        AccountColumns accounts,
        string accountsPath,
        IReadOnlyList<OpportunityRecord>? opportunities,
        string? eventsPath,
        IReadOnlyList<TransactionRecord>? transactions,
        string? transactionsPath,
        ReceivablesInput? receivables,
        string? invoicesPath,
        IReadOnlyList<ActivityRecord>? activities,
        string? activitiesPath,
        IReadOnlyList<ContactRecord>? contacts,
        string? contactsPath,
        IReadOnlyList<RelationshipRecord>? relationships,
        string? relationshipsPath)
    {
        LocalDate? day = null;
        string? file = null;
        void Offer(LocalDate? candidate, string? where)
        {
            if (candidate is { } d && (day is null || d > day.Value))
            {
                (day, file) = (d, where);
            }
        }

        var last = accounts.LastOrder;
        for (var i = 0; i < last.Length; i++)
        {
            Offer(last[i], accountsPath);
        }

        if (opportunities is not null)
        {
            foreach (var o in opportunities)
            {
                foreach (var e in o.Events)
                {
                    Offer(e.At.InUtc().Date, eventsPath);
                }
            }
        }

        Offer(transactions is { Count: > 0 } ? transactions.Max(t => t.Date) : null, transactionsPath);
        Offer(receivables is null ? null : ReceivablesAnalysis.Latest(receivables), invoicesPath);
        Offer(activities is { Count: > 0 } ? activities.Max(a => a.Activity.Date) : null, activitiesPath);
        Offer(contacts is { Count: > 0 } ? contacts.Max(c => c.Date) : null, contactsPath);
        Offer(relationships is { Count: > 0 } ? relationships.Max(r => r.Date) : null, relationshipsPath);
        return (day, file);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
