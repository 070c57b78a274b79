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

public sealed class ValueSketchTests
{
    private static double[] Values(int seed, int n)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Exp(random.NextDouble() * 12)).ToArray();
    }

    [Fact]
    public void Quantiles_are_within_the_relative_accuracy()
    {
        var values = Values(1, 20_000);
        var sketch = ValueSketch.Create(values, 0.01);
        var sorted = values.Order().ToArray();
        foreach (var q in new[] { 0.0, 0.2, 0.5, 0.8, 0.99, 1.0 })
        {
            var exact = sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Assert.InRange(sketch.Quantile(q), exact * 0.99, exact * 1.01);
        }
    }

    [Fact]
    public void Merging_is_the_sketch_of_the_union_and_associative()
    {
        var a = Values(2, 3000);
        var b = Values(3, 2000);
        var c = Values(4, 1000);
        var left = ValueSketch.Create(a).Merge(ValueSketch.Create(b)).Merge(ValueSketch.Create(c));
        var right = ValueSketch.Create(a).Merge(ValueSketch.Create(b).Merge(ValueSketch.Create(c)));
        var whole = ValueSketch.Create([.. a, .. b, .. c]);
        Assert.Equal(whole.Count, left.Count);
        Assert.Equal(whole.BucketCount, left.BucketCount);
        Assert.Equal(whole.Quantile(0.37), left.Quantile(0.37));
        Assert.Equal(right.Quantile(0.81), left.Quantile(0.81));
        Assert.Equal(whole.PositiveTotal, left.PositiveTotal, 6);
    }

    [Fact]
    public void Pareto_cut_points_from_partitions_tier_within_the_accuracy_band()
    {
        var values = Values(5, 10_000);
        var ids = Enumerable.Range(0, values.Length).Select(i => Id($"x{i:00000}")).ToArray();
        var policy = new ParetoPolicy("revenue", Tiers("A", "B", "C"), [Percentage.FromPercent(80), Percentage.FromPercent(95)]);
        var exact = new ParetoEngine(policy).Assign(AccountMeasures.Create(ids, [MeasureColumn.Numbers("revenue", values)]));

        var half = values.Length / 2;
        var sketch = ValueSketch.Create(values.AsSpan(0, half), 0.01).Merge(ValueSketch.Create(values.AsSpan(half), 0.01));
        var cuts = sketch.ParetoCutPoints(policy);
        var p1 = new ParetoEngine(policy).AssignWithCutPoints(AccountMeasures.Create(ids.AsSpan(0, half), [MeasureColumn.Numbers("revenue", values.AsSpan(0, half))]), cuts);
        var p2 = new ParetoEngine(policy).AssignWithCutPoints(AccountMeasures.Create(ids.AsSpan(half), [MeasureColumn.Numbers("revenue", values.AsSpan(half))]), cuts);
        var merged = p1.Summary.Merge(p2.Summary);

        Assert.Equal(values.Length, merged.Accounts);
        Assert.Equal(1m, merged.Tiers.Sum(t => t.ShareOfValue.Fraction));
        for (var i = 0; i < values.Length; i++)
        {
            var approxTier = i < half ? p1.TierIndexAt(i) : p2.TierIndexAt(i - half);
            if (approxTier != exact.TierIndexAt(i))
            {
                // Only accounts within ±α of an exact threshold may land on the other side.
                var floor = exact.ThresholdOf(Math.Min(approxTier, exact.TierIndexAt(i)))!.Value;
                Assert.InRange(values[i], floor * 0.98, floor * 1.02);
            }
        }

        Assert.InRange((double)merged.Tiers[0].ShareOfValue.Fraction, 0.79, 0.81);
    }

    [Fact]
    public void Bad_inputs_are_typed_errors()
    {
        Assert.Equal(KamErrorCodes.NotFinite, Assert.Throws<KamValidationException>(() => ValueSketch.Create([1, double.NaN])).Errors[0].Code);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => ValueSketch.Create([]).Quantile(0.5)).Errors[0].Code);
        Assert.Throws<KamValidationException>(() => ValueSketch.Create([1], 0.01).Merge(ValueSketch.Create([1], 0.02)));
    }
}
