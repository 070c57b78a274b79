using System.Collections.Immutable;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.ShiftedBetaGeometric;

/// <summary>
/// The shifted-beta-geometric (sBG) model of contractual renewals (Fader &amp; Hardie 2007): each customer renews
/// every period with their own probability 1 − θ until they cancel, and θ ~ Beta(γ, δ) across customers. The usual
/// model for key accounts on annual or monthly contracts.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; equality is by reference. Periods are the renewal periods (t = 1 is the first renewal
/// decision). The aggregate retention rate rₜ = (δ + t − 1)/(γ + δ + t − 1) rises with t, because the customers
/// most likely to cancel leave first. Lifetime values follow Fader &amp; Hardie (2010), "Customer-base valuation in
/// a contractual setting": payments at the start of each period, discount rate d &gt; 0 per period.
/// </remarks>
public sealed class ShiftedBetaGeometricModel
{
    /// <summary>The parameter names, in order.</summary>
    internal static IReadOnlyList<string> ParameterNames { get; } = ["gamma", "delta"];

    /// <summary>Creates the model.</summary>
    /// <param name="gamma">γ, the first shape of the churn-probability distribution.</param>
    /// <param name="delta">δ, the second shape of the churn-probability distribution.</param>
    /// <exception cref="KamValidationException">A parameter is not positive and finite.</exception>
    public ShiftedBetaGeometricModel(double gamma, double delta)
    {
        var errors = new ValidationCollector();
        PredictionRules.CheckParameter(errors, "gamma", gamma);
        PredictionRules.CheckParameter(errors, "delta", delta);
        errors.ThrowIfAny();
        (Gamma, Delta) = (gamma, delta);
    }

    /// <summary>Gets γ.</summary>
    public double Gamma { get; }

    /// <summary>Gets δ.</summary>
    public double Delta { get; }

    /// <summary>Gets the mean churn probability of a new customer, γ/(γ + δ).</summary>
    public double MeanChurnProbability => Gamma / (Gamma + Delta);

    /// <summary>The log-likelihood of a cohort and its gradient in (γ, δ).</summary>
    /// <param name="cohort">The cohort.</param>
    /// <returns>The contribution (cohorts combine by addition).</returns>
    public LikelihoodContribution LogLikelihood(RenewalCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return LikelihoodContribution.Evaluate(new ShiftedBetaGeometricLikelihood(cohort), [Gamma, Delta]);
    }

    /// <summary>The probability that a new customer is still active after <paramref name="periods"/> renewal opportunities, S(t).</summary>
    /// <param name="periods">t ≥ 0.</param>
    /// <returns>S(t) in [0, 1]; S(0) = 1.</returns>
    /// <exception cref="KamValidationException"><paramref name="periods"/> is negative.</exception>
    public double Survival(int periods)
    {
        CheckPeriods(periods, 0);
        return Math.Exp(SpecialFunctions.LogBeta(Gamma, Delta + periods) - SpecialFunctions.LogBeta(Gamma, Delta));
    }

    /// <summary>The probability that a new customer cancels at exactly renewal opportunity t, P(T = t).</summary>
    /// <param name="period">t ≥ 1.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="KamValidationException"><paramref name="period"/> is less than 1.</exception>
    public double ChurnProbability(int period)
    {
        CheckPeriods(period, 1);
        return Math.Exp(SpecialFunctions.LogBeta(Gamma + 1, Delta + period - 1) - SpecialFunctions.LogBeta(Gamma, Delta));
    }

    /// <summary>The retention rate at renewal opportunity t: the share of those active before t who renew, rₜ = S(t)/S(t−1).</summary>
    /// <param name="period">t ≥ 1.</param>
    /// <returns>rₜ = (δ + t − 1)/(γ + δ + t − 1).</returns>
    /// <exception cref="KamValidationException"><paramref name="period"/> is less than 1.</exception>
    public double RetentionRate(int period)
    {
        CheckPeriods(period, 1);
        return (Delta + period - 1) / (Gamma + Delta + period - 1);
    }

    /// <summary>
    /// The discounted expected residual lifetime DERL(d | γ, δ, n) of a customer at the end of period n (who has
    /// made n − 1 renewals), just before the next renewal decision: Σ_{t≥n} S(t)/S(n−1) · (1+d)^−(t−n)
    /// (Fader &amp; Hardie 2010, eq. 6). Multiply by the margin per period for the expected residual lifetime value.
    /// </summary>
    /// <param name="periodsCompleted">n ≥ 1.</param>
    /// <param name="discountRate">d &gt; 0 per period.</param>
    /// <returns>The expected number of discounted future payments.</returns>
    /// <exception cref="KamValidationException">n &lt; 1 or d not positive and finite.</exception>
    public double DiscountedExpectedResidualLifetime(int periodsCompleted, double discountRate)
    {
        CheckPeriods(periodsCompleted, 1, "periodsCompleted");
        CheckDiscount(discountRate);
        return DiscountedSurvivalSum(periodsCompleted, discountRate);
    }

    /// <summary>
    /// The expected discounted lifetime of a new customer, counting the first payment: Σ_{t≥0} S(t)·(1+d)^−t
    /// (= ₂F₁(1, δ; γ+δ; 1/(1+d))). Multiply by the margin per period for the expected lifetime value of a customer
    /// about to be acquired.
    /// </summary>
    /// <param name="discountRate">d &gt; 0 per period.</param>
    /// <returns>The expected number of discounted payments.</returns>
    /// <exception cref="KamValidationException">d is not positive and finite.</exception>
    public double DiscountedExpectedLifetime(double discountRate)
    {
        CheckDiscount(discountRate);
        return 1 + (DiscountedSurvivalSum(1, discountRate) / (1 + discountRate));
    }

    /// <summary>Gets the parameters as a vector in <see cref="ParameterNames"/> order.</summary>
    /// <returns>The parameters.</returns>
    public ImmutableArray<double> ToArray() => [Gamma, Delta];

    /// <summary>Σ_{k≥0} S(n+k)/S(n−1) · (1+d)^−k by the ratio S(t)/S(t−1) = (δ+t−1)/(γ+δ+t−1).</summary>
    private double DiscountedSurvivalSum(int n, double d)
    {
        var factor = 1 / (1 + d);
        var term = RetentionRate(n);
        var sum = term;
        for (var t = n + 1; t < n + 10_000_000; t++)
        {
            term *= (Delta + t - 1) / (Gamma + Delta + t - 1) * factor;
            sum += term;
            if (term <= 1e-16 * sum)
            {
                break;
            }
        }

        return sum;
    }

    private static void CheckPeriods(int value, int min, string path = "period")
    {
        var errors = new ValidationCollector();
        errors.InRange(path, value, min, int.MaxValue);
        errors.ThrowIfAny();
    }

    private static void CheckDiscount(double discountRate)
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange("discountRate", discountRate, double.Epsilon, double.MaxValue);
        errors.ThrowIfAny();
    }
}
