using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Tests.Stages;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>The laws of the pipeline roll-ups over random opportunities of the sample hierarchy's accounts.</summary>
public sealed class HierarchyPipelineProperties
{
    private static readonly AccountHierarchy Sample = Hierarchy();
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);
    private static readonly Instant AsOf = Instant.FromUtc(2026, 4, 1, 0, 0);

    /// <summary>One opportunity: which account, its value, its stage, its close date and whether it is still open.</summary>
    private static readonly Gen<OpportunityState[]> Opportunities =
        Gen.ListOf(
            from account in Gen.Choose(0, Sample.Accounts.Count - 1)
            from value in Gen.Choose(0, 5_000_000)
            from cents in Gen.Choose(0, 99)
            from stage in Gen.Choose(0, 8)
            from closeDay in Gen.Choose(0, 500)
            from outcome in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
            select (account, value + (cents / 100m), stage, closeDay, outcome))
        .Select(list => list.Select((o, i) => State(i, o)).ToArray());

    private static OpportunityState State(int i, (int Account, decimal Value, int Stage, int CloseDay, int Outcome) o)
    {
        var scenario = new StageScenario($"R-{i:0000}", value: o.Value, expectedClose: new LocalDate(2026, 1, 1).PlusDays(o.CloseDay), account: Sample.Accounts[o.Account].Id)
            .InStage(o.Stage);
        return o.Outcome switch
        {
            1 => scenario.Add(at => new OpportunityWon(at, StageScenario.Alice)).State,
            2 => scenario.Add(at => new OpportunityLost(at, StageScenario.Alice)).State,
            _ => scenario.State,
        };
    }

    private static (long Count, decimal Value, decimal Weighted, decimal Commit, decimal BestCase) K(PipelineFigures f) =>
        (f.Count, f.Value.Amount, f.Weighted.Amount, f.Commit.Amount, f.BestCase.Amount);

    private static (long, decimal, decimal, decimal, decimal) Plus((long, decimal, decimal, decimal, decimal) a, (long, decimal, decimal, decimal, decimal) b) =>
        (a.Item1 + b.Item1, a.Item2 + b.Item2, a.Item3 + b.Item3, a.Item4 + b.Item4, a.Item5 + b.Item5);

    [Property(MaxTest = 60)]
    public Property The_unit_roll_up_conserves_the_total() =>
        Prop.ForAll(Opportunities.ToArbitrary(), states =>
        {
            var summary = Analyzer.Summarize(states, AsOf);
            var view = new HierarchyPipeline(Sample, summary);
            var overAccounts = summary.ByAccount().Select(a => K(a.Figures)).Aggregate(default((long, decimal, decimal, decimal, decimal)), Plus);
            var roots = Sample.Organization.Units.Where(u => u.Parent is null).Select(u => K(view.Unit(u.Id))).Aggregate(default((long, decimal, decimal, decimal, decimal)), Plus);
            var accountRoots = view.ByAccountTree().Where(r => Sample.Account(r.Account).Parent is null).Select(r => K(r.Total)).Aggregate(default((long, decimal, decimal, decimal, decimal)), Plus);
            var owns = view.ByUnit().Select(r => K(r.Own)).Aggregate(default((long, decimal, decimal, decimal, decimal)), Plus);
            return K(view.Unit(U("HQ"))) == overAccounts
                && roots == K(summary.Total)
                && accountRoots == K(summary.Total)
                && owns == K(summary.Total);
        });

    [Property(MaxTest = 60)]
    public Property Rolling_up_merged_partitions_is_merging_the_rolled_up_partitions() =>
        Prop.ForAll(Opportunities.ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (states, cut, quarter) =>
        {
            var i = states.Length * cut / 100;
            var a = Analyzer.Summarize(states.AsSpan(0, i), AsOf);
            var b = Analyzer.Summarize(states.AsSpan(i), AsOf);
            FiscalPeriod? period = quarter == 0 ? null : FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 3 * quarter, 1), PeriodKind.Quarter);
            var whole = new HierarchyPipeline(Sample, Analyzer.Summarize(states, AsOf));
            var merged = new HierarchyPipeline(Sample, b.Merge(a));
            HierarchyPipeline pa = new(Sample, a), pb = new(Sample, b);
            var units = pa.ByUnit(period).Zip(pb.ByUnit(period), (x, y) => (x.Unit, Own: Plus(K(x.Own), K(y.Own)), Total: Plus(K(x.Total), K(y.Total))));
            var accounts = pa.ByAccountTree(period).Zip(pb.ByAccountTree(period), (x, y) => (x.Account, Own: Plus(K(x.Own), K(y.Own)), Total: Plus(K(x.Total), K(y.Total))));
            return merged.ByUnit(period).Select(r => (r.Unit, Own: K(r.Own), Total: K(r.Total))).SequenceEqual(units)
                && whole.ByUnit(period).Select(r => (r.Unit, Own: K(r.Own), Total: K(r.Total))).SequenceEqual(units)
                && merged.ByAccountTree(period).Select(r => (r.Account, Own: K(r.Own), Total: K(r.Total))).SequenceEqual(accounts)
                && whole.ByAccountTree(period).Select(r => (r.Account, Own: K(r.Own), Total: K(r.Total))).SequenceEqual(accounts);
        });
}
