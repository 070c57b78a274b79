using BenchmarkDotNet.Attributes;
using Kam.Core;
using NodaTime;

namespace Kam.Core.Benchmarks;

/// <summary>The primitives every engine sits on: money sums, allocation, fiscal-period lookup.</summary>
[MemoryDiagnoser]
public class PrimitivesBenchmarks
{
    private Money[] _amounts = [];
    private LocalDate[] _dates = [];
    private readonly FiscalCalendar _calendar = new(4);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _amounts = Enumerable.Range(0, 1_000_000).Select(_ => new Money(random.Next(1, 10_000_000) / 100m, Currency.CNY)).ToArray();
        _dates = Enumerable.Range(0, 1_000_000).Select(_ => new LocalDate(2020, 1, 1).PlusDays(random.Next(0, 2500))).ToArray();
    }

    [Benchmark(Description = "Sum 1,000,000 CNY amounts")]
    public Money SumMillion() => _amounts.Sum(Currency.CNY);

    [Benchmark(Description = "Fiscal quarter of 1,000,000 dates")]
    public int QuarterOfMillion()
    {
        var sum = 0;
        foreach (var date in _dates)
        {
            sum += _calendar.PeriodOf(date, PeriodKind.Quarter).Index;
        }

        return sum;
    }

    [Benchmark(Description = "Allocate 1,000,000 CNY over 12 weights")]
    public Money[] Allocate() => new Money(1_000_000m, Currency.CNY).Allocate([5m, 4m, 3m, 3m, 2m, 2m, 1m, 1m, 1m, 1m, 1m, 1m]);
}
