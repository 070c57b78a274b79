using System.Globalization;
using NodaTime;

namespace Kam.Core.Compensation;

/// <summary>The rule book's commission plans as ready-made <see cref="PayPlan"/>s (rule book: performance and pay, plans).</summary>
public static class PayPlanTemplates
{
    /// <summary>The highest rate of a 100%-commission plan the rule book mentions ("up to about 20%").</summary>
    public static Percentage FullCommissionCeiling { get; } = Percentage.FromPercent(20m);

    /// <summary>
    /// A 100%-commission plan: all income is commission on collected cash, usually 8%-10% and at most about 20%, with
    /// travel, entertainment and promotion expenses inside the commission — so the plan has no allowance or salary.
    /// </summary>
    /// <param name="currency">The currency.</param>
    /// <param name="rate">The rate on collected cash (at most <see cref="FullCommissionCeiling"/>).</param>
    /// <param name="effectiveFrom">The first day the plan applies.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KamValidationException">The rate exceeds the ceiling.</exception>
    public static PayPlan FullCommission(Currency currency, Percentage rate, LocalDate effectiveFrom)
    {
        if (rate > FullCommissionCeiling)
        {
            throw new KamValidationException("$.components[0].schedule.bands[0].rate", KamErrorCodes.OutOfRange, rate.ToString(null, CultureInfo.InvariantCulture), "A 100%-commission plan pays at most about 20% of collected cash.");
        }

        var commission = new CommissionComponent("Commission (expenses included)", CommissionBasis.CollectedCash, CommissionSchedule.Flat(rate), Percentage.FromPercent(100m), yearEndTrueUp: false, clawbackWindowMonths: 0);
        return new PayPlan("100% commission", currency, MidpointRounding.AwayFromZero, effectiveFrom, null, [commission]);
    }

    /// <summary>
    /// A base + commission plan whose variable pay is a stated share of target total pay (the rule book: 60%-80%):
    /// monthly base = annual target pay × (1 − variable share) ÷ 12.
    /// </summary>
    /// <param name="currency">The currency.</param>
    /// <param name="annualTargetPay">Target total pay for a year at 100% attainment.</param>
    /// <param name="variableShare">The share of target pay that is variable.</param>
    /// <param name="basis">The commission basis.</param>
    /// <param name="schedule">The commission schedule.</param>
    /// <param name="effectiveFrom">The first day the plan applies.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KamValidationException">The target pay is negative or not in <paramref name="currency"/>.</exception>
    public static PayPlan BasePlusCommission(Currency currency, Money annualTargetPay, Percentage variableShare, CommissionBasis basis, CommissionSchedule schedule, LocalDate effectiveFrom)
    {
        var monthlyBase = new Money(annualTargetPay.Amount * variableShare.Complement.Fraction / 12m, annualTargetPay.Currency).Round(MidpointRounding.AwayFromZero);
        var components = new PayComponent[]
        {
            new FixedPayComponent(PayComponentKind.BaseSalary, "Base salary", monthlyBase),
            new CommissionComponent("Commission", basis, schedule, Percentage.FromPercent(100m), yearEndTrueUp: true, clawbackWindowMonths: 6),
        };
        return new PayPlan($"Base + commission ({variableShare} variable)", currency, MidpointRounding.AwayFromZero, effectiveFrom, null, components);
    }
}
