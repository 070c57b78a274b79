using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Value.Models.Numerics;

/// <summary>
/// A compact BFGS quasi-Newton minimizer with a backtracking (Armijo) line search, for the handful of log-parameters
/// of a customer-base model.
/// </summary>
/// <remarks>
/// Steps are limited to <see cref="MaxStep"/> in every coordinate (a log-parameter moving by more than that in one
/// step is a factor of e⁵ ≈ 150, which never helps). A point where the objective is NaN or infinite is treated as
/// worse than any finite point, so the line search steps back from it. When no step along the quasi-Newton direction
/// nor along the steepest-descent direction reduces the objective any more (Armijo, or Hager and Zhang's approximate
/// Wolfe conditions where the value is flat to rounding), the search has reached the limit of
/// double precision: that counts as converged only when the gradient is already small.
/// </remarks>
internal static class BfgsOptimizer
{
    private const double MaxStep = 5.0;
    private const double Armijo = 1e-4;
    private const double LooseGradientTolerance = 1e-5;

    public static OptimizerOutcome Minimize(IObjective objective, ReadOnlySpan<double> start, FitSettings settings)
    {
        var n = objective.Dimension;
        var x = start.ToArray();
        var g = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var direction = new double[n];
        var s = new double[n];
        var y = new double[n];
        var hy = new double[n];
        var h = Identity(n);
        var evaluations = 1;
        var f = objective.Evaluate(x, g);
        if (!double.IsFinite(f) || !AllFinite(g))
        {
            return new OptimizerOutcome(x, f, 0, evaluations, false, "The log-likelihood is not finite at the starting values.");
        }

        var fresh = true;
        for (var iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            if (MaxAbs(g) <= settings.GradientTolerance)
            {
                return new OptimizerOutcome(x, f, iteration - 1, evaluations, true, "Converged: the gradient is below the tolerance.");
            }

            Multiply(h, g, direction, -1.0);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                h = Identity(n);
                fresh = true;
                Multiply(h, g, direction, -1.0);
                slope = Dot(g, direction);
            }

            var step = Math.Min(1.0, MaxStep / Math.Max(MaxAbs(direction), 1e-300));
            var accepted = false;
            double fNew = double.NaN;
            for (var tries = 0; tries < 60; tries++)
            {
                for (var i = 0; i < n; i++)
                {
                    xNew[i] = x[i] + (step * direction[i]);
                }

                fNew = objective.Evaluate(xNew, gNew);
                evaluations++;
                if (double.IsFinite(fNew) && AllFinite(gNew)
                    && (fNew <= f + (Armijo * step * slope) || ApproximateWolfe(f, fNew, slope, DotSpan(gNew, direction))))
                {
                    accepted = true;
                    break;
                }

                step *= tries < 2 ? 0.5 : 0.25;
            }

            if (!accepted)
            {
                if (!fresh)
                {
                    h = Identity(n);
                    fresh = true;
                    continue;
                }

                return MaxAbs(g) <= LooseGradientTolerance
                    ? new OptimizerOutcome(x, f, iteration, evaluations, true, "Converged: no further improvement is possible in double precision.")
                    : new OptimizerOutcome(x, f, iteration, evaluations, false, "The line search could not improve the log-likelihood; the optimiser stopped before the gradient vanished.");
            }

            for (var i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                if (fresh)
                {
                    var scale = sy / Dot(y, y);
                    for (var i = 0; i < n; i++)
                    {
                        for (var j = 0; j < n; j++)
                        {
                            h[i, j] = i == j ? scale : 0.0;
                        }
                    }
                }

                UpdateInverseHessian(h, s, y, hy, sy);
                fresh = false;
            }

            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            f = fNew;
        }

        return new OptimizerOutcome(x, f, settings.MaxIterations, evaluations, MaxAbs(g) <= settings.GradientTolerance,
            "Stopped at the iteration limit before the gradient fell below the tolerance.");
    }

    /// <summary>
    /// Near the optimum the objective changes by less than its rounding error, so Armijo's test cannot see progress;
    /// there a step is accepted when the value did not rise beyond rounding and the directional derivative shrank
    /// (Hager and Zhang's approximate Wolfe conditions), so the gradient can still be driven to the tolerance.
    /// </summary>
    private static bool ApproximateWolfe(double f, double fNew, double slope, double newSlope) =>
        fNew <= f + (1e-14 * Math.Abs(f)) && Math.Abs(newSlope) <= 0.9 * Math.Abs(slope) && newSlope >= 0.9 * slope;

    private static double DotSpan(double[] a, double[] b) => Dot(a, b);

    private static void UpdateInverseHessian(double[,] h, double[] s, double[] y, double[] hy, double sy)
    {
        // H+ = H + (sy + yHy) ss'/sy² - (Hy s' + s y'H)/sy
        var n = s.Length;
        Multiply(h, y, hy, 1.0);
        var yhy = Dot(y, hy);
        var a = (sy + yhy) / (sy * sy);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[i, j] += (a * s[i] * s[j]) - (((hy[i] * s[j]) + (s[i] * hy[j])) / sy);
            }
        }
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1.0;
        }

        return m;
    }

    private static void Multiply(double[,] m, double[] v, double[] result, double factor)
    {
        var n = v.Length;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += m[i, j] * v[j];
            }

            result[i] = factor * sum;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(double[] v)
    {
        var max = 0.0;
        foreach (var value in v)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }

    private static bool AllFinite(double[] v)
    {
        foreach (var value in v)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Where the optimizer stopped and why.</summary>
internal sealed record OptimizerOutcome(double[] Point, double Value, int Iterations, int Evaluations, bool Converged, string Message);
