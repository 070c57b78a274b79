using Kam.Core.Accounts.Plans;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;
using static Kam.Core.Tests.Accounts.PlanSamples;

namespace Kam.Core.Tests.Accounts;

public sealed class KeyAccountPlanTests
{
    [Fact]
    public void A_plan_keeps_its_parts_and_the_grid_adds_up_its_white_space()
    {
        var plan = Plan("BETA");
        Assert.Equal(Fy("FY2026"), plan.Year);
        var grid = plan.Whitespace!;
        Assert.Equal(Money.Of(150_000m, "CNY"), grid.Total);
        Assert.Equal(Money.Of(150_000m, "CNY"), grid.RowTotal("Sensors") + grid.RowTotal("Service") - Money.Of(30_000m, "CNY") + Money.Of(30_000m, "CNY"));
        Assert.Equal(Money.Of(120_000m, "CNY"), grid.RowTotal("Sensors"));
        Assert.Equal(Money.Of(150_000m, "CNY"), grid.ColumnTotal("Plant 2"));
        Assert.Equal(Money.Zero(Currency.CNY), grid.ColumnTotal("Plant 1"));
        Assert.Equal(WhitespaceState.Competitor, grid.Cell("Service", "Plant 1")!.State);
        Assert.Null(grid.Cell("Service", "Plant 3"));
        Assert.Equal("unit", Assert.Throws<KamValidationException>(() => grid.ColumnTotal("Plant 3")).Errors[0].Path);
        Assert.Equal(-8_000m, plan.Reviews[0].Lines[0].Variance);
        Assert.Equal(119, plan.Projects[0].LeadTimeDays);
    }

    [Fact]
    public void Every_problem_of_a_plan_is_reported_with_path_and_value()
    {
        PlanObjective[] objectives =
        [
            new("grow", "Grow", [new ObjectiveTarget("bookings", Fy("FY2025-Q4")), new ObjectiveTarget("bookings", Fy("FY2026"), Money.Of(5m, "USD"))]),
            new("grow", "Again", [new ObjectiveTarget("bookings", Fy("FY2026"))]),
        ];
        var ex = Assert.Throws<KamValidationException>(() => new KeyAccountPlan(A("BETA"), FiscalCalendar.Calendar, 2026, Currency.CNY, objectives,
            new AccountSituation(Money.Of(1m, "EUR")),
            new WhitespaceGrid(Currency.USD, ["a"], ["b"], []),
            [new PlanAction("x", D(1, 1), "nope")],
            [new ResourceLine(Fy("FY2027-Q1"), "travel", budget: Money.Of(1m, "USD"))],
            ["x", "x"],
            [new ProjectPlan("p", D(2, 1), objective: "missing")],
            [new OperatingPlanEntry(Fy("FY2027-M01"), D(1, 1), ["p"]), new OperatingPlanEntry(Fy("FY2026-M02"), D(2, 1), ["p"]), new OperatingPlanEntry(Fy("FY2026-M02"), D(2, 2), ["q"])],
            [
                new PlanReview(Fy("FY2026-Q1"), D(4, 1), true, [new ReviewLine("nps", Fy("FY2026-Q1"), 1m, 1m), new ReviewLine("bookings", Fy("FY2026-Q2"), 1m, 1m)]),
                new PlanReview(new FiscalCalendar(4).Parse("FY2026-Q1"), new LocalDate(2025, 5, 1), true),
            ]));
        string[] expected =
        [
            "objectives[0].targets[0].period out_of_range FY2025-Q4",
            "objectives[0].targets[1].value currency_mismatch 5 USD",
            "objectives[1].key duplicate grow",
            "objectives[1].targets[0] duplicate bookings FY2026",
            "situation.revenue currency_mismatch 1 EUR",
            "whitespace.currency currency_mismatch USD",
            "actions[0].objective unknown nope",
            "resources[0].period out_of_range FY2027-Q1",
            "resources[0].budget currency_mismatch 1 USD",
            "differentiation[1] duplicate x",
            "projects[0].objective unknown missing",
            "operatingPlan[0].month out_of_range FY2027-M01",
            "operatingPlan[2].month duplicate FY2026-M02",
            "reviews[0].lines[0].measure unknown nps",
            "reviews[0].lines[1].period unknown FY2026-Q2",
            "reviews[1].period out_of_range FY2026-Q1",
        ];
        Assert.Equal(expected, ex.Errors.Select(e => $"{e.Path} {e.Code} {e.AttemptedValue}"));
    }

    [Fact]
    public void The_parts_validate_themselves()
    {
        static string[] Paths(Action create) => [.. Assert.Throws<KamValidationException>(create).Errors.Select(e => e.Path)];
        Assert.Equal(["period"], Paths(() => _ = new ObjectiveTarget("bookings", Fy("FY2026-H1"))));
        Assert.Equal(["value"], Paths(() => _ = new ObjectiveTarget("bookings", Fy("FY2026"), Money.Of(0.001m, "CNY"))));
        Assert.Equal(["competitor", "estimatedValue"], Paths(() => _ = new WhitespaceCell("a", "b", WhitespaceState.Competitor, estimatedValue: Money.Of(1m, "CNY"))));
        Assert.Equal(["opportunity"], Paths(() => _ = new WhitespaceCell("a", "b", WhitespaceState.OpenOpportunity)));
        Assert.Equal(["estimatedValue"], Paths(() => _ = new WhitespaceCell("a", "b", WhitespaceState.WhiteSpace)));
        Assert.Equal(["cells[0].unit", "cells[1].unit", "cells[1]"], Paths(() => _ = new WhitespaceGrid(Currency.CNY, ["a"], ["b"], [new WhitespaceCell("a", "c", WhitespaceState.Ours), new WhitespaceCell("a", "c", WhitespaceState.Ours)])));
        Assert.Equal(["title", "owner"], Paths(() => _ = new PlanAction(" ", D(1, 1), "grow", default(PersonId))));
        Assert.Equal(["days", "budget"], Paths(() => _ = new ResourceLine(Fy("FY2026"), "x", days: 3m)));
        Assert.Equal(["days"], Paths(() => _ = new ResourceLine(Fy("FY2026"), "x", P("zhang"))));
        Assert.Equal(["start"], Paths(() => _ = new ProjectPlan("p", D(1, 1), D(2, 1))));
        Assert.Equal(["month", "priorities"], Paths(() => _ = new OperatingPlanEntry(Fy("FY2026-Q1"), D(1, 1), [])));
        Assert.Equal(["heldOn", "lines[1]"], Paths(() => _ = new PlanReview(Fy("FY2026-Q2"), D(3, 31), true, [new ReviewLine("b", Fy("FY2026-Q2"), 1m, 1m), new ReviewLine("b", Fy("FY2026-Q2"), 2m, 2m)])));
        Assert.Equal(["shareOfSpend", "competitors[1]"], Paths(() => _ = new AccountSituation(shareOfSpend: 1.5m, competitors: ["a", "a"])));
        Assert.Equal(["targets[1]"], Paths(() => _ = new PlanObjective("k", "d", [new ObjectiveTarget("b", Fy("FY2026")), new ObjectiveTarget("b", Fy("FY2026"), 2m)])));
        Assert.Equal(["reviewPeriod", "operatingPlanDueDay"], Paths(() => _ = new PlanCheckPolicy(PeriodKind.Year, operatingPlanDueDay: 29)));
    }

    [Fact]
    public void Nothing_passed_to_a_plan_is_kept_by_reference()
    {
        var actions = new List<PlanAction> { new("x", D(5, 1), "grow", P("zhang")) };
        var plan = new KeyAccountPlan(A("BETA"), FiscalCalendar.Calendar, 2026, Currency.CNY, Objectives(), actions: actions);
        actions.Clear();
        Assert.Single(plan.Actions);
    }
}
