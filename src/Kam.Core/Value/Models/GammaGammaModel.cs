using System.Collections.Immutable;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Value.Models;

/// <summary>
/// The Gamma-Gamma model of spend per transaction: a customer's transaction values are Gamma(p, ν) around their own
/// mean, and ν ~ Gamma(q, γ) across customers; spend is independent of the transaction process.
/// </summary>
/// <remarks>Immutable and thread-safe; equality is by reference. Parameters must be positive and finite.</remarks>
public sealed class GammaGammaModel
{
    /// <summary>The parameter names, in order.</summary>
    internal static IReadOnlyList<string> ParameterNames { get; } = ["p", "q", "gamma"];

    /// <summary>Creates the model.</summary>
    /// <param name="p">Shape of each customer's transaction-value distribution.</param>
    /// <param name="q">Shape of the distribution of ν across customers.</param>
    /// <param name="gamma">Scale of the distribution of ν across customers (in money units).</param>
    /// <exception cref="KamValidationException">A parameter is not positive and finite.</exception>
    public GammaGammaModel(double p, double q, double gamma)
    {
        var errors = new ValidationCollector();
        PredictionRules.CheckParameter(errors, "p", p);
        PredictionRules.CheckParameter(errors, "q", q);
        PredictionRules.CheckParameter(errors, "gamma", gamma);
        errors.ThrowIfAny();
        (P, Q, Gamma) = (p, q, gamma);
    }

    /// <summary>Gets p.</summary>
    public double P { get; }

    /// <summary>Gets q.</summary>
    public double Q { get; }

    /// <summary>Gets γ.</summary>
    public double Gamma { get; }

    /// <summary>
    /// Gets the mean transaction value of a customer about whom nothing is known, pγ/(q − 1); infinite when q ≤ 1
    /// (the population mean does not exist), in which case <see cref="ConditionalExpectedSpend"/> is still finite for
    /// customers with data.
    /// </summary>
    public double PopulationMeanSpend => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>The log-likelihood of the customers in <paramref name="data"/> and its gradient in (p, q, γ).</summary>
    /// <param name="data">The customers (one partition, or all).</param>
    /// <returns>The contribution.</returns>
    public LikelihoodContribution LogLikelihood(SpendData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return LikelihoodContribution.Evaluate(new GammaGammaLikelihood(data), [P, Q, Gamma]);
    }

    /// <summary>
    /// The expected value of a customer's future transactions given x repeat transactions with mean z̄:
    /// (p(γ + x z̄)) / (px + q − 1), a weighted average of the population mean and the customer's own mean.
    /// </summary>
    /// <param name="frequency">The number of repeat transactions x (whole, ≥ 0; 0 gives the population mean).</param>
    /// <param name="meanValue">Their mean value z̄ (≥ 0, ignored when x = 0).</param>
    /// <returns>The expected spend per transaction.</returns>
    /// <exception cref="KamValidationException">An input is impossible, or x = 0 and q ≤ 1 (no finite mean).</exception>
    public double ConditionalExpectedSpend(double frequency, double meanValue)
    {
        var errors = new ValidationCollector();
        if (errors.FiniteInRange("frequency", frequency, 0, double.MaxValue) && frequency != Math.Floor(frequency))
        {
            errors.Add("frequency", KamErrorCodes.InvalidFormat, frequency, "The frequency must be a whole number.");
        }

        errors.FiniteInRange("meanValue", meanValue, 0, double.MaxValue);
        if (P * frequency + Q <= 1)
        {
            errors.Add("frequency", KamErrorCodes.OutOfRange, frequency, "The expected spend is infinite: px + q ≤ 1.");
        }

        errors.ThrowIfAny();
        return P * (Gamma + (frequency * meanValue)) / ((P * frequency) + Q - 1);
    }

    /// <summary>Gets the parameters as a vector in <see cref="ParameterNames"/> order.</summary>
    /// <returns>The parameters.</returns>
    public ImmutableArray<double> ToArray() => [P, Q, Gamma];
}
