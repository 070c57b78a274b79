using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Accounts;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Relationships.Activities;

namespace Kam.Core.Tests.Portfolio.Staffing;

/// <summary>The laws of the staffing plan: never negative, monotone in the accounts, the churn rate and the load, and a monoid under Merge.</summary>
public sealed class StaffingProperties
{
    private static readonly string[] Grades = ["KA1", "KA3", "KA6", "A"];
    private static readonly StaffingPlanner Planner = new(new StaffingOptions(costPerManagerMonth: Money.Of(25_000m, "CNY")));

    private static readonly Organization Org = new(
        [new OrganizationUnit(UnitId.Parse("HQ"), "Head office", UnitLevel.HeadOffice), new OrganizationUnit(UnitId.Parse("N"), "North", UnitLevel.Branch, UnitId.Parse("HQ")), new OrganizationUnit(UnitId.Parse("S"), "South", UnitLevel.Branch, UnitId.Parse("HQ"))],
        [new Person(PersonId.Parse("m0"), "M0", UnitId.Parse("N")), new Person(PersonId.Parse("m1"), "M1", UnitId.Parse("S")), new Person(PersonId.Parse("m2"), "M2", UnitId.Parse("HQ"))]);

    private static Arbitrary<int[]> Book => Gen.ArrayOf(Gen.Choose(0, Grades.Length - 1)).ToArbitrary();

    private static Arbitrary<decimal> Rate => Gen.Choose(0, 1000).Select(x => x / 1000m).ToArbitrary();

    private static Arbitrary<(decimal Rate, decimal Surge)> Demand =>
        (from rate in Gen.Choose(0, 1000) from surge in Gen.Choose(1, 300) select (rate / 1000m, surge / 100m)).ToArbitrary();

    private static Arbitrary<(int, int)> Cuts => (from a in Gen.Choose(0, 100) from b in Gen.Choose(0, 100) select (a, b)).ToArbitrary();

    private static AccountAssignment[] Accounts(int[] grades, int offset = 0) =>
        [.. grades.Select((g, i) => StaffingTests.Account($"A{i + offset}", Grades[g], $"m{(i + offset) % 3}"))];

    private static StaffingPeriod[] Periods(decimal rate, decimal surge) => [new("P1", Ratio.FromFraction(rate), surge), new("P2", Ratio.Zero)];

    [Property(MaxTest = 80)]
    public Property Figures_are_never_negative() =>
        Prop.ForAll(Book, Demand, (grades, demand) =>
            Planner.Plan(Accounts(grades), Periods(demand.Rate, demand.Surge), 2).Total.Periods.All(p =>
                p.Hours >= 0m && p.NeededFte >= 0m && p.ManagersNeeded >= 0 && p.ToHire >= 0 && p.Cost!.Value.Amount >= 0m
                && p.ByGrade.All(g => g.Hours >= 0m && g.NeededFte >= 0m && g.ReplacementHours >= 0m && g.ManagersNeeded >= 0)
                && p.ManagersNeeded <= p.ByGrade.Sum(g => g.ManagersNeeded)));

    [Property(MaxTest = 80)]
    public Property More_accounts_never_need_fewer_managers() =>
        Prop.ForAll(Book, Book, Demand, (grades, more, demand) =>
        {
            var (rate, surge) = demand;
            var small = Planner.Plan(Accounts(grades), Periods(rate, surge), 2).Total.Periods;
            var large = Planner.Plan(Accounts([.. grades, .. more]), Periods(rate, surge), 2).Total.Periods;
            return small.Zip(large).All(p => p.First.NeededFte <= p.Second.NeededFte && p.First.ManagersNeeded <= p.Second.ManagersNeeded && p.First.ToHire <= p.Second.ToHire);
        });

    [Property(MaxTest = 80)]
    public Property A_higher_churn_rate_never_needs_fewer_managers() =>
        Prop.ForAll(Book, Demand, Rate, (grades, demand, b) =>
        {
            var (a, surge) = demand;
            var low = Planner.Plan(Accounts(grades), Periods(Math.Min(a, b), surge), 2).Total.Periods[0];
            var high = Planner.Plan(Accounts(grades), Periods(Math.Max(a, b), surge), 2).Total.Periods[0];
            return low.NeededFte <= high.NeededFte && low.ManagersNeeded <= high.ManagersNeeded && low.Cost <= high.Cost;
        });

    [Property(MaxTest = 80)]
    public Property A_heavier_load_or_surge_never_needs_fewer_managers() =>
        Prop.ForAll(Book, (from x in Gen.Choose(0, 4000) from y in Gen.Choose(0, 4000) select (x, y)).ToArbitrary(), Rate, (grades, loads, rate) =>
        {
            var (x, y) = loads;
            StaffingPlanner Loaded(int hundredths) =>
                new(new StaffingOptions([.. GradeLoad.FromStandards(ContactStandards.Default).Select(l => l.Grade == "KA3" ? new GradeLoad("KA3", hundredths / 100m) : l)]));
            var light = Loaded(Math.Min(x, y)).Plan(Accounts(grades), Periods(rate, 1m), 2).Total.Periods[0];
            var heavy = Loaded(Math.Max(x, y)).Plan(Accounts(grades), Periods(rate, 1m), 2).Total.Periods[0];
            var surged = Loaded(Math.Min(x, y)).Plan(Accounts(grades), Periods(rate, 1.5m), 2).Total.Periods[0];
            return light.NeededFte <= heavy.NeededFte && light.ManagersNeeded <= heavy.ManagersNeeded && light.NeededFte <= surged.NeededFte;
        });

    [Property(MaxTest = 60)]
    public Property Plans_of_a_partition_merge_to_the_plan_of_the_whole() =>
        Prop.ForAll(Book, Cuts, Demand, (grades, cuts, demand) =>
        {
            var ((cut1, cut2), (rate, surge)) = (cuts, demand);
            var accounts = Accounts(grades);
            var managers = new[] { new StaffingManager(PersonId.Parse("m0")), new StaffingManager(PersonId.Parse("m1"), 0.7m), new StaffingManager(PersonId.Parse("m2"), 1.3m) };
            int i = accounts.Length * Math.Min(cut1, cut2) / 100, j = accounts.Length * Math.Max(cut1, cut2) / 100;
            var periods = Periods(rate, surge);
            var a = Planner.Plan(accounts[..i], periods, managers[..1], Org);
            var b = Planner.Plan(accounts[i..j], periods, managers[1..2], Org);
            var c = Planner.Plan(accounts[j..], periods, managers[2..], Org);
            var whole = Render(Planner.Plan(accounts, periods, managers, Org));
            return whole == Render(a.Merge(b).Merge(c)) && whole == Render(a.Merge(b.Merge(c))) && whole == Render(c.Merge(a).Merge(b))
                && whole == Render(StaffingPlan.Empty(Planner.Options, periods).Merge(a.Merge(b).Merge(c)));
        });

    /// <summary>Every figure and reason of a plan, as text: two plans render alike exactly when they say the same.</summary>
    private static string Render(StaffingPlan plan) =>
        string.Join('\n', plan.ByUnit.Prepend(plan.Total).SelectMany(book => book.Periods.Select(p =>
            $"{book.Unit}|{book.Accounts}|{book.Managers}|{book.AvailableFte}|{p.Hours}|{p.NeededFte}|{p.ManagersNeeded}|{p.ToHire}|{p.Cost}|{string.Join(';', p.Reasons)}|"
            + string.Join(';', p.ByGrade.Select(g => $"{g.Grade}:{g.Accounts}:{g.Hours}:{g.Cost}:{string.Join(',', g.Reasons)}")))));
}
