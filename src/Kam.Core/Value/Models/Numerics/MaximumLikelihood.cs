using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Value.Models.Numerics;

/// <summary>A log-likelihood in natural parameters with its gradient: returns the value, fills the gradient.</summary>
internal delegate double NaturalLogLikelihood(ReadOnlySpan<double> parameters, Span<double> gradient);

/// <summary>
/// Maximum-likelihood estimation of positive parameters: BFGS on the log-parameters (so every step stays in the
/// domain), then standard errors from the observed information in natural parameters.
/// </summary>
internal static class MaximumLikelihood
{
    public static (double[] Parameters, IReadOnlyList<ParameterEstimate> Estimates, FitDiagnostics Diagnostics) Fit(
        string[] names, double[] start, NaturalLogLikelihood logLikelihood, double customerCount, FitSettings settings)
    {
        var objective = new NegativeMeanLogLikelihood(logLikelihood, names.Length, Math.Max(customerCount, 1));
        var theta = start.Select(v => Math.Log(v)).ToArray();
        var outcome = BfgsOptimizer.Minimize(objective, theta, settings);
        var parameters = outcome.Point.Select(v => Math.Exp(v)).ToArray();
        var gradient = new double[names.Length];
        var ll = logLikelihood(parameters, gradient);
        var converged = outcome.Converged && double.IsFinite(ll);
        var message = outcome.Message;
        if (converged && parameters.Any(p => p is < 1e-8 or > 1e8))
        {
            converged = false;
            message = "The likelihood is maximised at the edge of the parameter space (a parameter tends to 0 or infinity); the data do not identify the model.";
        }

        var errors = StandardErrors(parameters, logLikelihood);
        if (converged && errors is null)
        {
            converged = false;
            message = "The optimiser stopped where the likelihood is flat (the information matrix is not positive definite): the data do not identify the parameters.";
        }

        var estimates = new ParameterEstimate[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            estimates[i] = new ParameterEstimate(names[i], parameters[i], errors?[i]);
        }

        var diagnostics = new FitDiagnostics(converged, outcome.Iterations, outcome.Evaluations, double.IsFinite(ll) ? ll : -outcome.Value * customerCount, message);
        return (parameters, estimates, diagnostics);
    }

    /// <summary>Standard errors from the inverse of the negative Hessian (central differences of the gradient).</summary>
    /// <returns>Null when the information matrix is not positive definite or not finite.</returns>
    internal static double[]? StandardErrors(double[] parameters, NaturalLogLikelihood logLikelihood)
    {
        var n = parameters.Length;
        var information = new double[n, n];
        var shifted = (double[])parameters.Clone();
        var up = new double[n];
        var down = new double[n];
        for (var j = 0; j < n; j++)
        {
            var h = 1e-4 * parameters[j];
            shifted[j] = parameters[j] + h;
            var a = logLikelihood(shifted, up);
            shifted[j] = parameters[j] - h;
            var b = logLikelihood(shifted, down);
            shifted[j] = parameters[j];
            if (!double.IsFinite(a) || !double.IsFinite(b))
            {
                return null;
            }

            for (var i = 0; i < n; i++)
            {
                information[i, j] = -(up[i] - down[i]) / (2 * h);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                information[i, j] = information[j, i] = 0.5 * (information[i, j] + information[j, i]);
            }
        }

        var inverse = SymmetricInverse(information);
        if (inverse is null)
        {
            return null;
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!(inverse[i, i] > 0) || !double.IsFinite(inverse[i, i]))
            {
                return null;
            }

            result[i] = Math.Sqrt(inverse[i, i]);
        }

        return result;
    }

    /// <summary>Inverts a symmetric positive-definite matrix by Cholesky; null when it is not positive definite.</summary>
    private static double[,]? SymmetricInverse(double[,] m)
    {
        var n = m.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = m[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        var inverse = new double[n, n];
        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            // Solve L y = e_c, then L' x = y.
            for (var i = 0; i < n; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++)
                {
                    sum -= l[i, k] * column[k];
                }

                column[i] = sum / l[i, i];
            }

            for (var i = n - 1; i >= 0; i--)
            {
                var sum = column[i];
                for (var k = i + 1; k < n; k++)
                {
                    sum -= l[k, i] * inverse[k, c];
                }

                inverse[i, c] = sum / l[i, i];
            }
        }

        return inverse;
    }

    /// <summary>−(log-likelihood)/N as a function of the log-parameters: the optimizer's objective.</summary>
    private sealed class NegativeMeanLogLikelihood(NaturalLogLikelihood logLikelihood, int dimension, double customers) : IObjective
    {
        private readonly double[] _natural = new double[dimension];

        public int Dimension => dimension;

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
        {
            for (var i = 0; i < dimension; i++)
            {
                _natural[i] = Math.Exp(point[i]);
                if (!double.IsFinite(_natural[i]) || _natural[i] == 0)
                {
                    return double.NaN;
                }
            }

            var value = logLikelihood(_natural, gradient);
            for (var i = 0; i < dimension; i++)
            {
                gradient[i] = -gradient[i] * _natural[i] / customers;
            }

            return -value / customers;
        }
    }
}
