using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Portfolio;
using Kam.Core.Stages.Opportunities;
using NodaTime;
using static Kam.Core.Tests.Portfolio.WinLossScenario;

namespace Kam.Core.Tests.Portfolio;

/// <summary>The laws of the win/loss summaries: a monoid under Merge, independent of input order, and every breakdown adds up to the totals.</summary>
public sealed class WinLossProperties
{
    private static readonly WinLossAnalyzer Analyzer = new(Currency.CNY);
    private static readonly string[] AccountIds = ["CITY", "MINE", "TOWER", "NONE"];
    private static readonly Kam.Core.Accounts.Account[] Accounts = [NewAccount("CITY", "government"), NewAccount("MINE", "mining"), NewAccount("TOWER", "real estate"), NewAccount("NONE", null)];
    private static readonly string?[][] Codes =
    [
        [null, "won-value", "won-price"],
        [null, "lost-price", "lost-competitor-offer", "lost-no-decision"],
        [null, "abandoned-behind", "abandoned-unprofitable"],
    ];

    private static readonly Gen<OpportunityState> Closing =
        from outcome in Gen.Choose(0, 2)
        from code in Gen.Choose(0, 3)
        from competitor in Gen.Elements<string?>(null, "Rival Co", "Other Inc")
        from account in Gen.Elements(AccountIds)
        from owner in Gen.Elements(Alice, Bob)
        from value in Gen.Elements(0m, 50_000m, 99_999.99m, 100_000m, 750_000m, 1_000_000m, 4_000_000m)
        from stage in Gen.Choose(0, 8)
        from days in Gen.Choose(0, 400)
        from openedDay in Gen.Choose(0, 500)
        from id in Gen.Choose(1, 999_999)
        select Closed(
            "O" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            account,
            owner,
            value,
            stage,
            days,
            outcome switch
            {
                0 => Won(Codes[0][code % Codes[0].Length]),
                1 => Lost(Codes[1][code % Codes[1].Length], competitor),
                _ => Abandoned(Codes[2][code % Codes[2].Length]),
            },
            Start.Plus(Duration.FromDays(openedDay)));

    private static Arbitrary<OpportunityState[]> Sets => Gen.ListOf(Closing).Select(l => l.ToArray()).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Summaries_merge_associatively_and_commutatively_to_the_whole() =>
        Prop.ForAll(Sets, Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (states, cut1, cut2) =>
        {
            int i = states.Length * Math.Min(cut1, cut2) / 100, j = states.Length * Math.Max(cut1, cut2) / 100;
            var a = Analyzer.Analyze(states[..i], Accounts);
            var b = Analyzer.Analyze(states[i..j], Accounts);
            var c = Analyzer.Analyze(states[j..], Accounts);
            var whole = Analyzer.Analyze(states, Accounts);
            var empty = WinLossSummary.Empty(Currency.CNY);
            return whole.Equals(a.Merge(b).Merge(c))
                && whole.Equals(a.Merge(b.Merge(c)))
                && whole.Equals(c.Merge(a).Merge(b))
                && whole.Equals(empty.Merge(whole))
                && whole.Equals(whole.Merge(empty))
                && Key(whole.Total) == Key(c.Merge(b).Merge(a).Total)
                && whole.ByPeriod.Select(p => (p.Period, Key(p.Figures), p.WinRateChange)).SequenceEqual(b.Merge(a).Merge(c).ByPeriod.Select(p => (p.Period, Key(p.Figures), p.WinRateChange)));
        });

    [Property(MaxTest = 60)]
    public Property The_summary_does_not_depend_on_the_order_of_the_input() =>
        Prop.ForAll(Sets, Gen.Choose(0, int.MaxValue).ToArbitrary(), (states, seed) =>
        {
            var shuffled = states.ToArray();
            new Random(seed).Shuffle(shuffled);
            var whole = Analyzer.Analyze(states, Accounts);
            var other = Analyzer.Analyze(shuffled, Accounts.AsEnumerable().Reverse());
            return whole.Equals(other)
                && Key(whole.Total) == Key(other.Total)
                && whole.ByReason.Select(r => (r.Key, Key(r.Figures))).SequenceEqual(other.ByReason.Select(r => (r.Key, Key(r.Figures))))
                && whole.ByOwner.Select(r => (r.Key, Key(r.Figures))).SequenceEqual(other.ByOwner.Select(r => (r.Key, Key(r.Figures))));
        });

    [Property(MaxTest = 60)]
    public Property Every_breakdown_adds_up_to_the_totals() =>
        Prop.ForAll(Sets, states =>
        {
            var s = Analyzer.Analyze(states, Accounts);
            var total = Key(s.Total);
            return Sum(s.ByReason.Select(r => r.Figures)) == total
                && Sum(s.ByCause.Select(r => r.Figures)) == total
                && Sum(s.ByCompetitor.Select(r => r.Figures)) == total
                && Sum(s.ByStage.Select(r => r.Figures)) == total
                && Sum(s.ByOwner.Select(r => r.Figures)) == total
                && Sum(s.BySizeBand.Select(r => r.Figures)) == total
                && Sum(s.ByIndustry.Select(r => r.Figures)) == total
                && Sum(s.ByPeriod.Select(r => r.Figures)) == total
                && s.Total.Closed == states.Length
                && (states.Length == 0 || (s.Total.MedianCycleDays >= 0 && s.Total.MeanCycleDays <= 400));
        });

    private static (long, long, long, decimal, decimal, decimal) Key(WinLossFigures f) => (f.Won, f.Lost, f.Abandoned, f.WonValue.Amount, f.LostValue.Amount, f.AbandonedValue.Amount);

    private static (long, long, long, decimal, decimal, decimal) Sum(IEnumerable<WinLossFigures> figures) =>
        figures.Aggregate(default((long, long, long, decimal, decimal, decimal)), (t, f) => (t.Item1 + f.Won, t.Item2 + f.Lost, t.Item3 + f.Abandoned, t.Item4 + f.WonValue.Amount, t.Item5 + f.LostValue.Amount, t.Item6 + f.AbandonedValue.Amount));
}
