using BenchmarkDotNet.Attributes;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.LifetimeValue;
using NodaTime;

namespace Kam.Core.Benchmarks.Portfolio;

/// <summary>
/// The portfolio dashboard of the issue-13 account review (goal: 100,000 accounts joining all the parts in under 2
/// seconds on one core; one account's review in under 5 ms). The parts' results are built once, in the setup, as the
/// engines would leave them for 100,000 accounts with 1,000,000 opportunities (10 open per account, one account in
/// twenty with a stalled one) and 5,000,000 invoices (aged per account): tiering and tier changes, attainment,
/// pipeline, profitability, lifetime value, health, compliance and receivables. The measured calls join them
/// (<see cref="AccountReviewSources"/>: one pass per part, the signals) and rank (the dashboard), or review one account.
/// </summary>
[MemoryDiagnoser]
public class AccountReviewBenchmarks
{
    private const int Accounts = 100_000;
    private static readonly LocalDate AsOf = new(2026, 11, 30);
    private TieringResult _tiering = null!;
    private TierChangeReport _changes = null!;
    private AttainmentLine[] _attainment = null!;
    private DealControlSummary _pipeline = null!;
    private AccountProfitability[] _profitability = null!;
    private LifetimeValueReport _lifetime = null!;
    private HealthReport _health = null!;
    private ComplianceReport _compliance = null!;
    private ReceivablesReport _receivables = null!;
    private AccountReviewer _reviewer = null!;
    private AccountId _one;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var ids = Enumerable.Range(0, Accounts).Select(a => AccountId.Parse($"acct-{a:000000}")).ToArray();
        var year = FiscalCalendar.Calendar.Year(2026);
        var owner = PersonId.Parse("kam-1");
        var tiers = new[] { new TierDefinition("A"), new TierDefinition("B"), new TierDefinition("C") };
        var engine = new ParetoEngine(ParetoPolicy.TopCount("revenue", tiers, [10_000, 30_000]));
        AccountMeasures Revenue() => AccountMeasures.Create(ids, [MeasureColumn.Amounts("revenue", Currency.CNY, ids.Select(_ => (double)random.Next(1_000, 1_000_000)).ToArray())]);
        var before = engine.Assign(Revenue());
        _tiering = engine.Assign(Revenue());
        _changes = TierChangeReport.Compare(before, _tiering);

        Money Cny(decimal amount) => new(amount, Currency.CNY);
        var cells = new Dictionary<AccountKey, AccountCell>(Accounts);
        var anomalies = new List<PipelineAnomaly>();
        _attainment = new AttainmentLine[Accounts];
        _profitability = new AccountProfitability[Accounts];
        var customers = new CustomerValue[Accounts];
        var health = new AccountHealth[Accounts];
        var compliance = new AccountCompliance[Accounts];
        var receivables = new AccountReceivables[Accounts];
        for (var a = 0; a < Accounts; a++)
        {
            var id = ids[a];
            decimal open = random.Next(10, 100) * 10_000m, weighted = open * 0.35m;
            cells[new AccountKey(id, year, 1 + (a % 6))] = new AccountCell { Figures = new PipelineCell(10, open, weighted, 0m, 0m), First = OpportunityId.Parse($"OPP-{a:000000}-0") };
            if (a % 20 == 0)
            {
                anomalies.Add(new PipelineAnomaly(PipelineAnomalyKind.StuckInStage, OpportunityId.Parse($"OPP-{a:000000}-3"), owner, 120, id));
            }

            decimal target = random.Next(50, 200) * 10_000m, actual = target * random.Next(20, 110) / 100m;
            _attainment[a] = new AttainmentLine(TargetSubject.ForAccount(id), false, TargetMeasure.Bookings(Currency.CNY), year, new LineFigures { Target = target, OwnTarget = target, Actual = actual, Open = open, Weighted = weighted, Forecast = actual + weighted, HasPipeline = true });
            decimal revenue = random.Next(100, 5_000) * 1_000m;
            _profitability[a] = new AccountProfitability(id, new ProfitLines(Cny(revenue), Cny(0m), Cny(0m), Cny(revenue * 0.6m), Cny(revenue * random.Next(5, 40) / 100m), Cny(0m), Cny(0m)), [], 0, 0);
            var clv = random.NextDouble() * 2_000_000d;
            customers[a] = new CustomerValue(id.Value, random.NextDouble(), 5d, 4d, clv / 5d, clv);
            health[a] = new AccountHealth(id, [new HealthPoint(AsOf, random.Next(30, 95), null, null, null, null, null, null, 1m, null)], random.Next(-10, 10), []);
            var status = (ComplianceStatus)random.Next(4);
            compliance[a] = new AccountCompliance(new AccountAssignment(id, owner, "A"), [], status, null, AsOf.PlusDays(-random.Next(90)), random.Next(90), 3, random.Next(4));
            decimal owed = random.Next(0, 300) * 1_000m, overdue = owed * random.Next(0, 100) / 100m;
            receivables[a] = new AccountReceivables(id, Cny(owed), Cny(owed - overdue), Cny(overdue), [Cny(owed - overdue), Cny(overdue), Cny(0m), Cny(0m)], 50, overdue > 0m ? 40 : 0, Cny(owed * 2m), 45m, Cny(random.Next(100, 300) * 1_000m), [], false);
        }

        _pipeline = new DealControlSummary(Currency.CNY, AnomalyPolicy.Default, [], cells, new ClosedCounts(), [.. anomalies]);
        _lifetime = new LifetimeValueReport(customers, Accounts * 5d, customers.Sum(c => c.LifetimeValue));
        _health = new HealthReport(AsOf.PlusMonths(-12), AsOf, health, []);
        _compliance = new ComplianceReport(AsOf.PlusMonths(-3), AsOf, compliance, []);
        _receivables = new ReceivablesReport(ReceivablesPolicy.Default, Currency.CNY, AsOf, receivables);
        _reviewer = new AccountReviewer(Join());
        _one = ids[Accounts / 2];
    }

    /// <summary>Joins every part for 100,000 accounts and ranks them by risk and opportunity.</summary>
    [Benchmark]
    public PortfolioDashboard Dashboard() => new AccountReviewer(Join()).Dashboard();

    /// <summary>One account's review over the joined parts.</summary>
    [Benchmark]
    public AccountReview Review() => _reviewer.Review(_one);

    private AccountReviewSources Join() => new(
        tiering: _tiering,
        tierChanges: _changes,
        attainment: _attainment,
        pipeline: _pipeline,
        profitability: _profitability,
        lifetimeValue: _lifetime,
        health: _health,
        compliance: _compliance,
        receivables: _receivables);
}
