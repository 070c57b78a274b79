using Kam.Core.Accounts;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Targets;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>
/// Key-account plans of the sample accounts (HQ-ACME → ACME-SH → ACME-HZ, and BETA) that pass every plan check as of
/// 2026-04-20; each test changes one part to make one fault.
/// </summary>
internal static class PlanSamples
{
    public static readonly LocalDate AsOf = new(2026, 4, 20);

    public static FiscalPeriod Fy(string name) => FiscalCalendar.Calendar.Parse(name);

    public static LocalDate D(int month, int day) => new(2026, month, day);

    public static TargetPlan Targets(Currency? currency = null) => new(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(currency ?? Currency.CNY), TargetMeasure.ShareOfWallet],
    [
        .. new[] { ("HQ-ACME", 400_000m, 90_000m), ("ACME-SH", 350_000m, 80_000m), ("ACME-HZ", 100_000m, 20_000m), ("BETA", 200_000m, 50_000m) }
            .SelectMany(t => new[]
            {
                new Target(TargetSubject.ForAccount(A(t.Item1)), "bookings", Fy("FY2026"), new Money(t.Item2, currency ?? Currency.CNY)),
                new Target(TargetSubject.ForAccount(A(t.Item1)), "bookings", Fy("FY2026-Q1"), new Money(t.Item3, currency ?? Currency.CNY)),
            }),
    ]);

    public static PlanObjective[] Objectives() => [new("grow", "Grow bookings", [new ObjectiveTarget("bookings", Fy("FY2026")), new ObjectiveTarget("bookings", Fy("FY2026-Q1"))])];

    public static PlanReview[] Reviews(bool customer = true) =>
        [new(Fy("FY2026-Q1"), D(4, 8), customer, [new ReviewLine("bookings", Fy("FY2026-Q1"), 90_000m, 82_000m, "Two orders slipped to April", ["Bring the April orders forward"])], P("wang"))];

    public static OperatingPlanEntry[] Operating(int months = 4, int day = 3) =>
        [.. Enumerable.Range(1, months).Select(m => new OperatingPlanEntry(Fy($"FY2026-M{m:00}"), D(m, day), [$"Priorities of month {m}"]))];

    public static KeyAccountPlan Plan(
        string account,
        IReadOnlyList<PlanObjective>? objectives = null,
        IReadOnlyList<PlanAction>? actions = null,
        IReadOnlyList<string>? differentiation = null,
        IReadOnlyList<ProjectPlan>? projects = null,
        IReadOnlyList<OperatingPlanEntry>? operating = null,
        IReadOnlyList<PlanReview>? reviews = null,
        bool coPlanned = true) =>
        new(A(account), FiscalCalendar.Calendar, 2026, Currency.CNY,
            objectives ?? Objectives(),
            new AccountSituation(Money.Of(50_000_000m, "CNY"), new Dictionary<string, decimal> { ["grossMargin"] = 0.32m }, 0.18m, competitors: ["Globex"], buyingProcess: "Central tender once a year"),
            new WhitespaceGrid(Currency.CNY, ["Sensors", "Service"], ["Plant 1", "Plant 2"],
            [
                new WhitespaceCell("Sensors", "Plant 1", WhitespaceState.Ours),
                new WhitespaceCell("Sensors", "Plant 2", WhitespaceState.WhiteSpace, estimatedValue: Money.Of(120_000m, "CNY")),
                new WhitespaceCell("Service", "Plant 1", WhitespaceState.Competitor, competitor: "Globex"),
                new WhitespaceCell("Service", "Plant 2", WhitespaceState.WhiteSpace, estimatedValue: Money.Of(30_000m, "CNY")),
            ]),
            actions ?? [new PlanAction("Present the service offer", D(5, 15), "grow", P("zhang")), new PlanAction("Site visit", D(3, 1), "grow", P("zhang"), PlanActionStatus.Done)],
            [new ResourceLine(Fy("FY2026-Q2"), "Solution design", P("zhao"), 12m, Money.Of(20_000m, "CNY"))],
            differentiation ?? [$"Dedicated engineer on call for {account}"],
            projects ?? [new ProjectPlan("Plant 2 sensor roll-out", D(5, 31), D(2, 1), "grow")],
            operating ?? Operating(),
            reviews ?? Reviews(),
            coPlanned ? new LocalDate(2025, 12, 10) : null);

    public static KeyAccountPlan[] Plans() => [Plan("HQ-ACME"), Plan("ACME-SH"), Plan("ACME-HZ"), Plan("BETA")];

    public static PlanCheckReport Check(IReadOnlyList<KeyAccountPlan> plans, PlanCheckPolicy? policy = null, LocalDate? asOf = null) =>
        new PlanChecker(policy ?? PlanCheckPolicy.Default).Check(plans, Hierarchy(), Targets(), asOf ?? AsOf);

    /// <summary>The plans with one account's plan replaced.</summary>
    public static KeyAccountPlan[] With(KeyAccountPlan plan) => [.. Plans().Select(p => p.Account == plan.Account ? plan : p)];
}
