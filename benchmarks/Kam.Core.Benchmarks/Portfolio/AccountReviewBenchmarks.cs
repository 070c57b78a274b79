using BenchmarkDotNet.Attributes;
using Kam.Core.Portfolio.Review;

namespace Kam.Core.Benchmarks.Portfolio;

/// <summary>
/// The portfolio dashboard of the issue-13 account review (goal: 100,000 accounts joining all the parts in under 2
/// seconds on one core; one account's review in under 5 ms). The parts are real engine results on generated data,
/// built once in the setup (<see cref="PortfolioParts"/>: 1,000,000 opportunities through the stage machine, the
/// pipeline analyzer and the attainment engine; 5,000,000 invoices through the receivables analyzer; lifetime value,
/// profitability, tiering and its changes, contact compliance and health), and the time each engine took is printed.
/// The measured calls join them (<see cref="AccountReviewSources"/>: one pass per part, the signals) and rank (the
/// dashboard), or review one account.
/// </summary>
[MemoryDiagnoser]
public class AccountReviewBenchmarks
{
    // Built once per process: in-process runs set every benchmark up in the same process, and the parts take minutes.
    private static readonly Lazy<PortfolioParts> Parts = new(() => new PortfolioParts());
    private PortfolioParts _parts = null!;
    private AccountReviewer _reviewer = null!;
    private AccountId _one;

    [GlobalSetup]
    public void Setup()
    {
        _parts = Parts.Value;
        _reviewer = new AccountReviewer(Join());
        _one = _parts.Ids[PortfolioParts.Accounts / 2];
    }

    /// <summary>Joins every part for 100,000 accounts and ranks them by risk and opportunity.</summary>
    [Benchmark]
    public PortfolioDashboard Dashboard() => new AccountReviewer(Join()).Dashboard();

    /// <summary>One account's review over the joined parts.</summary>
    [Benchmark]
    public AccountReview Review() => _reviewer.Review(_one);

    private AccountReviewSources Join() => new(
        hierarchy: _parts.Hierarchy,
        tiering: _parts.Tiering,
        tierChanges: _parts.TierChanges,
        attainment: _parts.Attainment,
        pipeline: _parts.Pipeline,
        profitability: _parts.Profitability,
        lifetimeValue: _parts.LifetimeValue,
        health: _parts.Health,
        compliance: _parts.Compliance,
        receivables: _parts.Receivables);
}
