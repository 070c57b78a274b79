using Kam.Core.Accounts;
using Kam.Core.Accounts.Targets;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

public sealed class ReconciliationTests
{
    private static FiscalPeriod Fy(string name) => FiscalCalendar.Calendar.Parse(name);

    private static Money Cny(decimal amount) => Money.Of(amount, "CNY");

    [Fact]
    public void Units_set_their_own_target_against_the_roll_up_of_their_accounts()
    {
        var plan = TargetPlan.FromJson(RepositoryFiles.Read("docs/schemas/samples/target-plan.json"));
        var result = new TargetAllocator(AllocationPolicy.Default).Reconcile(plan, Hierarchy(), "bookings");

        var east = result.Line(U("EAST"), Fy("FY2026"))!;
        Assert.Equal(Cny(1_000_000m), east.TopDown);
        Assert.Equal(Cny(950_000m), east.BottomUp);
        Assert.Equal(Cny(50_000m), east.Gap);
        Assert.Equal(3, east.Accounts);

        var sh = result.Line(U("SH"), Fy("FY2026"))!;
        Assert.Null(sh.TopDown);
        Assert.Null(sh.Gap);
        Assert.Equal(Cny(950_000m), sh.BottomUp);
        Assert.Equal(Cny(200_000m), result.Line(U("SH-1"), Fy("FY2026"))!.BottomUp);
        Assert.Equal(Cny(950_000m), result.Line(U("HQ"), Fy("FY2026"))!.BottomUp);

        var q1 = result.Line(U("EAST"), Fy("FY2026-Q1"))!;
        Assert.Equal((Cny(220_000m), Cny(0m), Cny(220_000m), 0), (q1.TopDown!.Value, q1.BottomUp, q1.Gap!.Value, q1.Accounts));
        Assert.Equal(Cny(30_000m), result.Line(U("EAST"), Fy("FY2026-M01"))!.BottomUp);
        Assert.Null(result.Line(U("NORTH"), Fy("FY2026")));
        Assert.Null(result.Line(U("HZ"), Fy("FY2026")));

        // Units top-down, each unit's year before its quarters and months.
        Assert.Equal(U("HQ"), result.Lines[0].Unit);
        Assert.Equal(Fy("FY2026"), result.Lines[0].Period);
        var eastLines = result.Lines.Where(l => l.Unit == U("EAST")).Select(l => l.Period.ToString()).ToArray();
        Assert.Equal(["FY2026", "FY2026-Q1", "FY2026-M01"], eastLines);
    }

    [Fact]
    public void A_quarter_is_made_of_its_months_and_a_year_of_its_quarters()
    {
        var months = FiscalCalendar.Calendar.Year(2026).Children(PeriodKind.Month);
        var targets = months.Select(m => new Target(TargetSubject.ForAccount(A("ACME-HZ")), "bookings", m, Cny(10m))).ToList();
        targets.Add(new Target(TargetSubject.ForAccount(A("BETA")), "bookings", Fy("FY2026-Q1"), Cny(5m)));
        targets.Add(new Target(TargetSubject.ForAccount(A("BETA")), "bookings", Fy("FY2026-M01"), Cny(1m)));
        targets.Add(new Target(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026-Q2"), Cny(40m)));
        targets.Add(new Target(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026-Q1"), Cny(30m)));
        var plan = new TargetPlan(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(Currency.CNY)], targets);
        var result = new TargetAllocator(AllocationPolicy.Default).Reconcile(plan, Hierarchy(), "bookings");

        Assert.Equal(Cny(120m), result.Line(U("HZ"), Fy("FY2026"))!.BottomUp);
        Assert.Equal(Cny(30m), result.Line(U("HZ"), Fy("FY2026-Q3"))!.BottomUp);
        var q1 = result.Line(U("EAST"), Fy("FY2026-Q1"))!;
        Assert.Equal(Cny(35m), q1.BottomUp); // BETA's own quarter target wins over its one month
        Assert.Equal(Cny(-5m), q1.Gap);
        Assert.Null(result.Line(U("EAST"), Fy("FY2026"))!.TopDown); // only two quarters set: no year
        Assert.Equal(Cny(120m), result.Line(U("EAST"), Fy("FY2026"))!.BottomUp); // BETA has no year (Q2-Q4 missing)
    }

    [Fact]
    public void Targets_of_unknown_accounts_or_units_and_non_money_measures_are_refused()
    {
        var plan = new TargetPlan(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(Currency.CNY), TargetMeasure.Satisfaction],
        [
            new Target(TargetSubject.ForAccount(A("GHOST")), "bookings", Fy("FY2026"), Cny(1m)),
            new Target(TargetSubject.ForUnit(U("MARS")), "bookings", Fy("FY2026"), Cny(1m)),
        ]);
        var allocator = new TargetAllocator(AllocationPolicy.Default);
        var ex = Assert.Throws<KamValidationException>(() => allocator.Reconcile(plan, Hierarchy(), "bookings"));
        Assert.Contains(ex.Errors, e => e is { Path: "targets[0].account", Code: KamErrorCodes.Unknown, AttemptedValue: "GHOST" });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[1].unit", Code: KamErrorCodes.Unknown, AttemptedValue: "MARS" });
        Assert.Equal("measure", Assert.Throws<KamValidationException>(() => allocator.Reconcile(plan, Hierarchy(), "satisfaction")).Errors[0].Path);
        Assert.Equal(KamErrorCodes.Unknown, Assert.Throws<KamValidationException>(() => allocator.Reconcile(plan, Hierarchy(), "nps")).Errors[0].Code);
    }
}
