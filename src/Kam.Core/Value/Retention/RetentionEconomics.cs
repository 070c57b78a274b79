using System.Globalization;

namespace Kam.Core.Value.Retention;

/// <summary>The standard <see cref="IRetentionEconomics"/>, in decimal arithmetic.</summary>
/// <remarks>
/// Formulas: expected lifetime 1 / (1 − r); simple lifetime value m·r / (1 + d − r); discounted cash flow
/// Σ m_t·r^t / (1 + d)^t; steady-state base A / (1 − r) with profit A·m / (1 − r(1 + g)) − A·c. Nothing is rounded.
/// Immutable and thread-safe.
/// </remarks>
public sealed class RetentionEconomics : IRetentionEconomics
{
    /// <summary>Creates the calculator.</summary>
    /// <param name="policy">The policy; null uses <see cref="RetentionPolicy.Default"/>.</param>
    public RetentionEconomics(RetentionPolicy? policy = null) => Policy = policy ?? RetentionPolicy.Default;

    /// <inheritdoc />
    public RetentionPolicy Policy { get; }

    /// <inheritdoc />
    public decimal ExpectedLifetime(Percentage retention)
    {
        RequireBelowOne(nameof(retention), retention);
        return 1m / (1m - retention.Fraction);
    }

    /// <inheritdoc />
    public Money SimpleLifetimeValue(Money marginPerPeriod, Percentage retention, Percentage discountRate)
    {
        var denominator = 1m + discountRate.Fraction - retention.Fraction;
        if (denominator <= 0m)
        {
            throw new KamValidationException(nameof(retention), KamErrorCodes.OutOfRange, retention.ToString(null, CultureInfo.InvariantCulture), "With a 100% retention rate and no discounting the lifetime value is infinite.");
        }

        return Overflow.Guard("simple lifetime value", () => marginPerPeriod * (retention.Fraction / denominator));
    }

    /// <inheritdoc />
    public CashFlowLifetimeValue DiscountedCashFlow(CashFlowAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var errors = new ValidationCollector();
        if (errors.Required("assumptions.margins", assumptions.Margins) && assumptions.Margins.Count == 0)
        {
            errors.Add("assumptions.margins", KamErrorCodes.Empty, null, "At least one period's margin is needed.");
        }

        errors.ThrowIfAny();
        var currency = assumptions.Margins[0].Currency;
        for (var i = 1; i < assumptions.Margins.Count; i++)
        {
            if (assumptions.Margins[i].Currency != currency)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"assumptions.margins[{i}]"), KamErrorCodes.CurrencyMismatch, assumptions.Margins[i], "Every margin must be in the currency of the first.");
            }
        }

        errors.ThrowIfAny();
        var periods = new CashFlowPeriod[assumptions.Margins.Count];
        var survival = 1m;
        var discount = 1m;
        var cumulative = Money.Zero(currency);
        for (var t = 1; t <= periods.Length; t++)
        {
            survival *= assumptions.Retention.Fraction;
            discount /= 1m + assumptions.DiscountRate.Fraction;
            var margin = assumptions.Margins[t - 1];
            var present = margin * (survival * discount);
            cumulative += present;
            periods[t - 1] = new CashFlowPeriod(t, margin, survival, discount, present, cumulative);
        }

        return new CashFlowLifetimeValue(periods, cumulative);
    }

    /// <inheritdoc />
    public RetentionChange CompareRetention(Money marginPerPeriod, Percentage current, Percentage changed, Percentage discountRate)
    {
        var errors = new ValidationCollector();
        CheckBelowOne(errors, nameof(current), current);
        CheckBelowOne(errors, nameof(changed), changed);
        errors.ThrowIfAny();
        return new RetentionChange(Scenario(marginPerPeriod, current, discountRate), Scenario(marginPerPeriod, changed, discountRate));
    }

    /// <inheritdoc />
    public RetentionChange HalveLossRate(Money marginPerPeriod, Percentage current, Percentage discountRate)
    {
        RequireBelowOne(nameof(current), current);
        return CompareRetention(marginPerPeriod, current, Percentage.FromFraction(1m - (current.Complement.Fraction / 2m)), discountRate);
    }

    /// <inheritdoc />
    public RetentionProfitEffect ProfitEffect(SteadyStateAssumptions assumptions, Percentage? improvement = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var delta = improvement ?? Policy.RetentionImprovement;
        var improved = assumptions.Retention.Fraction + delta.Fraction;
        var errors = new ValidationCollector();
        if (assumptions.NewCustomersPerPeriod <= 0m)
        {
            errors.Add("assumptions.newCustomersPerPeriod", KamErrorCodes.OutOfRange, assumptions.NewCustomersPerPeriod, "The flow of new customers must be positive.");
        }

        if (assumptions.AcquisitionCostPerCustomer is { } cost)
        {
            if (cost.Currency != assumptions.MarginPerCustomer.Currency)
            {
                errors.Add("assumptions.acquisitionCostPerCustomer", KamErrorCodes.CurrencyMismatch, cost, "The acquisition cost must be in the currency of the margin.");
            }
            else
            {
                errors.NotNegative("assumptions.acquisitionCostPerCustomer", cost.Amount);
            }
        }

        if (assumptions.TenureMarginGrowth <= -1m)
        {
            errors.Add("assumptions.tenureMarginGrowth", KamErrorCodes.OutOfRange, assumptions.TenureMarginGrowth, "Growth must be greater than -100%.");
        }
        else if (improved * (1m + assumptions.TenureMarginGrowth) >= 1m)
        {
            errors.Add("improvement", KamErrorCodes.OutOfRange, delta, "The improved retention rate, grown by the tenure margin growth, must stay below 100%: the base would be infinite.");
        }

        errors.ThrowIfAny();
        return Overflow.Guard("steady-state profit", () => new RetentionProfitEffect(SteadyState(assumptions, assumptions.Retention.Fraction), SteadyState(assumptions, improved)));
    }

    /// <inheritdoc />
    public Percentage ImpliedBaseRetention(decimal profitIncrease, Percentage? improvement = null)
    {
        var delta = (improvement ?? Policy.RetentionImprovement).Fraction;
        var loss = profitIncrease > 0m ? Overflow.Guard(nameof(profitIncrease), () => (1m + profitIncrease) * delta / profitIncrease) : -1m;
        if (loss <= delta || loss > 1m)
        {
            throw new KamValidationException(nameof(profitIncrease), KamErrorCodes.OutOfRange, profitIncrease.ToString(CultureInfo.InvariantCulture), "No base retention rate between 0 and 100% gives this profit increase for this improvement.");
        }

        return Percentage.FromFraction(1m - loss);
    }

    /// <inheritdoc />
    public AcquisitionVersusRetention CompareAcquisitionAndRetention(Money retentionCostPerCustomer, decimal customers, Percentage retention)
    {
        var errors = new ValidationCollector();
        errors.NotNegative(nameof(retentionCostPerCustomer), retentionCostPerCustomer.Amount);
        errors.NotNegative(nameof(customers), customers);
        errors.ThrowIfAny();
        var ratio = Policy.AcquisitionToRetentionCostRatio;
        return Overflow.Guard("acquisition versus retention cost", () =>
        {
            var acquisition = retentionCostPerCustomer * ratio;
            var lost = customers * retention.Complement.Fraction;
            return new AcquisitionVersusRetention(retentionCostPerCustomer, acquisition, lost, acquisition * lost, retentionCostPerCustomer * customers, 1m / ratio);
        });
    }

    /// <inheritdoc />
    public RelationshipReplacement ReplacementCost(RelationshipReplacementAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var errors = new ValidationCollector();
        var currency = assumptions.MarginPerPeriod.Currency;
        errors.InRange("assumptions.rampUpPeriods", assumptions.RampUpPeriods, 0, 1_000);
        if (errors.Required("assumptions.acquisitionCosts", assumptions.AcquisitionCosts))
        {
            for (var i = 0; i < assumptions.AcquisitionCosts.Count; i++)
            {
                if (!errors.Required(string.Create(CultureInfo.InvariantCulture, $"assumptions.acquisitionCosts[{i}]"), assumptions.AcquisitionCosts[i]))
                {
                    continue;
                }

                var path = string.Create(CultureInfo.InvariantCulture, $"assumptions.acquisitionCosts[{i}].amount");
                var amount = assumptions.AcquisitionCosts[i].Amount;
                if (amount.Currency != currency)
                {
                    errors.Add(path, KamErrorCodes.CurrencyMismatch, amount, "Every cost must be in the currency of the margin.");
                }
                else
                {
                    errors.NotNegative(path, amount.Amount);
                }
            }
        }

        errors.ThrowIfAny();
        var asset = SimpleLifetimeValue(assumptions.MarginPerPeriod, assumptions.Retention, assumptions.DiscountRate);
        var (visible, hidden) = Economics.AcquisitionCostTotals.Split(assumptions.AcquisitionCosts, currency);
        var shortfall = Money.Zero(currency);
        var k = assumptions.RampUpPeriods;
        var discount = 1m;
        for (var t = 1; t <= k; t++)
        {
            discount /= 1m + assumptions.DiscountRate.Fraction;
            shortfall += assumptions.MarginPerPeriod * ((1m - ((decimal)t / (k + 1))) * discount);
        }

        return new RelationshipReplacement(asset, visible, hidden, shortfall);
    }

    private RetentionScenario Scenario(Money margin, Percentage retention, Percentage discountRate)
    {
        var lifetime = ExpectedLifetime(retention);
        return new RetentionScenario(retention, retention.Complement, lifetime, margin * lifetime, SimpleLifetimeValue(margin, retention, discountRate));
    }

    private static SteadyStateProfit SteadyState(SteadyStateAssumptions a, decimal retention)
    {
        var customers = a.NewCustomersPerPeriod / (1m - retention);
        var margin = a.MarginPerCustomer * (a.NewCustomersPerPeriod / (1m - (retention * (1m + a.TenureMarginGrowth))));
        var acquisition = a.AcquisitionCostPerCustomer is { } cost ? cost * a.NewCustomersPerPeriod : Money.Zero(margin.Currency);
        return new SteadyStateProfit(Percentage.FromFraction(retention), customers, margin - acquisition);
    }

    private static void RequireBelowOne(string path, Percentage retention)
    {
        var errors = new ValidationCollector();
        CheckBelowOne(errors, path, retention);
        errors.ThrowIfAny();
    }

    private static void CheckBelowOne(ValidationCollector errors, string path, Percentage retention)
    {
        if (retention.Fraction >= 1m)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, retention, "A retention rate of 100% means an infinite lifetime; it must be below 100%.");
        }
    }
}
