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

public sealed class TieringPropertyTests
{
    private static readonly AccountScorecardPolicy Scorecard = new AccountScorecardPolicy(
    [
        new("revenue", 0.5m, Normalization.MinMax),
        new("growth", 0.3m, Normalization.PercentileRank),
        new("globalNeeds", 0.2m, Normalization.YesNo),
    ], TieringSamples.Tiers("A", "B", "C", "D"), [0.75, 0.5, 0.25]);

    /// <summary>Portfolios of 1-40 accounts with small integer values (so ties are common) and a permutation of them.</summary>
    public static Arbitrary<(int[] Revenue, int[] Growth, bool[] Flags, int Seed)> Portfolios() =>
        Gen.Choose(1, 40).SelectMany(n =>
            Gen.ArrayOf(Gen.Choose(-20, 100), n).SelectMany(rev =>
            Gen.ArrayOf(Gen.Choose(0, 10), n).SelectMany(growth =>
            Gen.ArrayOf(Gen.Elements(true, false), n).SelectMany(flags =>
            Gen.Choose(0, 1000).Select(seed => (rev, growth, flags, seed)))))).ToArbitrary();

    private static AccountMeasures Build((int[] Revenue, int[] Growth, bool[] Flags, int Seed) p, int[] order) =>
        AccountMeasures.Create(order.Select(i => AccountId.Parse($"acct-{i:000}")).ToArray(),
        [
            MeasureColumn.Amounts("revenue", Currency.CNY, order.Select(i => (double)p.Revenue[i]).ToArray()),
            MeasureColumn.Numbers("growth", order.Select(i => (double)p.Growth[i]).ToArray()),
            MeasureColumn.Flags("globalNeeds", order.Select(i => p.Flags[i]).ToArray()),
        ]);

    private static IEnumerable<TieringResult> RunAll(AccountMeasures portfolio)
    {
        yield return new ParetoEngine(ParetoPolicy.Default).Assign(portfolio);
        yield return new ParetoEngine(ParetoPolicy.TopCount("revenue", TieringSamples.Tiers("A", "B", "C"), [3, 10])).Assign(portfolio);
        yield return new AccountScorecardEngine(Scorecard).Assign(portfolio);
    }

    private static int[] Shuffled(int n, int seed) => Enumerable.Range(0, n).OrderBy(_ => new Random(seed).Next()).ToArray()
        .Select((x, k) => (x, key: new Random(seed + k).Next())).OrderBy(t => t.key).Select(t => t.x).ToArray();

    [Property(Arbitrary = [typeof(TieringPropertyTests)])]
    public bool Result_does_not_depend_on_input_order((int[] Revenue, int[] Growth, bool[] Flags, int Seed) p)
    {
        var n = p.Revenue.Length;
        var identity = Enumerable.Range(0, n).ToArray();
        var shuffled = Shuffled(n, p.Seed);
        var a = RunAll(Build(p, identity)).ToArray();
        var b = RunAll(Build(p, shuffled)).ToArray();
        for (var r = 0; r < a.Length; r++)
        {
            var byId = a[r].Assignments.ToDictionary(x => x.AccountId, x => (x.Tier, x.Score));
            if (b[r].Assignments.Any(x => byId[x.AccountId] != (x.Tier, x.Score)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rank order is by value, highest first, equal values by identifier (ordinal), whether the accounts come sorted
    /// by identifier (the order the ranking uses directly), shuffled or reversed (ranked through identifier positions).
    /// </summary>
    [Property(Arbitrary = [typeof(TieringPropertyTests)])]
    public bool Rank_order_is_by_value_then_identifier_in_any_input_order((int[] Revenue, int[] Growth, bool[] Flags, int Seed) p)
    {
        var n = p.Revenue.Length;
        var expected = Enumerable.Range(0, n)
            .OrderByDescending(i => p.Revenue[i])
            .ThenBy(i => $"acct-{i:000}", StringComparer.Ordinal)
            .Select(i => $"acct-{i:000}")
            .ToArray();
        int[][] orders = [Enumerable.Range(0, n).ToArray(), Shuffled(n, p.Seed), Enumerable.Range(0, n).Reverse().ToArray()];
        foreach (var order in orders)
        {
            var portfolio = Build(p, order);
            var engine = new ParetoEngine(ParetoPolicy.Default);
            var first = engine.Rank(portfolio).Order.ToArray();
            var again = engine.Rank(portfolio).Order.ToArray();
            var ids = first.Select(i => portfolio.Ids[i].Value).ToArray();
            if (!ids.SequenceEqual(expected) || !again.SequenceEqual(first))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(TieringPropertyTests)])]
    public bool Tiers_are_monotone_in_score((int[] Revenue, int[] Growth, bool[] Flags, int Seed) p)
    {
        var n = p.Revenue.Length;
        foreach (var result in RunAll(Build(p, Enumerable.Range(0, n).ToArray())))
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (result.ScoreAt(i) > result.ScoreAt(j) && result.TierIndexAt(i) > result.TierIndexAt(j))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(TieringPropertyTests)])]
    public bool Every_account_gets_exactly_one_tier_and_shares_sum_to_100_percent((int[] Revenue, int[] Growth, bool[] Flags, int Seed) p)
    {
        var n = p.Revenue.Length;
        foreach (var result in RunAll(Build(p, Enumerable.Range(0, n).ToArray())))
        {
            var ok = result.Assignments.Count == n
                && result.Assignments.Select(a => a.AccountId).Distinct().Count() == n
                && result.Assignments.All(a => result.Tiers.Count(t => t.Name == a.Tier) == 1)
                && result.Summary.Tiers.Sum(t => t.Accounts) == n
                && result.Summary.Tiers.Sum(t => t.ShareOfValue.Fraction) == 1m
                && result.Summary.Tiers.Sum(t => t.ShareOfAccounts.Fraction) == 1m;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(TieringPropertyTests)])]
    public bool Explanations_name_only_criteria_in_the_policy((int[] Revenue, int[] Growth, bool[] Flags, int Seed) p)
    {
        var n = p.Revenue.Length;
        var portfolio = Build(p, Enumerable.Range(0, n).ToArray());
        var names = Scorecard.Criteria.Select(c => c.Name).ToHashSet();
        var tiers = Scorecard.Tiers.Select(t => t.Name).ToHashSet();
        var result = new AccountScorecardEngine(Scorecard).Assign(portfolio);
        return Enumerable.Range(0, n).All(i =>
        {
            var e = result.Explain(i);
            return e.Contributions.All(c => names.Contains(c.Criterion))
                && e.Gates.All(g => names.Contains(g.Criterion))
                && e.Thresholds.All(t => tiers.Contains(t.Tier))
                && Math.Abs(e.Contributions.Sum(c => c.Points) - result.ScoreAt(i)) < 1e-9;
        });
    }
}
