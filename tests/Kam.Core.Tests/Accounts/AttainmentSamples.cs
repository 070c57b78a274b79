using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>The worked example of docs/accounts.md: ACME Shanghai's 2026 plan, its opportunities and actuals, as of 14 February 2026.</summary>
internal static class AttainmentSamples
{
    public static readonly LocalDate AsOf = new(2026, 2, 14);

    public static Money Cny(decimal amount) => Money.Of(amount, "CNY");

    public static FiscalPeriod Fy(string name) => FiscalCalendar.Calendar.Parse(name);

    public static TargetPlan Plan() => new(FiscalCalendar.Calendar, 2026,
        [TargetMeasure.Bookings(Currency.CNY), TargetMeasure.GrossProfit(Currency.CNY), TargetMeasure.Satisfaction],
        [
            new Target(TargetSubject.ForAccount(A("ACME-SH")), "bookings", Fy("FY2026"), Cny(1_000_000m)),
            new Target(TargetSubject.ForAccount(A("ACME-SH")), "bookings", Fy("FY2026-Q1"), Cny(250_000m)),
            new Target(TargetSubject.ForAccount(A("HQ-ACME")), "bookings", Fy("FY2026"), Cny(400_000m)),
            new Target(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026"), Cny(2_000_000m)),
            new Target(TargetSubject.ForAccount(A("ACME-SH")), "grossProfit", Fy("FY2026"), Cny(250_000m)),
            new Target(TargetSubject.ForAccount(A("ACME-SH")), "satisfaction", Fy("FY2026"), 9m),
        ]);

    public static AttainmentOpportunity[] Opportunities() =>
    [
        new(A("ACME-SH"), Cny(120_000m), new LocalDate(2026, 1, 31), SalesStage.ContractSigned, OpportunityStatus.Won, new LocalDate(2026, 1, 20)),
        new(A("ACME-SH"), Cny(60_000m), new LocalDate(2026, 2, 28), SalesStage.ContractSigned, OpportunityStatus.Won, new LocalDate(2026, 2, 10)),
        new(A("ACME-SH"), Cny(200_000m), new LocalDate(2026, 3, 15), SalesStage.FormalSolutionDesign),
        new(A("ACME-SH"), Cny(150_000m), new LocalDate(2026, 5, 20), SalesStage.SolutionDemonstration),
        new(A("ACME-SH"), Cny(40_000m), new LocalDate(2026, 2, 1), SalesStage.CommercialNegotiation),
        new(A("ACME-SH"), Cny(80_000m), new LocalDate(2026, 1, 31), SalesStage.ProjectEvaluation, OpportunityStatus.Lost, new LocalDate(2026, 1, 30)),
        new(A("ACME-SH"), Cny(50_000m), new LocalDate(2025, 12, 15), SalesStage.ContractSigned, OpportunityStatus.Won, new LocalDate(2025, 12, 15)),
        new(A("HQ-ACME"), Cny(100_000m), new LocalDate(2026, 1, 31), SalesStage.ContractSigned, OpportunityStatus.Won, new LocalDate(2026, 1, 5)),
        new(A("ACME-HZ"), Cny(20_000m), new LocalDate(2026, 2, 1), SalesStage.ContractSigned, OpportunityStatus.Won, new LocalDate(2026, 2, 1)),
    ];

    public static AttainmentActual[] Actuals() =>
    [
        new(A("ACME-SH"), "grossProfit", new LocalDate(2026, 1, 31), Cny(30_000m)),
        new(A("ACME-SH"), "grossProfit", new LocalDate(2026, 2, 14), Cny(12_000m)),
        new(A("ACME-SH"), "satisfaction", new LocalDate(2026, 1, 15), 8m),
        new(A("ACME-SH"), "satisfaction", new LocalDate(2026, 2, 5), 9m),
    ];

    public static AttainmentReport Report(AttainmentPolicy? policy = null) =>
        new AttainmentEngine(policy).Evaluate(Plan(), Hierarchy(), AsOf, Opportunities(), Actuals());
}
