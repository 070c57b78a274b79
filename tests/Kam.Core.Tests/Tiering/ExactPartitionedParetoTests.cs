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
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

public sealed class ExactPartitionedParetoTests
{
    public static TheoryData<int> Policies => [0, 1, 2];

    private static ParetoPolicy PolicyOf(int kind) => kind switch
    {
        0 => new ParetoPolicy("revenue", Tiers("A", "B", "C"), [Percentage.FromPercent(80), Percentage.FromPercent(95)]),
        1 => ParetoPolicy.TopCount("revenue", Tiers("A", "B", "C"), [37, 400]),
        _ => new ParetoPolicy("revenue", Tiers("A", "B"), [Percentage.FromPercent(20)], ParetoCutBasis.TopShareOfAccounts),
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Two_pass_merge_over_partitions_equals_the_single_machine_run(int kind)
    {
        // Small integers: many ties, so the identifier tie-break at the boundary is exercised.
        var random = new Random(11 + kind);
        var n = 3000;
        var ids = Enumerable.Range(0, n).Select(i => Id($"k{random.Next():x8}-{i}")).ToArray();
        var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(-5, 60)).ToArray();
        var policy = PolicyOf(kind);
        var whole = new ParetoEngine(policy).Assign(AccountMeasures.Create(ids, [MeasureColumn.Numbers("revenue", values)]));

        var parts = new[] { (0, 1000), (1000, 1200), (2200, 800) }
            .Select(p => AccountMeasures.Create(ids.AsSpan(p.Item1, p.Item2), [MeasureColumn.Numbers("revenue", values.AsSpan(p.Item1, p.Item2))]))
            .ToArray();
        var histogram = parts.Select(p => ValueHistogram.Create(p.Measure("revenue").Values)).Aggregate((a, b) => a.Merge(b));
        var plan = histogram.PlanPareto(policy);
        var candidates = parts.Select(plan.Collect).Aggregate((a, b) => a.Merge(b));
        Assert.True(candidates.Count < n / 2, $"the second pass moves only the boundary buckets ({candidates.Count} of {n})");
        var boundaries = plan.Resolve(candidates);
        var results = parts.Select(p => new ParetoEngine(policy).AssignWithBoundaries(p, boundaries)).ToArray();

        var offset = 0;
        foreach (var r in results)
        {
            for (var i = 0; i < r.Count; i++)
            {
                Assert.Equal(whole.TierIndexAt(offset + i), r.TierIndexAt(i));
            }

            offset += r.Count;
        }

        var merged = results.Select(r => r.Summary).Aggregate((a, b) => a.Merge(b));
        Assert.Equal(whole.Summary.Tiers.Select(t => (t.Accounts, t.ShareOfValue)), merged.Tiers.Select(t => (t.Accounts, t.ShareOfValue)));
    }
}
