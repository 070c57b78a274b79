using System.Collections.Immutable;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.ParetoNbd;

/// <summary>
/// The Pareto/NBD model of repeat buying (Schmittlein, Morrison &amp; Colombo 1987): while active, a customer buys as
/// a Poisson process with rate λ ~ Gamma(r, α) and stays active for an exponential lifetime with rate
/// μ ~ Gamma(s, β).
/// </summary>
/// <remarks>
/// Immutable and thread-safe; equality is by reference. Parameters must be positive and finite. P(alive) and the
/// conditional expectation follow Fader, Hardie &amp; Shang's 2005 note (eqs. 18 and 20), with the likelihood's
/// dropout term computed as in the fit: the hypergeometric series in the Pfaff form whose argument lies in [0, 1)
/// where it converges quickly, and quadrature of the equivalent integral where its argument is close to 1.
/// </remarks>
public sealed class ParetoNbdModel : ITransactionModel
{
    /// <summary>The parameter names, in order.</summary>
    internal static IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "s", "beta"];

    /// <summary>Creates the model.</summary>
    /// <param name="r">Shape of the purchase-rate gamma distribution.</param>
    /// <param name="alpha">Scale of the purchase-rate gamma distribution.</param>
    /// <param name="s">Shape of the dropout-rate gamma distribution.</param>
    /// <param name="beta">Scale of the dropout-rate gamma distribution.</param>
    /// <exception cref="KamValidationException">A parameter is not positive and finite.</exception>
    public ParetoNbdModel(double r, double alpha, double s, double beta)
    {
        var errors = new ValidationCollector();
        PredictionRules.CheckParameter(errors, "r", r);
        PredictionRules.CheckParameter(errors, "alpha", alpha);
        PredictionRules.CheckParameter(errors, "s", s);
        PredictionRules.CheckParameter(errors, "beta", beta);
        errors.ThrowIfAny();
        (R, Alpha, S, Beta) = (r, alpha, s, beta);
    }

    /// <summary>Gets r, the shape of the purchase-rate distribution.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the purchase-rate distribution.</summary>
    public double Alpha { get; }

    /// <summary>Gets s, the shape of the dropout-rate distribution.</summary>
    public double S { get; }

    /// <summary>Gets β, the scale of the dropout-rate distribution.</summary>
    public double Beta { get; }

    /// <summary>The log-likelihood of the customers in <paramref name="data"/> and its gradient in (r, α, s, β).</summary>
    /// <param name="data">The customers (one partition, or all).</param>
    /// <returns>The contribution.</returns>
    /// <exception cref="KamValidationException">The likelihood cannot be evaluated at these parameters.</exception>
    public LikelihoodContribution LogLikelihood(FrequencyRecencyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return LikelihoodContribution.Evaluate(new ParetoNbdLikelihood(data), [R, Alpha, S, Beta]);
    }

    /// <inheritdoc/>
    public double ProbabilityAlive(CustomerHistory customer)
    {
        double x = customer.Frequency, tx = customer.Recency, t = customer.Age;
        var logE1 = ParetoNbdLikelihood.LogSurvivorTerm(R, Alpha, S, Beta, x, t);
        var logV = ParetoNbdLikelihood.LogDropout(R, Alpha, S, Beta, x, tx, t);
        if (double.IsNegativeInfinity(logV))
        {
            // tₓ = T: the customer bought at the very end of the period, so is certainly alive.
            return 1.0;
        }

        var logOdds = PredictionRules.Finite(logV - logE1, "customer", x);
        return BgNbdModel.Logistic(-logOdds);
    }

    /// <inheritdoc/>
    public double ExpectedTransactions(double duration) => ConditionalExpectedTransactions(default, duration);

    /// <inheritdoc/>
    public double ConditionalExpectedTransactions(CustomerHistory customer, double duration)
    {
        PredictionRules.CheckDuration(duration);
        if (duration == 0)
        {
            return 0;
        }

        double x = customer.Frequency, t = customer.Age;
        var logQ = Math.Log((Beta + t) / (Beta + t + duration));

        // (1 − q^{s−1}) / (s − 1), continuous at s = 1 where it is −ln q.
        var sm1 = S - 1;
        var factor = Math.Abs(sm1) < 1e-10 ? -logQ : -SpecialFunctions.ExpM1(sm1 * logQ) / sm1;
        var value = (R + x) * (Beta + t) / (Alpha + t) * factor * ProbabilityAlive(customer);
        return Math.Max(0, PredictionRules.Finite(value, "duration", duration));
    }

    /// <summary>
    /// The survival curve of a new customer: the probability of still being active a time t after the first purchase,
    /// (β/(β+t))ˢ (the lifetime is exponential with rate μ ~ Gamma(s, β)).
    /// </summary>
    /// <param name="duration">t ≥ 0.</param>
    /// <returns>A probability in (0, 1].</returns>
    /// <exception cref="KamValidationException">The duration is negative or not finite.</exception>
    public double Survival(double duration)
    {
        PredictionRules.CheckDuration(duration);
        return Math.Exp(S * Math.Log(Beta / (Beta + duration)));
    }

    /// <summary>
    /// The probability that a customer with this history is still active a time t after the end of the calibration
    /// period: P(alive) · ((β+T)/(β+T+t))ˢ (given alive at T, μ ~ Gamma(s, β+T)).
    /// </summary>
    /// <param name="customer">The calibration history.</param>
    /// <param name="duration">t ≥ 0.</param>
    /// <returns>A probability in [0, 1], falling with t.</returns>
    /// <exception cref="KamValidationException">The duration is negative or not finite.</exception>
    public double ConditionalSurvival(CustomerHistory customer, double duration)
    {
        PredictionRules.CheckDuration(duration);
        return ProbabilityAlive(customer) * Math.Exp(S * Math.Log((Beta + customer.Age) / (Beta + customer.Age + duration)));
    }

    /// <summary>Gets the parameters as a vector in <see cref="ParameterNames"/> order.</summary>
    /// <returns>The parameters.</returns>
    public ImmutableArray<double> ToArray() => [R, Alpha, S, Beta];
}
