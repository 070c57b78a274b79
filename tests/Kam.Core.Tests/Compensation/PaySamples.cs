using Kam.Core.Compensation;
using NodaTime;

namespace Kam.Core.Tests.Compensation;

/// <summary>Small hand-checkable plans, deals and collections shared by the compensation tests.</summary>
internal static class PaySamples
{
    public static readonly Currency Cny = Currency.CNY;
    public static readonly PersonId S1 = PersonId.Parse("S1");
    public static readonly PersonId S2 = PersonId.Parse("S2");
    public static readonly PayCalculator Calculator = new(FiscalCalendar.Calendar);

    public static Money Yuan(decimal amount) => new(amount, Cny);

    public static Percentage Pct(decimal percent) => Percentage.FromPercent(percent);

    /// <summary>
    /// Base 5,000; performance pay 1,000 × monthly grade; commission on collected cash, marginal 2% to 600,000 a year
    /// and 4% above, 80% paid monthly and the rest at year end; year-end bonus 10,000 × annual grade; phone 200.
    /// </summary>
    public static PayPlan CashPlan() => new(
        "Key-account manager",
        Cny,
        MidpointRounding.AwayFromZero,
        new LocalDate(2026, 1, 1),
        null,
        [
            new FixedPayComponent(PayComponentKind.BaseSalary, "Base salary", Yuan(5_000m)),
            new ScaledPayComponent(PayComponentKind.PerformancePay, "Performance pay", Yuan(1_000m), GradeFactors.Default),
            new CommissionComponent(
                "Commission",
                CommissionBasis.CollectedCash,
                CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 600_000m, Pct(2m)), new(600_000m, null, Pct(4m))]),
                Pct(80m),
                yearEndTrueUp: true,
                clawbackWindowMonths: 6),
            new ScaledPayComponent(PayComponentKind.YearEndBonus, "Year-end bonus", Yuan(10_000m), GradeFactors.Default),
            new FixedPayComponent(PayComponentKind.Allowance, "Phone allowance", Yuan(200m)),
        ]);

    /// <summary>Flat 5% on booked sales, paid in full monthly, clawback window 6 months, optional draw.</summary>
    public static PayPlan BookedPlan(DrawPolicy? draw = null) => new(
        "Flat booked",
        Cny,
        MidpointRounding.AwayFromZero,
        new LocalDate(2026, 1, 1),
        null,
        [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(100m), yearEndTrueUp: true, clawbackWindowMonths: 6, draw)]);

    public static Deal Deal(string id, LocalDate booked, decimal amount, params (PersonId Person, decimal Percent)[] splits) =>
        new(OpportunityId.Parse(id), booked, Yuan(amount), Yuan(amount * 0.3m), splits.Select(s => new CreditSplit(s.Person, Pct(s.Percent))).ToArray());

    public static Payee Payee(PersonId person, string annualGrade = "B") =>
        new(person, Yuan(1_200_000m), Enumerable.Repeat("B", 11).Prepend("A").ToArray(), annualGrade, Ratio.One);

    /// <summary>A copy of a deal canceled on a day (deals are classes without <c>with</c>).</summary>
    public static Deal Cancelled(this Deal d, LocalDate? on) => new(d.Id, d.BookedOn, d.Amount, d.GrossProfit, d.Splits, on);

    /// <summary>A copy of a deal with another amount.</summary>
    public static Deal WithAmount(this Deal d, Money amount) => new(d.Id, d.BookedOn, amount, d.GrossProfit, d.Splits, d.CancelledOn);

    /// <summary>A copy of a deal with another gross profit.</summary>
    public static Deal WithGrossProfit(this Deal d, Money grossProfit) => new(d.Id, d.BookedOn, d.Amount, grossProfit, d.Splits, d.CancelledOn);

    /// <summary>A copy of a deal with other splits (null allowed, to test the refusal).</summary>
    public static Deal WithSplits(this Deal d, IReadOnlyList<CreditSplit> splits) => new(d.Id, d.BookedOn, d.Amount, d.GrossProfit, splits, d.CancelledOn);

    /// <summary>A copy of a payee with another team attainment.</summary>
    public static Payee WithTeamAttainment(this Payee p, Ratio? attainment) => new(p.Person, p.AnnualQuota, p.MonthlyGrades, p.AnnualGrade, attainment);

    /// <summary>A copy of a payee with another quota.</summary>
    public static Payee WithQuota(this Payee p, Money quota) => new(p.Person, quota, p.MonthlyGrades, p.AnnualGrade, p.TeamAttainment);

    /// <summary>A copy of a payee with other monthly grades.</summary>
    public static Payee WithMonthlyGrades(this Payee p, IReadOnlyList<string>? grades) => new(p.Person, p.AnnualQuota, grades, p.AnnualGrade, p.TeamAttainment);

    /// <summary>A copy of a payee with other monthly and annual grades.</summary>
    public static Payee WithGrades(this Payee p, IReadOnlyList<string>? monthly, string? annual) => new(p.Person, p.AnnualQuota, monthly, annual, p.TeamAttainment);
}
