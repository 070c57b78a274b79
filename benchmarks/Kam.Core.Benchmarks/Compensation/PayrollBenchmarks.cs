using BenchmarkDotNet.Attributes;
using Kam.Core;
using Kam.Core.Compensation;
using NodaTime;

namespace Kam.Core.Benchmarks.Compensation;

/// <summary>
/// A year's pay run: 10,000 people × (12 months + year end) from 1,000,000 deals (one in five split between two
/// people) and 3,000,000 collection records, under a base + performance pay + tiered cash commission + bonus plan.
/// </summary>
[MemoryDiagnoser]
public class PayrollBenchmarks
{
    private const int People = 10_000;
    private const int DealCount = 1_000_000;
    private const int CollectionsPerDeal = 3;

    private readonly PayCalculator _calculator = new(FiscalCalendar.Calendar);
    private PayPlan _cashPlan = null!;
    private PayPlan _bookedPlan = null!;
    private Payee[] _payees = [];
    private Deal[] _deals = [];
    private CashReceipt[] _receipts = [];

    [GlobalSetup]
    public void Setup()
    {
        var cny = Currency.CNY;
        var random = new Random(42);
        var persons = Enumerable.Range(0, People).Select(i => PersonId.Parse($"P{i:D5}")).ToArray();
        var grades = new[] { "A", "B", "B", "C" };
        _payees = persons.Select(p => new Payee(p, new Money(1_200_000m, cny), Enumerable.Range(0, 12).Select(_ => grades[random.Next(4)]).ToArray(), "B", Ratio.One)).ToArray();
        var sixty = Percentage.FromPercent(60m);
        var forty = Percentage.FromPercent(40m);
        var all = Percentage.FromPercent(100m);
        _deals = new Deal[DealCount];
        _receipts = new CashReceipt[DealCount * CollectionsPerDeal];
        var start = new LocalDate(2026, 1, 1);
        for (var d = 0; d < DealCount; d++)
        {
            var owner = persons[random.Next(People)];
            CreditSplit[] splits = random.Next(5) == 0
                ? [new CreditSplit(owner, sixty), new CreditSplit(persons[random.Next(People)] is var other && other != owner ? other : persons[(Array.IndexOf(persons, owner) + 1) % People], forty)]
                : [new CreditSplit(owner, all)];
            var amount = random.Next(1_000, 300_000) * 1.00m;
            var booked = start.PlusDays(random.Next(0, 300));
            LocalDate? cancelled = random.Next(200) == 0 ? booked.PlusDays(random.Next(1, 90)) : null;
            _deals[d] = new Deal(OpportunityId.Parse($"D{d:D7}"), booked, new Money(amount, cny), new Money(amount * 0.3m, cny), splits, cancelled);
            for (var c = 0; c < CollectionsPerDeal; c++)
            {
                _receipts[(d * CollectionsPerDeal) + c] = new CashReceipt(_deals[d].Id, booked.PlusDays(random.Next(0, 60)), new Money(Math.Round(amount / CollectionsPerDeal, 2), cny));
            }
        }

        var schedule = new CommissionSchedule(BandMethod.Marginal, BandMeasure.Volume,
        [
            new CommissionBand(0m, 1_200_000m, Percentage.FromPercent(1m)),
            new CommissionBand(1_200_000m, 3_600_000m, Percentage.FromPercent(3m)),
            new CommissionBand(3_600_000m, null, Percentage.FromPercent(5m)),
        ], accelerators: [new Accelerator(Ratio.One, 1.5m)], annualCap: 600_000m);
        _cashPlan = Plan(cny, new CommissionComponent("Commission", CommissionBasis.CollectedCash, schedule, Percentage.FromPercent(80m), true, 6));
        _bookedPlan = Plan(cny, new CommissionComponent("Commission", CommissionBasis.BookedSales, schedule, Percentage.FromPercent(100m), true, 6, new DrawPolicy(new Money(3_000m, cny), true)));
    }

    [Benchmark(Description = "Year pay run, collected cash: 10k people, 1M deals, 3M collections")]
    public int CollectedCash() => _calculator.CalculateYear(_cashPlan, 2026, _payees, _deals, _receipts).Statements.Count;

    [Benchmark(Description = "Year pay run, booked sales + draw: 10k people, 1M deals")]
    public int BookedSales() => _calculator.CalculateYear(_bookedPlan, 2026, _payees, _deals, _receipts).Statements.Count;

    private static PayPlan Plan(Currency cny, CommissionComponent commission) => new(
        "Benchmark",
        cny,
        MidpointRounding.AwayFromZero,
        new LocalDate(2026, 1, 1),
        null,
        [
            new FixedPayComponent(PayComponentKind.BaseSalary, "Base salary", new Money(5_000m, cny)),
            new ScaledPayComponent(PayComponentKind.PerformancePay, "Performance pay", new Money(1_000m, cny), GradeFactors.Default),
            commission,
            new ScaledPayComponent(PayComponentKind.YearEndBonus, "Year-end bonus", new Money(10_000m, cny), GradeFactors.Default),
            new FixedPayComponent(PayComponentKind.UniformBenefits, "Uniform benefits", new Money(800m, cny)),
            new FixedPayComponent(PayComponentKind.Allowance, "Travel allowance", new Money(500m, cny)),
        ]);
}
