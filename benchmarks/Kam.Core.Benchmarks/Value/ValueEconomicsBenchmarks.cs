using BenchmarkDotNet.Attributes;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;
using Kam.Core.Value.Summaries;
using NodaTime;

namespace Kam.Core.Benchmarks.Value;

/// <summary>The transaction-log summarizer, account profitability and the discounted cash-flow lifetime value.</summary>
[MemoryDiagnoser]
public class ValueEconomicsBenchmarks
{
    private static readonly LocalDate Start = new(1997, 1, 1);
    private readonly TransactionSummarizer _summarizer = new();
    private readonly RetentionEconomics _retention = new();
    private Transaction[] _cdnowSized = [];
    private Transaction[] _million = [];
    private AccountPeriodFigures[] _accounts = [];
    private CashFlowAssumptions _cashFlow = null!;
    private AccountProfitabilityCalculator _calculator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cdnowSized = Log(2_357, 6_919, 42);
        _million = Log(100_000, 1_000_000, 7);
        var q1 = FiscalCalendar.Calendar.PeriodOf(Start, PeriodKind.Quarter);
        var random = new Random(3);
        _accounts = Enumerable.Range(0, 10_000)
            .SelectMany(i => Enumerable.Range(0, 4).Select(q => new AccountPeriodFigures
            {
                Account = AccountId.Parse($"A{i:D5}"),
                Period = Shift(q1, q),
                Revenue = Money.Of(random.Next(1_000, 20_000_000), "CNY"),
                Discounts = Money.Of(random.Next(0, 1_000), "CNY"),
                CostOfGoods = Money.Of(random.Next(0, 700_000), "CNY"),
                CostToServe = Money.Of(random.Next(0, 100_000), "CNY"),
                AcquisitionCosts = q == 0 ? [new(AcquisitionCostKind.Travel, Money.Of(random.Next(0, 50_000), "CNY"))] : [],
            }))
            .ToArray();
        _calculator = new AccountProfitabilityCalculator(new AccountEconomicsPolicy(
            [new(Money.Of(1_000_000m, "CNY"), Percentage.FromPercent(3m)), new(Money.Of(10_000_000m, "CNY"), Percentage.FromPercent(8m))]));
        _cashFlow = new CashFlowAssumptions(CashFlowAssumptions.GrowingMargins(Money.Of(100_000m, "CNY"), 0.03m, 100), Percentage.FromPercent(85m), Percentage.FromPercent(10m));
    }

    [Benchmark(Description = "Summarise a CDNOW-sized log (2,357 customers, 6,919 rows)")]
    public TransactionSummary SummarizeCdnowSized() => _summarizer.Summarize(_cdnowSized, Start.PlusDays(272), SummaryTimeUnit.Weeks);

    [Benchmark(Description = "Summarise 1,000,000 rows (100,000 customers)")]
    public TransactionSummary SummarizeMillion() => _summarizer.Summarize(_million, Start.PlusDays(272), SummaryTimeUnit.Weeks);

    [Benchmark(Description = "Calibration/holdout split of 1,000,000 rows")]
    public CalibrationHoldoutSplit SplitMillion() => _summarizer.Split(_million, Start.PlusDays(272), Start.PlusDays(545), SummaryTimeUnit.Weeks);

    [Benchmark(Description = "Profitability report, 10,000 accounts x 4 quarters")]
    public ProfitabilityReport Profitability() => _calculator.Calculate(_accounts);

    [Benchmark(Description = "Discounted cash-flow LTV, 100 periods")]
    public CashFlowLifetimeValue CashFlow() => _retention.DiscountedCashFlow(_cashFlow);

    private static FiscalPeriod Shift(FiscalPeriod period, int quarters)
    {
        for (var i = 0; i < quarters; i++)
        {
            period = period.Next;
        }

        return period;
    }

    private static Transaction[] Log(int customers, int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows)
            .Select(i => new Transaction(
                (i < customers ? i : random.Next(customers)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Start.PlusDays(i < customers ? random.Next(0, 90) : random.Next(90, 545)),
                random.Next(100, 20_000) / 100m))
            .ToArray();
    }
}
