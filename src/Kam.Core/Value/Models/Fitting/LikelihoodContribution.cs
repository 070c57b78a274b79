using System.Collections.Immutable;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.Fitting;

/// <summary>
/// The log-likelihood of a part of the customers (a partition of a distributed data set) at given parameters, with
/// its gradient: the value a worker computes and the central fitter adds up.
/// </summary>
/// <remarks>
/// The log-likelihood of independent customers is a sum over customers, so contributions combine by addition:
/// <see cref="Combine"/> is associative and commutative (up to floating-point rounding) and <see cref="Zero"/> is its
/// identity. The gradient is with respect to the natural parameters, in the model's parameter order.
/// Immutable.
/// </remarks>
public sealed class LikelihoodContribution
{
    /// <summary>Creates a contribution, for example from the figures a worker sent back.</summary>
    /// <param name="logLikelihood">The summed log-likelihood.</param>
    /// <param name="gradient">The summed gradient (natural parameters).</param>
    /// <param name="customerCount">How many customers contributed.</param>
    public LikelihoodContribution(double logLikelihood, ImmutableArray<double> gradient, double customerCount)
    {
        LogLikelihood = logLikelihood;
        Gradient = gradient;
        CustomerCount = customerCount;
    }

    /// <summary>Gets the summed log-likelihood.</summary>
    public double LogLikelihood { get; }

    /// <summary>Gets the summed gradient (natural parameters).</summary>
    public ImmutableArray<double> Gradient { get; }

    /// <summary>Gets how many customers contributed.</summary>
    public double CustomerCount { get; }

    /// <summary>The contribution of no customer for a model with <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The number of parameters.</param>
    /// <returns>The identity of <see cref="Combine"/>.</returns>
    public static LikelihoodContribution Zero(int parameterCount) =>
        new(0, ImmutableArray.Create(new double[parameterCount]), 0);

    /// <summary>Adds two contributions (of disjoint customer sets).</summary>
    /// <param name="other">The other contribution, for the same model and parameters.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="KamValidationException">The gradients have different lengths.</exception>
    public LikelihoodContribution Combine(LikelihoodContribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Gradient.Length != Gradient.Length)
        {
            throw new KamValidationException("contribution.gradient", KamErrorCodes.InvalidSum, other.Gradient.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Contributions of different models (gradient lengths differ) cannot be combined.");
        }

        var sum = new double[Gradient.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = Gradient[i] + other.Gradient[i];
        }

        return new LikelihoodContribution(LogLikelihood + other.LogLikelihood, ImmutableArray.Create(sum), CustomerCount + other.CustomerCount);
    }

    internal static LikelihoodContribution Evaluate(RowLikelihood likelihood, ReadOnlySpan<double> parameters)
    {
        var gradient = new double[parameters.Length];
        var value = new LikelihoodEvaluator(likelihood, 1).Evaluate(parameters, gradient);
        if (!double.IsFinite(value))
        {
            throw new KamValidationException("parameters", KamErrorCodes.NotFinite, null, "The log-likelihood is not finite at these parameters.");
        }

        return new LikelihoodContribution(value, ImmutableArray.Create(gradient), likelihood.CustomerCount);
    }
}
