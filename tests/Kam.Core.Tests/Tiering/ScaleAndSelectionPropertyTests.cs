using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

namespace Kam.Core.Tests.Tiering;

public sealed class ScaleAndSelectionPropertyTests
{
    /// <summary>1-60 accounts with small integer values (many ties), a yes/no gate column, and a split point.</summary>
    public static Arbitrary<(int[] Values, bool[] Risk, int Split, int Capacity)> Cases() =>
        Gen.Choose(1, 60).SelectMany(n =>
            Gen.ArrayOf(Gen.Choose(-10, 30), n).SelectMany(values =>
            Gen.ArrayOf(Gen.Elements(true, false, false), n).SelectMany(risk =>
            Gen.Choose(0, n).SelectMany(split =>
            Gen.Choose(0, 12).Select(capacity => (values, risk, split, capacity)))))).ToArbitrary();

    private static AccountMeasures Portfolio(int[] values, bool[] risk, int from, int count) =>
        AccountMeasures.Create(
            Enumerable.Range(from, count).Select(i => AccountId.Parse($"id-{(i * 7919) % 1000:000}-{i}")).ToArray(),
            [
                MeasureColumn.Numbers("value", values.Skip(from).Take(count).Select(v => (double)v).ToArray()),
                MeasureColumn.Flags("risk", risk.Skip(from).Take(count).ToArray()),
            ]);

    [Property(Arbitrary = [typeof(ScaleAndSelectionPropertyTests)])]
    public bool Exact_two_pass_over_two_partitions_equals_the_single_run((int[] Values, bool[] Risk, int Split, int Capacity) c)
    {
        var n = c.Values.Length;
        var policies = new[]
        {
            new ParetoPolicy("value", TieringSamples.Tiers("A", "B", "C"), [Percentage.FromPercent(50), Percentage.FromPercent(90)]),
            ParetoPolicy.TopCount("value", TieringSamples.Tiers("A", "B"), [c.Capacity]),
        };
        var whole = Portfolio(c.Values, c.Risk, 0, n);
        var parts = new[] { Portfolio(c.Values, c.Risk, 0, c.Split), Portfolio(c.Values, c.Risk, c.Split, n - c.Split) };
        foreach (var policy in policies)
        {
            var single = new ParetoEngine(policy).Assign(whole);
            var histogram = ValueHistogram.Create(parts[0].Measure("value").Values).Merge(ValueHistogram.Create(parts[1].Measure("value").Values));
            var plan = histogram.PlanPareto(policy);
            var boundaries = plan.Resolve(plan.Collect(parts[1]).Merge(plan.Collect(parts[0])));
            var tiers = parts.SelectMany(p => new ParetoEngine(policy).AssignWithBoundaries(p, boundaries).TierIndexes.ToArray()).ToArray();
            if (!tiers.SequenceEqual(single.TierIndexes.ToArray()))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(ScaleAndSelectionPropertyTests)])]
    public bool Selection_respects_capacity_and_gates_and_takes_the_best((int[] Values, bool[] Risk, int Split, int Capacity) c)
    {
        var portfolio = Portfolio(c.Values, c.Risk, 0, c.Values.Length);
        var policy = new SelectionPolicy("value", 1, Math.Max(1, c.Capacity), [new SelectionGate("risk", maximum: 0)]);
        var selection = new KeyAccountSelectionEngine(policy).Select(portfolio);
        var chosen = Enumerable.Range(0, portfolio.Count).Where(i => selection.Result.TierIndexAt(i) == 0).ToArray();
        var eligible = Enumerable.Range(0, portfolio.Count).Where(i => !c.Risk[i] && c.Values[i] > 0).ToArray();
        var worstChosen = chosen.Length == 0 ? double.PositiveInfinity : chosen.Min(i => c.Values[i]);
        return chosen.Length <= policy.Capacity
            && chosen.Length == Math.Min(policy.Capacity, eligible.Length)
            && chosen.All(i => !c.Risk[i] && c.Values[i] > 0)
            && eligible.Except(chosen).All(i => c.Values[i] <= worstChosen)
            && selection.SelectedValue == chosen.Sum(i => (double)c.Values[i]);
    }

    [Property(Arbitrary = [typeof(ScaleAndSelectionPropertyTests)])]
    public bool Sketch_merge_is_commutative_and_equals_the_sketch_of_the_union((int[] Values, bool[] Risk, int Split, int Capacity) c)
    {
        var all = c.Values.Select(v => (double)v).ToArray();
        var left = ValueSketch.Create(all.AsSpan(0, c.Split));
        var right = ValueSketch.Create(all.AsSpan(c.Split));
        var union = ValueSketch.Create(all);
        var ab = left.Merge(right);
        var ba = right.Merge(left);
        return ab.Count == union.Count && ab.BucketCount == union.BucketCount
            && ab.Quantile(0.5) == union.Quantile(0.5) && ba.Quantile(0.9) == union.Quantile(0.9) && ab.ZeroCount == union.ZeroCount;
    }
}
