using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Benchmarks.Stages;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Summaries;
using NodaTime;

namespace Kam.Core.Benchmarks.Portfolio;

/// <summary>
/// The parts of the account review for a generated portfolio, each the result of its engine on generated data:
/// 100,000 accounts in a hierarchy (100 branches, one manager each); 1,000,000 opportunities (10 an account, 20 events
/// each) replayed through the stage machine and summarised by the pipeline analyzer, and read by the attainment engine
/// against a year target per account; 5,000,000 invoices (50 an account over two years) with 4,000,000 payments
/// through the receivables analyzer; the same invoices as a transaction log, summarised and projected to lifetime
/// values; 400,000 quarters of revenue and costs through the profitability calculator; two Pareto tiering runs and
/// their changes; 2,000,000 activities, 600,000 partnership checks and satisfaction scores and 100,000 promises through
/// contact compliance and health. Only the lifetime-value models' parameters are not fitted (fitting is a separate
/// benchmark): they are the published CDNOW estimates. <see cref="Timings"/> holds how long each step took, generating
/// data and running an engine apart.
/// </summary>
internal sealed class PortfolioParts
{
    public const int Accounts = 100_000;
    private const int OpportunitiesPerAccount = 10;
    private const int InvoicesPerAccount = 50;
    private const int ActivitiesPerAccount = 20;
    private static readonly LocalDate AsOf = new(2026, 11, 30);
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);
    private readonly Random _random = new(42);
    private readonly System.Diagnostics.Stopwatch _clock = new();

    public PortfolioParts()
    {
        Ids = Enumerable.Range(0, Accounts).Select(a => AccountId.Parse($"acct-{a:000000}")).ToArray();
        Hierarchy = Time("generate: hierarchy", BuildHierarchy);
        var states = Time("engine: stage machine, replay 1,000,000 opportunities (with generating their openings)", Replay);
        Pipeline = Time("engine: pipeline summary", () => new PipelineAnalyzer(Currency.CNY).Summarize(states, AsOf.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()));
        var year = FiscalCalendar.Calendar.Year(2026);
        var (plan, opportunities) = Time("generate: targets, the opportunities as the attainment engine reads them", () => AttainmentInputs(states, year));
        Attainment = Time("engine: attainment", () => new AttainmentEngine().Evaluate(plan, Hierarchy, AsOf, opportunities, []).Accounts("bookings", year).ToArray());
        var (invoices, payments, terms) = Time("generate: 5,000,000 invoices, 4,000,000 payments", Invoices);
        Receivables = Time("engine: receivables analyzer", () => new ReceivablesAnalyzer(ReceivablesPolicy.Default, Currency.CNY).Analyze(invoices, payments, terms, AsOf));
        var summary = Time("engine: transaction summary of the 5,000,000 invoices", () => new TransactionSummarizer().Summarize(invoices.Select(i => new Transaction(i.Account.Value, i.IssuedOn, i.Amount.Amount)), AsOf, SummaryTimeUnit.Weeks));
        LifetimeValue = Time("engine: lifetime value projection", () => Lifetime(summary));
        var figures = Time("generate: 400,000 account quarters", ProfitFigures);
        Profitability = Time("engine: profitability", () => new AccountProfitabilityCalculator(AccountEconomicsPolicy.Default).Calculate(figures).ByRevenue);
        (Tiering, TierChanges) = Time("engine: tiering (two runs) and changes, with their measures", Tier);
        var contacts = Time("generate: 2,000,000 activities, 600,000 checks and scores, 100,000 promises", Contacts);
        Compliance = Time("engine: contact compliance", () => new ContactComplianceEngine(ContactStandards.Default).Assess(contacts.Log, contacts.Assignments, contacts.From, AsOf));
        Health = Time("engine: health", () => new HealthEngine(HealthPolicy.Default).Assess(contacts.Log, contacts.Checks, contacts.Scores, contacts.Promises, contacts.From, AsOf));
    }

    public AccountId[] Ids { get; }

    public AccountHierarchy Hierarchy { get; }

    public DealControlSummary Pipeline { get; }

    public AttainmentLine[] Attainment { get; }

    public ReceivablesReport Receivables { get; }

    public LifetimeValueReport LifetimeValue { get; }

    public IReadOnlyList<AccountProfitability> Profitability { get; }

    public TieringResult Tiering { get; }

    public TierChangeReport TierChanges { get; }

    public ComplianceReport Compliance { get; }

    public HealthReport Health { get; }

    public List<(string Part, TimeSpan Elapsed)> Timings { get; } = [];

    // Wall clock and the process's processor time (the second says more on a loaded machine; it includes the GC's threads).
    private T Time<T>(string part, Func<T> build)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        _clock.Restart();
        var result = build();
        process.Refresh();
        Timings.Add((part, _clock.Elapsed));
        Console.WriteLine($"// parts: {part}: {_clock.Elapsed.TotalSeconds:0.00} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU");
        return result;
    }

    private static PersonId Manager(int account) => PersonId.Parse($"kam-{account % 100:00}");

    private AccountHierarchy BuildHierarchy()
    {
        var units = new List<OrganizationUnit> { new(UnitId.Parse("HQ"), "Head office", UnitLevel.HeadOffice) };
        var people = new List<Person>();
        for (var b = 0; b < 100; b++)
        {
            var branch = UnitId.Parse($"B{b:00}");
            units.Add(new OrganizationUnit(branch, $"Branch {b}", UnitLevel.Branch, UnitId.Parse("HQ")));
            people.Add(new Person(Manager(b), $"Manager {b}", branch));
        }

        var accounts = Ids.Select((id, a) => new Account(id, id.Value, AccountLevel.Headquarters, Manager(a), UnitId.Parse($"B{a % 100:00}"))).ToArray();
        return new AccountHierarchy(new Organization(units, people), accounts);
    }

    private OpportunityState[] Replay()
    {
        var playbook = Playbook.Default;
        var templates = Enumerable.Range(0, 512).Select(_ => StagesBenchmarks.Template(_random, Manager(0), playbook)).ToArray();
        var states = new OpportunityState[Accounts * OpportunitiesPerAccount];
        for (var i = 0; i < states.Length; i++)
        {
            var account = i / OpportunitiesPerAccount;
            var owner = Manager(account);
            var opened = new OpportunityOpened(T0, owner, OpportunityId.Parse($"OPP-{i:0000000}"), Ids[account], owner, new Money(_random.Next(10_000, 5_000_000), Currency.CNY), new LocalDate(2026, 1, 1).PlusDays(_random.Next(0, 720)));
            var state = OpportunityState.Initial(playbook).Apply(opened);
            foreach (var e in templates[_random.Next(templates.Length)])
            {
                state.TryApply(e, out state, out _);
            }

            states[i] = state;
        }

        return states;
    }

    private (TargetPlan Plan, AttainmentOpportunity[] Opportunities) AttainmentInputs(OpportunityState[] states, FiscalPeriod year)
    {
        var targets = Ids.Select(id => new Target(TargetSubject.ForAccount(id), "bookings", year, Money.Of(_random.Next(100, 5_000) * 10_000m, "CNY"))).ToArray();
        var plan = new TargetPlan(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(Currency.CNY)], targets);
        return (plan, states.Select(s => new AttainmentOpportunity(s.Account, s.Value, s.ExpectedClose, s.CompletedStage, s.Status, s.ClosedAt?.InUtc().Date)).ToArray());
    }

    private (Invoice[] Invoices, Payment[] Payments, CreditTerms[] Terms) Invoices()
    {
        var start = new LocalDate(2024, 12, 1);
        var invoices = new Invoice[Accounts * InvoicesPerAccount];
        var payments = new List<Payment>(invoices.Length);
        var terms = new CreditTerms[Accounts];
        var k = 0;
        for (var a = 0; a < Accounts; a++)
        {
            var account = Ids[a];
            terms[a] = new CreditTerms(account, new Money(_random.Next(50, 500) * 1_000m, Currency.CNY), 30 + (30 * _random.Next(3)));
            for (var i = 0; i < InvoicesPerAccount; i++)
            {
                var issued = start.PlusDays((i * 14) + _random.Next(14));
                var amount = new Money(_random.Next(1_000, 20_000), Currency.CNY);
                var id = $"INV-{k:0000000}";
                invoices[k++] = new Invoice(id, account, issued, amount);
                if (_random.Next(5) > 0 && issued.PlusDays(20) < AsOf)
                {
                    var paidOn = issued.PlusDays(20 + _random.Next(60));
                    paidOn = paidOn > AsOf ? AsOf : paidOn;
                    payments.Add(a % 2 == 0
                        ? new Payment($"PAY-{payments.Count:0000000}", account, paidOn, amount, [id])
                        : new Payment($"PAY-{payments.Count:0000000}", account, paidOn, new Money(amount.Amount / 2m, Currency.CNY)));
                }
            }
        }

        return (invoices, [.. payments], terms);
    }

    private static LifetimeValueReport Lifetime(TransactionSummary summary)
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        return new LifetimeValueCalculator().Project(model, spend, summary.Customers, new LifetimeValueHorizon(52, 1d, 0.002), 0.3);
    }

    private AccountPeriodFigures[] ProfitFigures()
    {
        var q1 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 1, 1), PeriodKind.Quarter);
        var quarters = new[] { q1, q1.Next, q1.Next.Next, q1.Next.Next.Next };
        return Ids.SelectMany(id => quarters.Select(q => new AccountPeriodFigures
        {
            Account = id,
            Period = q,
            Revenue = Money.Of(_random.Next(1_000, 2_000_000), "CNY"),
            Discounts = Money.Of(_random.Next(0, 1_000), "CNY"),
            CostOfGoods = Money.Of(_random.Next(0, 700_000), "CNY"),
            CostToServe = Money.Of(_random.Next(0, 100_000), "CNY"),
        })).ToArray();
    }

    private (TieringResult After, TierChangeReport Changes) Tier()
    {
        var tiers = new[] { new TierDefinition("A"), new TierDefinition("B"), new TierDefinition("C") };
        var engine = new ParetoEngine(ParetoPolicy.TopCount("revenue", tiers, [10_000, 30_000]));
        AccountMeasures Revenue() => AccountMeasures.Create(Ids, [MeasureColumn.Amounts("revenue", Currency.CNY, Ids.Select(_ => (double)_random.Next(1_000, 1_000_000)).ToArray())]);
        var before = engine.Assign(Revenue());
        var after = engine.Assign(Revenue());
        return (after, TierChangeReport.Compare(before, after));
    }

    private ContactInputs Contacts()
    {
        var from = AsOf.PlusMonths(-6).PlusDays(1);
        var grades = ContactStandards.Default.Standards.Select(s => s.Grade).ToArray();
        var activities = new Activity[Accounts * ActivitiesPerAccount];
        var k = 0;
        for (var a = 0; a < Accounts; a++)
        {
            for (var i = 0; i < ActivitiesPerAccount; i++)
            {
                activities[k++] = new Activity(from.PlusDays(_random.Next(180)), Ids[a], Manager(a), (ActivityKind)_random.Next(5));
            }
        }

        var log = new ActivityLog(activities, Ids.ToDictionary(a => a, _ => from.PlusYears(-1)));
        var assignments = Ids.Select((id, a) => new AccountAssignment(id, Manager(a), grades[_random.Next(grades.Length)])).ToArray();
        var items = HealthPolicy.Default.CheckItems.Select(i => i.Id).ToArray();
        var checks = Ids.SelectMany(a => Enumerable.Range(0, 6).Select(m => new PartnershipCheck(a, from.PlusMonths(m).PlusDays(20), items.ToDictionary(i => i, _ => _random.Next(6), StringComparer.Ordinal)))).ToArray();
        var scores = Ids.SelectMany(a => Enumerable.Range(0, 6).Select(m => new SatisfactionScore(a, from.PlusMonths(m).PlusDays(15), _random.Next(11)))).ToArray();
        var promises = Ids.Select(a => new Promise(a, "promise", from, from.PlusDays(60), (PromiseStatus)_random.Next(4))).ToArray();
        return new ContactInputs(log, assignments, checks, scores, promises, from);
    }

    /// <summary>The generated contact data: what compliance and health read.</summary>
    private sealed record ContactInputs(ActivityLog Log, AccountAssignment[] Assignments, PartnershipCheck[] Checks, SatisfactionScore[] Scores, Promise[] Promises, LocalDate From);
}
