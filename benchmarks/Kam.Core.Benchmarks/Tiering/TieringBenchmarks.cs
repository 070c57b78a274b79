using BenchmarkDotNet.Attributes;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Benchmarks.Tiering;

/// <summary>
/// The issue-4 goal: ABC + RFM + a 6-criterion scorecard over 1,000,000 accounts in under 300 ms on one core, with
/// allocation under 3× the input size. The input (ids and ten measure columns) is built once in the setup.
/// </summary>
[MemoryDiagnoser]
public class TieringBenchmarks
{
    private const int Accounts = 1_000_000;
    private readonly RfmEngine _rfm = new(RfmPolicy.Default);
    private ParetoEngine _pareto = null!;
    private AccountScorecardEngine _scorecard = null!;
    private AccountMeasures _portfolio = null!;
    private ParetoPolicy _abc = null!;
    private AccountScorecardPolicy _card = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var ids = new AccountId[Accounts];
        var revenue = new double[Accounts];
        var grossProfit = new double[Accounts];
        var recency = new double[Accounts];
        var frequency = new long[Accounts];
        var growth = new double[Accounts];
        var f1 = new bool[Accounts];
        var f2 = new bool[Accounts];
        var risk = new bool[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            ids[i] = AccountId.Parse($"acct-{i:0000000}");
            revenue[i] = Math.Round(Math.Exp(random.NextDouble() * 14), 2);
            grossProfit[i] = revenue[i] * (random.NextDouble() - 0.1);
            recency[i] = random.Next(0, 730);
            frequency[i] = random.Next(1, 60);
            growth[i] = random.NextDouble() * 0.6 - 0.2;
            f1[i] = random.Next(4) == 0;
            f2[i] = random.Next(3) == 0;
            risk[i] = random.Next(20) == 0;
        }

        _portfolio = AccountMeasures.Create(ids,
        [
            MeasureColumn.Amounts("revenue", Currency.CNY, revenue),
            MeasureColumn.Amounts("grossProfit", Currency.CNY, grossProfit),
            MeasureColumn.Numbers("recencyDays", recency),
            MeasureColumn.Counts("frequency", frequency),
            MeasureColumn.Amounts("monetary", Currency.CNY, revenue),
            MeasureColumn.Numbers("growth", growth),
            MeasureColumn.Flags("firstChoiceStrategicSupplier", f1),
            MeasureColumn.Flags("globalNeeds", f2),
            MeasureColumn.Flags("creditRisk", risk),
        ]);
        _abc = new ParetoPolicy("grossProfit", [new("A"), new("B"), new("C")], [Percentage.FromPercent(80), Percentage.FromPercent(95)]);
        _card = new AccountScorecardPolicy(
        [
            new("revenue", 0.3m, Normalization.MinMax),
            new("grossProfit", 0.3m, Normalization.ZScore),
            new("growth", 0.1m, Normalization.Bands, bands: [new(-1, 0), new(0, 0.5), new(0.2, 1)]),
            new("firstChoiceStrategicSupplier", 0.15m, Normalization.YesNo),
            new("globalNeeds", 0.15m, Normalization.YesNo),
            new("creditRisk", 0m, Normalization.YesNo, higherIsBetter: false, gate: new CriterionGate("Developing", maximum: 0)),
        ],
        [new("Strategic"), new("Developing"), new("Transactional")],
        [0.7, 0.4]);
        _pareto = new ParetoEngine(_abc);
        _scorecard = new AccountScorecardEngine(_card);
        var inputBytes = (long)Accounts * (8 + 48) + 9L * Accounts * 8;
        Console.WriteLine($"// input: about {inputBytes / 1_000_000} MB (ids + strings + 9 columns of 8 bytes)");
    }

    [Benchmark(Description = "ABC + RFM + 6-criterion scorecard, 1,000,000 accounts")]
    public int AllThree()
    {
        var abc = _pareto.Assign(_portfolio);
        var rfm = _rfm.Assign(_portfolio);
        var card = _scorecard.Assign(_portfolio);
        return abc.Summary.Tiers[0].Accounts + rfm.Summary.Tiers[0].Accounts + card.Summary.Tiers[0].Accounts;
    }

    [Benchmark(Description = "ABC (cumulative share), 1,000,000 accounts")]
    public int Abc() => _pareto.Assign(_portfolio).Summary.Tiers[0].Accounts;

    [Benchmark(Description = "RFM quintiles, 1,000,000 accounts")]
    public int Rfm() => _rfm.Assign(_portfolio).Summary.Tiers[0].Accounts;

    [Benchmark(Description = "Scorecard, 6 criteria, 1,000,000 accounts")]
    public int Scorecard() => _scorecard.Assign(_portfolio).Summary.Tiers[0].Accounts;

    [Benchmark(Description = "ValueSketch of 1,000,000 values (α = 1%)")]
    public int Sketch() => ValueSketch.Create(_portfolio.Measure("revenue").Values).BucketCount;
}
