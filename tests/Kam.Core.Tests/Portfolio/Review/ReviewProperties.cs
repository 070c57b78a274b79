using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using static Kam.Core.Tests.Portfolio.Review.ReviewSamples;

namespace Kam.Core.Tests.Portfolio.Review;

/// <summary>The laws of the portfolio dashboard: the order of the parts' rows changes nothing, a rule that fires never lowers a score, partitions merge to the whole, and nothing passed in changes.</summary>
public sealed class ReviewProperties
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 12).Select(i => "K" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>One account's generated parts: health (index, trend or none), receivables, contact status, open pipeline with stalled opportunities.</summary>
    private sealed record Row(string Id, decimal? Trend, decimal Open, decimal Overdue, decimal? Limit, ComplianceStatus? Status, long Pipeline, int Stalled);

    private static readonly Gen<Row[]> Rows =
        from n in Gen.Choose(0, Ids.Length)
        from rows in Gen.ArrayOf(
            from trend in Gen.Elements<decimal?>(null, -5m, 0m, 3m)
            from open in Gen.Elements(0m, 1_000m, 50_000m)
            from overdueShare in Gen.Elements(0m, 0.5m, 1m)
            from limit in Gen.Elements<decimal?>(null, 500m, 100_000m)
            from status in Gen.Elements<ComplianceStatus?>(null, ComplianceStatus.Met, ComplianceStatus.Missed, ComplianceStatus.Overdue)
            from pipeline in Gen.Choose(0, 3)
            from stalled in Gen.Choose(0, 2)
            select (trend, open, overdueShare, limit, status, pipeline, stalled),
            n)
        select rows.Select((r, i) => new Row(Ids[i], r.trend, r.open, r.open * r.overdueShare, r.limit, r.status, r.pipeline, Math.Min(r.stalled, r.pipeline))).ToArray();

    private static AccountReviewSources Build(Row[] rows)
    {
        var health = rows.Where(r => r.Trend is not null).Select(r => Health(r.Id, 60m, r.Trend)).ToArray();
        var owed = rows.Select(r => Owed(r.Id, r.Open, r.Overdue, r.Limit)).ToArray();
        var contact = rows.Where(r => r.Status is not null).Select(r => Contact(r.Id, r.Status!.Value)).ToArray();
        var open = rows.Where(r => r.Pipeline > 0).Select(r => (r.Id, r.Pipeline, r.Pipeline * 10_000m, r.Pipeline * 4_000m)).ToArray();
        var stalled = rows.SelectMany(r => Enumerable.Repeat((r.Id, PipelineAnomalyKind.StuckInStage), r.Stalled)).ToArray();
        return new AccountReviewSources(health: HealthOf(health), receivables: ReceivablesOf(owed), compliance: ComplianceOf(contact), pipeline: PipelineOf(open, stalled));
    }

    private static string Ranking(PortfolioDashboard d) =>
        string.Join(" | ", d.Risks.Concat(d.Opportunities).Select(e => e.ToString())) + " # " + string.Join(",", d.CountsByRule.Values);

    [Property(MaxTest = 80)]
    public Property Shuffled_parts_give_the_same_dashboard() =>
        Prop.ForAll(Rows.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (rows, seed) =>
        {
            var random = new Random(seed);
            Row[] shuffled = [.. rows.OrderBy(_ => random.Next())];
            return Ranking(new AccountReviewer(Build(rows)).Dashboard()) == Ranking(new AccountReviewer(Build(shuffled)).Dashboard());
        });

    [Property(MaxTest = 80)]
    public Property A_rule_that_fires_never_lowers_a_score() =>
        Prop.ForAll(Rows.ToArbitrary(), Gen.Elements(0d, 1d, 50_000d).ToArbitrary(), (rows, cut) =>
        {
            var sources = Build(rows);
            var extra = new ReviewRule("extra", ReviewRuleKind.Risk, "Any balance", RuleSeverity.Low, 1.5d, [new("receivables.open", ConditionOperator.AtLeast, cut)], "Look.");
            var before = new AccountReviewer(sources).Dashboard().Risks.ToDictionary(e => e.Account, e => e.Score);
            var after = new AccountReviewer(sources, new ReviewRuleSet([.. ReviewRuleSet.Default.Rules, extra])).Dashboard().Risks.ToDictionary(e => e.Account, e => e.Score);
            return before.All(b => after.TryGetValue(b.Key, out var a) && a >= b.Value)
                && after.All(a => a.Value >= before.GetValueOrDefault(a.Key));
        });

    [Property(MaxTest = 60)]
    public Property Partitions_merge_to_the_whole() =>
        Prop.ForAll(Rows.ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), (rows, cut) =>
        {
            var k = Math.Min(cut, rows.Length);
            var whole = new AccountReviewer(Build(rows)).Dashboard();
            var left = new AccountReviewer(Build(rows[..k])).Dashboard();
            var right = new AccountReviewer(Build(rows[k..])).Dashboard();
            return Ranking(left.Merge(right)) == Ranking(whole) && Ranking(right.Merge(left)) == Ranking(whole) && left.Merge(right).AccountCount == whole.AccountCount;
        });

    [Property(MaxTest = 40)]
    public Property Nothing_passed_in_changes() =>
        Prop.ForAll(Rows.ToArbitrary(), rows =>
        {
            var health = rows.Where(r => r.Trend is not null).Select(r => Health(r.Id, 60m, r.Trend)).ToArray();
            var owed = rows.Select(r => Owed(r.Id, r.Open, r.Overdue, r.Limit)).ToArray();
            var healthCopy = (AccountHealth[])health.Clone();
            var owedCopy = (AccountReceivables[])owed.Clone();
            var rules = ReviewRuleSet.Default.ToJson();
            var reviewer = new AccountReviewer(new AccountReviewSources(health: HealthOf(health), receivables: ReceivablesOf(owed)));
            _ = reviewer.Dashboard();
            foreach (var id in reviewer.Sources.Accounts)
            {
                _ = reviewer.Review(id);
            }

            return health.SequenceEqual(healthCopy) && owed.SequenceEqual(owedCopy) && rules == ReviewRuleSet.Default.ToJson();
        });
}
