using System.Collections.Immutable;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using static Kam.Core.Value.Models.Numerics.SpecialFunctions;

namespace Kam.Core.Value.Models;

/// <summary>
/// The BG/BB model for discrete transaction opportunities (Fader, Hardie &amp; Berger 2010): while active, a customer
/// transacts at each opportunity with probability p ~ Beta(α, β); before each opportunity they drop out with
/// probability θ ~ Beta(γ, δ).
/// </summary>
/// <remarks>Immutable and thread-safe; equality is by reference. Parameters must be positive and finite.</remarks>
public sealed class BgBbModel
{
    /// <summary>The parameter names, in order.</summary>
    internal static IReadOnlyList<string> ParameterNames { get; } = ["alpha", "beta", "gamma", "delta"];

    /// <summary>Creates the model.</summary>
    /// <param name="alpha">α, first shape of the transaction-probability distribution.</param>
    /// <param name="beta">β, second shape of the transaction-probability distribution.</param>
    /// <param name="gamma">γ, first shape of the dropout-probability distribution.</param>
    /// <param name="delta">δ, second shape of the dropout-probability distribution.</param>
    /// <exception cref="KamValidationException">A parameter is not positive and finite.</exception>
    public BgBbModel(double alpha, double beta, double gamma, double delta)
    {
        var errors = new ValidationCollector();
        PredictionRules.CheckParameter(errors, "alpha", alpha);
        PredictionRules.CheckParameter(errors, "beta", beta);
        PredictionRules.CheckParameter(errors, "gamma", gamma);
        PredictionRules.CheckParameter(errors, "delta", delta);
        errors.ThrowIfAny();
        (Alpha, Beta, Gamma, Delta) = (alpha, beta, gamma, delta);
    }

    /// <summary>Gets α.</summary>
    public double Alpha { get; }

    /// <summary>Gets β.</summary>
    public double Beta { get; }

    /// <summary>Gets γ.</summary>
    public double Gamma { get; }

    /// <summary>Gets δ.</summary>
    public double Delta { get; }

    /// <summary>The log-likelihood of the customers in <paramref name="data"/> and its gradient (central differences).</summary>
    /// <param name="data">The customers.</param>
    /// <returns>The contribution.</returns>
    public LikelihoodContribution LogLikelihood(DiscreteHistoryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return LikelihoodContribution.Evaluate(new BgBbLikelihood(data), [Alpha, Beta, Gamma, Delta]);
    }

    /// <summary>The probability that a customer with this history is active at opportunity n + 1.</summary>
    /// <param name="customer">The history.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double ProbabilityAlive(DiscreteHistory customer)
    {
        int x = customer.Frequency, n = customer.Opportunities;
        var log = LogBeta(Alpha + x, Beta + n - x) - LogBeta(Alpha, Beta) + LogBeta(Gamma, Delta + n + 1) - LogBeta(Gamma, Delta)
            - BgBbLikelihood.LogLikelihood(Alpha, Beta, Gamma, Delta, customer);
        return Math.Clamp(Math.Exp(log), 0, 1);
    }

    /// <summary>The expected number of transactions of a new customer in the first <paramref name="opportunities"/> opportunities.</summary>
    /// <param name="opportunities">n ≥ 0.</param>
    /// <returns>α/(α+β) · Σ_{t=1}^{n} B(γ, δ+t)/B(γ, δ).</returns>
    /// <exception cref="KamValidationException">n is negative or above 1,000,000.</exception>
    public double ExpectedTransactions(int opportunities)
    {
        CheckOpportunities(opportunities);
        var lbGd = LogBeta(Gamma, Delta);
        var sum = 0.0;
        for (var t = 1; t <= opportunities; t++)
        {
            sum += Math.Exp(LogBeta(Gamma, Delta + t) - lbGd);
        }

        return Alpha / (Alpha + Beta) * sum;
    }

    /// <summary>The expected number of transactions of a customer with this history in the next <paramref name="opportunities"/> opportunities.</summary>
    /// <param name="customer">The history.</param>
    /// <param name="opportunities">n* ≥ 0.</param>
    /// <returns>The expected count (≥ 0).</returns>
    /// <exception cref="KamValidationException">n* is negative or above 1,000,000.</exception>
    public double ConditionalExpectedTransactions(DiscreteHistory customer, int opportunities)
    {
        CheckOpportunities(opportunities);
        var sum = 0.0;
        var factor = PosteriorFactor(customer);
        for (var t = 1; t <= opportunities; t++)
        {
            sum += Math.Exp(factor + LogBeta(Gamma, Delta + customer.Opportunities + t));
        }

        return sum;
    }

    /// <summary>
    /// The discounted expected number of future transactions of a customer with this history:
    /// Σ_{t≥1} E[transaction at opportunity n+t] / (1+d)^t (Fader, Hardie &amp; Berger 2010, DERT).
    /// </summary>
    /// <param name="customer">The history.</param>
    /// <param name="discountRate">d &gt; 0 per opportunity.</param>
    /// <returns>The discounted expected transactions; multiply by the value per transaction for the residual lifetime value.</returns>
    /// <exception cref="KamValidationException">d is not positive and finite.</exception>
    public double DiscountedExpectedTransactions(DiscreteHistory customer, double discountRate)
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange("discountRate", discountRate, double.Epsilon, double.MaxValue);
        errors.ThrowIfAny();
        var factor = PosteriorFactor(customer);
        var logDiscount = -Math.Log(1 + discountRate);
        var sum = 0.0;
        for (var t = 1; t < 10_000_000; t++)
        {
            var term = Math.Exp(factor + LogBeta(Gamma, Delta + customer.Opportunities + t) + (t * logDiscount));
            sum += term;
            if (term <= 1e-16 * sum || term == 0)
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>Gets the parameters as a vector in <see cref="ParameterNames"/> order.</summary>
    /// <returns>The parameters.</returns>
    public ImmutableArray<double> ToArray() => [Alpha, Beta, Gamma, Delta];

    /// <summary>ln[B(α+x+1, β+n−x)/B(α,β) / B(γ,δ) / L]: the factor of B(γ, δ+n+t) in E[transaction at n+t | data].</summary>
    private double PosteriorFactor(DiscreteHistory c) =>
        LogBeta(Alpha + c.Frequency + 1, Beta + c.Opportunities - c.Frequency) - LogBeta(Alpha, Beta) - LogBeta(Gamma, Delta)
        - BgBbLikelihood.LogLikelihood(Alpha, Beta, Gamma, Delta, c);

    private static void CheckOpportunities(int opportunities)
    {
        var errors = new ValidationCollector();
        errors.InRange("opportunities", opportunities, 0, 1_000_000);
        errors.ThrowIfAny();
    }
}
