using System.Collections.Immutable;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models;

/// <summary>
/// The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while
/// active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop out with
/// probability p ~ Beta(a, b).
/// </summary>
/// <remarks>
/// Immutable and thread-safe; equality is by reference. Parameters must be positive and finite. Predictions follow
/// the paper's equations (P(alive) eq. 11, E[X(t)] eq. 9, E[Y(t) | x, tₓ, T] eq. 10), evaluated in log space.
/// </remarks>
public sealed class BgNbdModel : ITransactionModel
{
    /// <summary>The parameter names, in order.</summary>
    internal static IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "a", "b"];

    /// <summary>Creates the model.</summary>
    /// <param name="r">Shape of the purchase-rate gamma distribution.</param>
    /// <param name="alpha">Scale (rate) of the purchase-rate gamma distribution, in the time unit of the data.</param>
    /// <param name="a">First shape of the dropout-probability beta distribution.</param>
    /// <param name="b">Second shape of the dropout-probability beta distribution.</param>
    /// <exception cref="KamValidationException">A parameter is not positive and finite.</exception>
    public BgNbdModel(double r, double alpha, double a, double b)
    {
        var errors = new ValidationCollector();
        PredictionRules.CheckParameter(errors, "r", r);
        PredictionRules.CheckParameter(errors, "alpha", alpha);
        PredictionRules.CheckParameter(errors, "a", a);
        PredictionRules.CheckParameter(errors, "b", b);
        errors.ThrowIfAny();
        (R, Alpha, A, B) = (r, alpha, a, b);
    }

    /// <summary>Gets r, the shape of the purchase-rate distribution.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the purchase-rate distribution.</summary>
    public double Alpha { get; }

    /// <summary>Gets a, the first shape of the dropout distribution.</summary>
    public double A { get; }

    /// <summary>Gets b, the second shape of the dropout distribution.</summary>
    public double B { get; }

    /// <summary>
    /// The log-likelihood of the customers in <paramref name="data"/> and its gradient in (r, α, a, b): what a worker
    /// computes on its partition of a distributed data set (see <see cref="LikelihoodContribution"/>).
    /// </summary>
    /// <param name="data">The customers (one partition, or all).</param>
    /// <returns>The contribution.</returns>
    public LikelihoodContribution LogLikelihood(FrequencyRecencyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return LikelihoodContribution.Evaluate(new BgNbdLikelihood(data), [R, Alpha, A, B]);
    }

    /// <inheritdoc/>
    public double ProbabilityAlive(CustomerHistory customer)
    {
        if (customer.Frequency == 0)
        {
            return 1.0;
        }

        var x = customer.Frequency;
        var logOdds = Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * (Math.Log(Alpha + customer.Age) - Math.Log(Alpha + customer.Recency)));
        return Logistic(-logOdds);
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

        if (Math.Abs(A - 1) < 1e-7)
        {
            // The closed form is 0/0 at a = 1; it is smooth there, so the mean of the two sides is exact to ~1e-13.
            return 0.5 * (Expected(customer, duration, 1 - 1e-6) + Expected(customer, duration, 1 + 1e-6));
        }

        return Expected(customer, duration, A);
    }

    /// <summary>
    /// The survival curve of a new customer: the probability of still being active a time t after the first purchase.
    /// A customer with (λ, p) makes repeat purchases at rate λ and drops out at each with probability p, so the
    /// dropout time is exponential with rate λp and P(active at t | λ, p) = e^(−λpt); mixed over λ ~ Gamma(r, α) and
    /// p ~ Beta(a, b) this is ₂F₁(r, a; a+b; −t/α) = (α/(α+t))ʳ · ₂F₁(r, b; a+b; t/(α+t)) (Pfaff's transformation,
    /// whose series has positive terms).
    /// </summary>
    /// <param name="duration">t ≥ 0.</param>
    /// <returns>A probability in (0, 1], falling with t; S(0) = 1.</returns>
    /// <exception cref="KamValidationException">The duration is negative or not finite, or the series does not converge (an extremely long duration).</exception>
    public double Survival(double duration)
    {
        PredictionRules.CheckDuration(duration);
        if (duration == 0)
        {
            return 1.0;
        }

        var z = duration / (Alpha + duration);
        var log = (R * Math.Log(Alpha / (Alpha + duration))) + Hypergeometric.Log2F1(R, B, A + B, z);
        return Math.Clamp(Math.Exp(PredictionRules.Finite(log, "duration", duration)), 0, 1);
    }

    /// <summary>Gets the parameters as a vector in <see cref="ParameterNames"/> order.</summary>
    /// <returns>The parameters.</returns>
    public ImmutableArray<double> ToArray() => [R, Alpha, A, B];

    internal static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private double Expected(CustomerHistory c, double t, double a)
    {
        // Paper eq. 10 with Euler's transformation ₂F₁(A, B; C; z) = (1−z)^{C−A−B} ₂F₁(C−A, C−B; C; z): the factor
        // ((α+T)/(α+T+t))^{r+x} = (1−z)^{r+x} cancels, leaving 1 − (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose
        // series has small parameters for any x (the direct form's terms grow like (xz)ʲ/j! and overflow for heavy buyers).
        double x = c.Frequency, big = Alpha + c.Age;
        var z = t / (big + t);
        var f = HypergeometricValue.Value(a + B - 1 - R, a - 1, a + B + x - 1, z);
        var bracket = 1 - (Math.Exp((a - 1) * Math.Log(big / (big + t))) * f);
        var value = (a + B + x - 1) / (a - 1) * bracket * ProbabilityAlive(c);
        return Math.Max(0, PredictionRules.Finite(value, "duration", t));
    }
}
