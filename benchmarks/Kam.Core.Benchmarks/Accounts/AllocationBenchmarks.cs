using BenchmarkDotNet.Attributes;
using Kam.Core.Accounts.Targets;

namespace Kam.Core.Benchmarks.Accounts;

/// <summary>
/// The issue-11 goal: allocating one target over 1,000,000 accounts × 12 months in under 200 ms on one core. The
/// accounts' facts (last year's figures with two decimals, so remainders rarely tie) are built once in the setup;
/// the measured call validates them and splits the target among the accounts. Each account's month parts follow from
/// its part and the seasonality and are worked out when read; <see cref="EqualThenEveryMonth"/> also reads all
/// 12,000,000 of them, to show what a host that uses every part pays in all.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private const int Accounts = 1_000_000;
    private readonly TargetAllocator _allocator = new(new AllocationPolicy(AllocationBasis.LastYear, seasonality: [6, 7, 9, 8, 8, 9, 7, 7, 9, 9, 9, 12]));
    private readonly TargetAllocator _equal = new(new AllocationPolicy(AllocationBasis.Equal, seasonality: [6, 7, 9, 8, 8, 9, 7, 7, 9, 9, 9, 12]));
    private readonly FiscalPeriod _year = FiscalCalendar.Calendar.Year(2026);
    private readonly Money _target = Money.Of(12_345_678_901.23m, "CNY");
    private AllocationFacts[] _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _facts = new AllocationFacts[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            _facts[i] = new AllocationFacts(AccountId.Parse($"acct-{i:0000000}"), lastYear: Math.Round((decimal)Math.Exp(random.NextDouble() * 14), 2));
        }
    }

    /// <summary>Last year's share: the usual basis.</summary>
    [Benchmark(Baseline = true)]
    public TargetAllocation ByLastYear() => _allocator.Allocate(_target, _year, _facts);

    /// <summary>Equal weights: every remainder ties, so the leftover fen go by account identifier.</summary>
    [Benchmark]
    public TargetAllocation Equal() => _equal.Allocate(_target, _year, _facts);

    /// <summary>Equal weights, then every account's part of every month, through the month totals.</summary>
    /// <returns>The sum of the month totals (the target).</returns>
    [Benchmark]
    public decimal EqualThenEveryMonth()
    {
        var allocation = _equal.Allocate(_target, _year, _facts);
        var sum = 0m;
        for (var m = 0; m < allocation.Months.Count; m++)
        {
            sum += allocation.MonthTotal(m).Amount;
        }

        return sum;
    }
}
