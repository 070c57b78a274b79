using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

public sealed class RfmEngineTests
{
    [Fact]
    public void Quintiles_score_by_nearest_rank_cuts_and_recency_is_reversed()
    {
        // Ten accounts with values 1..10: cuts at ranks 2, 4, 6, 8 -> values 2, 4, 6, 8.
        var ids = Enumerable.Range(1, 10).Select(i => Id($"a{i:00}")).ToArray();
        var values = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var portfolio = AccountMeasures.Create(ids,
        [
            MeasureColumn.Numbers("recencyDays", values),
            MeasureColumn.Counts("frequency", values.Select(v => (long)v).ToArray()),
            MeasureColumn.Amounts("monetary", Currency.CNY, values),
        ]);
        var result = new RfmEngine(RfmPolicy.Default).Assign(portfolio);

        var first = result.Explain(0); // value 1: R=5, F=1, M=1
        Assert.Equal([5d, 1d, 1d], first.Contributions.Select(c => c.Points));
        var last = result.Explain(9); // value 10: R=1, F=5, M=5
        Assert.Equal([1d, 5d, 5d], last.Contributions.Select(c => c.Points));
        Assert.Equal(11d, result.ScoreAt(9));
        Assert.Equal("Promising", result.Assignments[0].Tier); // R5 F1
        Assert.Equal("At risk", result.Assignments[9].Tier); // R1 F5
        Assert.Equal([2, 2, 2, 2, 2], Enumerable.Range(0, 5).Select(k => result.Assignments.Count(a => a.Explanation.Contributions[1].Points == k + 1)));
    }

    [Fact]
    public void Transaction_log_is_aggregated_with_nodatime_dates()
    {
        var asOf = new LocalDate(2026, 11, 23);
        CustomerTransaction[] log =
        [
            new(Id("b"), new LocalDate(2026, 11, 1), Money.Of(100m, "CNY")),
            new(Id("a"), new LocalDate(2026, 10, 24), Money.Of(50m, "CNY")),
            new(Id("b"), new LocalDate(2026, 11, 20), Money.Of(25m, "CNY")),
        ];
        var portfolio = new RfmEngine(RfmPolicy.Default).Aggregate(log, asOf);
        Assert.Equal([Id("a"), Id("b")], portfolio.Ids.ToArray());
        Assert.Equal([30d, 3d], portfolio.Measure("recencyDays").Values.ToArray());
        Assert.Equal([1d, 2d], portfolio.Measure("frequency").Values.ToArray());
        Assert.Equal([50d, 125d], portfolio.Measure("monetary").Values.ToArray());

        var mixed = log.Append(new CustomerTransaction(Id("c"), asOf, Money.Of(1m, "USD")));
        Assert.Equal(KamErrorCodes.CurrencyMismatch, Assert.Throws<KamValidationException>(() => new RfmEngine(RfmPolicy.Default).Aggregate(mixed, asOf)).Errors[0].Code);
        var late = new[] { new CustomerTransaction(Id("c"), asOf.PlusDays(1), Money.Of(1m, "CNY")) };
        Assert.Equal(KamErrorCodes.OutOfOrder, Assert.Throws<KamValidationException>(() => new RfmEngine(RfmPolicy.Default).Aggregate(late, asOf)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => new RfmEngine(RfmPolicy.Default).Aggregate([], asOf)).Errors[0].Code);
    }

    [Fact]
    public void Sketch_cut_points_tier_partitions_like_the_exact_run_within_accuracy()
    {
        var random = new Random(7);
        var n = 2000;
        var ids = Enumerable.Range(0, n).Select(i => Id($"p{i:0000}")).ToArray();
        var r = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 365)).ToArray();
        var f = Enumerable.Range(0, n).Select(_ => (long)random.Next(1, 40)).ToArray();
        var m = Enumerable.Range(0, n).Select(_ => random.Next(1, 1_000_000) / 10.0).ToArray();
        var whole = AccountMeasures.Create(ids, [MeasureColumn.Numbers("recencyDays", r), MeasureColumn.Counts("frequency", f), MeasureColumn.Amounts("monetary", Currency.CNY, m)]);
        var exact = new RfmEngine(RfmPolicy.Default).Assign(whole);

        var cuts = RfmCutPoints.FromSketches(
            ValueSketch.Create(r.AsSpan(0, 1000), 0.001).Merge(ValueSketch.Create(r.AsSpan(1000), 0.001)),
            ValueSketch.Create(f.Select(x => (double)x).ToArray(), 0.001),
            ValueSketch.Create(m, 0.001),
            RfmPolicy.Default);
        var approx = new RfmEngine(RfmPolicy.Default).Assign(whole, cuts);
        var same = Enumerable.Range(0, n).Count(i => exact.TierIndexAt(i) == approx.TierIndexAt(i));
        Assert.True(same >= n * 0.98, $"{same} of {n} agree");
    }

    [Fact]
    public void Policy_round_trips_through_json()
    {
        var policy = RfmPolicy.FromJson(RfmPolicy.Default.ToJson());
        Assert.Equal(RfmPolicy.Default.ToJson(), policy.ToJson());
        Assert.Equal(RfmPolicy.Default.Segments.Select(s => (s.Tier.Name, s.RecencyMin, s.RecencyMax, s.FrequencyMin, s.FrequencyMax, s.MonetaryMin, s.MonetaryMax)), policy.Segments.Select(s => (s.Tier.Name, s.RecencyMin, s.RecencyMax, s.FrequencyMin, s.FrequencyMax, s.MonetaryMin, s.MonetaryMax)));
        var bad = RfmPolicy.Default.ToJson().Replace("\"quantiles\": 5", "\"quantiles\": 1", StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<KamValidationException>(() => RfmPolicy.FromJson(bad)).Errors, e => e.Path == "$.quantiles");
    }
}
