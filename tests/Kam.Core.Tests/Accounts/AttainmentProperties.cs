using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages;
using Kam.Core.Stages.Playbooks;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>The laws of the attainment tally and its roll-ups, over random opportunities and partitions.</summary>
public sealed class AttainmentProperties
{
    private static readonly LocalDate AsOf = new(2026, 6, 30);
    private static readonly LocalDate Start = new(2026, 1, 1);
    private static readonly AccountHierarchy SampleHierarchy = Hierarchy();
    private static readonly string[] AccountIds = ["HQ-ACME", "ACME-SH", "ACME-HZ", "BETA"];
    private static readonly TargetPlan SamplePlan = new(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(Currency.CNY), TargetMeasure.GrossProfit(Currency.CNY)],
    [
        new Target(TargetSubject.ForAccount(A("ACME-SH")), "bookings", FiscalCalendar.Calendar.Year(2026), Money.Of(500_000m, "CNY")),
        new Target(TargetSubject.ForUnit(U("EAST")), "bookings", FiscalCalendar.Calendar.Year(2026), Money.Of(900_000m, "CNY")),
    ]);

    public sealed record Deal(int Account, long Fen, int ExpectedDay, int Stage, int Status, int ClosedDay);

    public sealed record AttainmentCase(Deal[] Deals, int[] Cuts, int Seed, int[] Raise);

    public static Arbitrary<AttainmentCase> Cases() =>
        (from n in Gen.Choose(0, 40)
         from deals in Gen.ArrayOf(
             from account in Gen.Choose(0, 3)
             from fen in Gen.Choose(0, 100_000_000)
             from expected in Gen.Choose(-90, 420)
             from stage in Gen.Choose(0, 8)
             from status in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
             from closed in Gen.Choose(-60, 180)
             select new Deal(account, fen, expected, stage, status, closed), n)
         from cuts in Gen.ArrayOf(Gen.Choose(0, 40), 3)
         from seed in Gen.Choose(0, 10_000)
         from raise in Gen.ArrayOf(Gen.Choose(0, 3), 8)
         select new AttainmentCase(deals, cuts, seed, raise)).ToArbitrary();

    public sealed record WindowCase(Deal[] Deals, int AsOfDay, bool OverdueInCurrentPeriod, int Seed);

    public static Arbitrary<WindowCase> WindowCases() =>
        (from c in Cases().Generator
         from asOf in Gen.Choose(0, 364)
         from overdue in Gen.Elements(true, false)
         select new WindowCase(c.Deals, asOf, overdue, c.Seed)).ToArbitrary();

    private static AttainmentOpportunity[] Opportunities(AttainmentCase c) =>
        [.. c.Deals.Select(d => new AttainmentOpportunity(A(AccountIds[d.Account]), Money.Of(d.Fen / 100m, "CNY"), Start.PlusDays(d.ExpectedDay),
            d.Stage == 0 ? null : (SalesStage)d.Stage, (OpportunityStatus)d.Status, d.Status == 1 ? null : Start.PlusDays(d.ClosedDay)))];

    private static AttainmentActual[] Actuals(AttainmentCase c) =>
        [.. c.Deals.Where(d => d.ClosedDay >= 0).Select(d => new AttainmentActual(A(AccountIds[d.Account]), "grossProfit", Start.PlusDays(d.ClosedDay), Money.Of(d.Fen / 1000m, "CNY")))];

    /// <summary>Every figure of every line of the report, as text.</summary>
    private static string Fingerprint(AttainmentReport report)
    {
        var text = new StringBuilder();
        foreach (var measure in report.Measures)
        {
            foreach (var period in report.Periods)
            {
                var lines = report.Units(measure.Key, period)
                    .Concat(report.Accounts(measure.Key, period))
                    .Concat(AccountIds.Select(a => report.AccountGroup(A(a), measure.Key, period)));
                foreach (var l in lines)
                {
                    text.Append($"{l.Subject}|{period}|{l.Target}|{l.Actual}|{l.WeightedPipeline}|{l.OpenPipeline}|{l.RunRate}|{l.Forecast}|{l.Gap}|{l.Coverage}|{l.OverdueCount}|{l.OverdueValue}\n");
                }
            }
        }

        return text.ToString();
    }

    private static AttainmentTally[] Parts(AttainmentEngine engine, AttainmentCase c)
    {
        var opportunities = Opportunities(c);
        var actuals = Actuals(c);
        var cuts = c.Cuts.Select(x => Math.Min(x, opportunities.Length)).Order().Distinct().Prepend(0).Append(opportunities.Length).Distinct().ToArray();
        var parts = new List<AttainmentTally>();
        for (var k = 0; k + 1 < cuts.Length; k++)
        {
            parts.Add(engine.Tally(SamplePlan, SampleHierarchy, AsOf, opportunities.AsSpan(cuts[k], cuts[k + 1] - cuts[k]), [], firstOpportunity: cuts[k]));
        }

        parts.Add(engine.Tally(SamplePlan, SampleHierarchy, AsOf, [], actuals));
        return [.. parts];
    }

    [Property(Arbitrary = [typeof(AttainmentProperties)], MaxTest = 100)]
    public bool Partition_then_merge_equals_all_at_once(AttainmentCase c)
    {
        var engine = new AttainmentEngine();
        var whole = engine.Evaluate(SamplePlan, SampleHierarchy, AsOf, Opportunities(c), Actuals(c));
        var merged = engine.Report(Parts(engine, c).Aggregate((x, y) => x.Merge(y)));
        return Fingerprint(whole) == Fingerprint(merged);
    }

    [Property(Arbitrary = [typeof(AttainmentProperties)], MaxTest = 100)]
    public bool Merge_order_does_not_matter(AttainmentCase c)
    {
        var engine = new AttainmentEngine();
        var parts = Parts(engine, c);
        var random = new Random(c.Seed);
        var shuffled = parts.OrderBy(_ => random.Next()).ToArray();
        var leftFold = parts.Aggregate((x, y) => x.Merge(y));
        var rightFold = Enumerable.Reverse(shuffled).Aggregate((x, y) => y.Merge(x));
        return Fingerprint(engine.Report(leftFold)) == Fingerprint(engine.Report(rightFold));
    }

    [Property(Arbitrary = [typeof(AttainmentProperties)], MaxTest = 100)]
    public bool The_root_is_the_sum_of_the_accounts(AttainmentCase c)
    {
        var report = new AttainmentEngine().Evaluate(SamplePlan, SampleHierarchy, AsOf, Opportunities(c), Actuals(c));
        foreach (var measure in report.Measures)
        {
            foreach (var period in report.Periods)
            {
                var root = report.Unit(U("HQ"), measure.Key, period);
                var accounts = report.Accounts(measure.Key, period).ToArray();
                var group = report.AccountGroup(A("HQ-ACME"), measure.Key, period);
                var inGroup = accounts.Where(l => l.Subject.Account != A("BETA")).ToArray();
                if (root.Actual != accounts.Sum(l => l.Actual) || root.WeightedPipeline != accounts.Sum(l => l.WeightedPipeline)
                    || root.OpenPipeline != accounts.Sum(l => l.OpenPipeline) || root.OverdueValue != accounts.Sum(l => l.OverdueValue)
                    || group.Actual != inGroup.Sum(l => l.Actual) || group.WeightedPipeline != inGroup.Sum(l => l.WeightedPipeline))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(AttainmentProperties)], MaxTest = 100)]
    public bool The_forecast_is_never_below_the_actual(AttainmentCase c)
    {
        foreach (var method in new[] { ForecastMethod.ActualPlusWeightedPipeline, ForecastMethod.RunRate })
        {
            var report = new AttainmentEngine(new AttainmentPolicy(forecast: method)).Evaluate(SamplePlan, SampleHierarchy, AsOf, Opportunities(c), Actuals(c));
            foreach (var period in report.Periods)
            {
                if (report.Units("bookings", period).Concat(report.Accounts("bookings", period)).Any(l => l.Forecast < l.Actual))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(AttainmentProperties)], MaxTest = 100)]
    public bool Higher_probabilities_never_lower_the_weighted_pipeline(AttainmentCase c)
    {
        // A table raised stage by stage (still rising strictly, at most 100%) against the default.
        var values = WinProbabilityTable.Default.Values.Select(p => p.Percent).ToArray();
        var raised = new decimal[8];
        for (var k = 0; k < 8; k++)
        {
            raised[k] = Math.Min(100m - (7 - k) * 0.5m, Math.Max(values[k] + c.Raise[k], k == 0 ? 0m : raised[k - 1] + 0.5m));
            raised[k] = Math.Max(raised[k], values[k]);
        }

        var low = new AttainmentEngine().Evaluate(SamplePlan, SampleHierarchy, AsOf, Opportunities(c), Actuals(c));
        var high = new AttainmentEngine(new AttainmentPolicy(probabilities: new WinProbabilityTable(raised.Select(Percentage.FromPercent)))).Evaluate(SamplePlan, SampleHierarchy, AsOf, Opportunities(c), Actuals(c));
        foreach (var period in low.Periods)
        {
            var a = low.Units("bookings", period).Concat(low.Accounts("bookings", period)).ToArray();
            var b = high.Units("bookings", period).Concat(high.Accounts("bookings", period)).ToArray();
            for (var i = 0; i < a.Length; i++)
            {
                if (b[i].WeightedPipeline < a[i].WeightedPipeline || b[i].OpenPipeline != a[i].OpenPipeline)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The tally keeps only the months a figure can fall in (actuals up to the as-of month, pipeline from it on): for
    /// any as-of day, overdue rule and input order, every account's month figures are still exactly (same digits, same
    /// scale) the plain sums of its inputs.
    /// </summary>
    [Property(Arbitrary = [typeof(AttainmentProperties)], MaxTest = 100)]
    public bool Month_figures_are_the_plain_sums_for_any_as_of_day_and_order(WindowCase c)
    {
        var asOf = Start.PlusDays(c.AsOfDay);
        // Closes and actuals after the as-of day are refused, so they are moved back to it.
        var deals = c.Deals.Select(d => d with { ClosedDay = Math.Min(d.ClosedDay, c.AsOfDay) }).ToArray();
        var cases = new AttainmentCase(deals, [], c.Seed, []);
        var opportunities = Opportunities(cases);
        var actuals = Actuals(cases);
        var policy = new AttainmentPolicy(overdueInCurrentPeriod: c.OverdueInCurrentPeriod);
        var random = new Random(c.Seed);
        var report = new AttainmentEngine(policy).Evaluate(SamplePlan, SampleHierarchy, asOf,
            opportunities.OrderBy(_ => random.Next()).ToArray(), actuals.OrderBy(_ => random.Next()).ToArray());
        foreach (var id in AccountIds.Select(A))
        {
            foreach (var month in report.Periods.Where(p => p.Kind == PeriodKind.Month))
            {
                decimal won = 0m, open = 0m, weighted = 0m, gross = 0m;
                foreach (var o in opportunities.Where(o => o.Account == id))
                {
                    var value = o.Value.Amount;
                    if (o.Status == OpportunityStatus.Won && month.Interval.Contains(o.ClosedOn!.Value))
                    {
                        won += value;
                    }

                    var counted = o.ExpectedClose >= asOf ? o.ExpectedClose : c.OverdueInCurrentPeriod ? asOf : (LocalDate?)null;
                    if (o.Status == OpportunityStatus.Open && counted is { } day && month.Interval.Contains(day))
                    {
                        open += value;
                        weighted += value * (o.CompletedStage is { } stage ? policy.Probabilities[stage].Fraction : 0m);
                    }
                }

                foreach (var x in actuals.Where(x => x.Account == id && month.Interval.Contains(x.Date)))
                {
                    gross += x.Value;
                }

                var bookings = report.Account(id, "bookings", month);
                var grossProfit = report.Account(id, "grossProfit", month);
                if ($"{bookings.Actual}|{bookings.OpenPipeline}|{bookings.WeightedPipeline}|{grossProfit.Actual}" != $"{won}|{open}|{weighted}|{gross}")
                {
                    return false;
                }
            }
        }

        return true;
    }
}
