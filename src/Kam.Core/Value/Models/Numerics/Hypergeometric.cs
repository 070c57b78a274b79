namespace Kam.Core.Value.Models;

/// <summary>The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, by its power series.</summary>
/// <remarks>
/// Every caller passes positive a and b and 0 ≤ z &lt; 1 (the Pareto/NBD likelihood picks, of the two equivalent
/// Pfaff forms, the one whose argument lies in [0, 1), as in Fader, Hardie and Shang's 2005 note), so the terms are
/// positive and the partial sums increase: the sum cannot cancel, and its logarithm is taken once at the end.
/// The series stops when a term no longer changes the sum; <see cref="double.NaN"/> means it did not converge
/// within <see cref="MaxTerms"/> terms, which callers turn into a typed error or a rejected optimiser step.
/// </remarks>
internal static class Hypergeometric
{
    /// <summary>The most terms summed before giving up.</summary>
    public const int MaxTerms = 2_000_000;

    /// <summary>ln ₂F₁(a, b; c; z), or NaN when the series did not converge.</summary>
    public static double Log2F1(double a, double b, double c, double z)
    {
        if (z == 0.0)
        {
            return 0.0;
        }

        double term = 1.0, sum = 1.0;
        for (var j = 0; j < MaxTerms; j++)
        {
            term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
            var next = sum + term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(next) && j > 2)
            {
                return Math.Log(next);
            }

            sum = next;
            if (!double.IsFinite(sum) || sum <= 0)
            {
                return double.NaN;
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// ₂F₁(a, b; a + 1; z) and its partial derivatives with respect to a, b and z, for a, b &gt; 0 and 0 ≤ z &lt; 1
    /// (the form in the Pareto/NBD likelihood). Terms are tᵢ = a/(a+j)·(b)ⱼ/j!·zʲ.
    /// </summary>
    /// <returns>False when the series did not converge.</returns>
    public static bool SeriesAPlusOne(double a, double b, double z, int maxTerms, out double value, out double dA, out double dB, out double dZ)
    {
        value = 1.0;
        dA = 0.0;
        dB = 0.0;
        dZ = 0.0;
        if (z == 0.0)
        {
            return true;
        }

        // r_j = (b)_j z^j / j!  (the part without a/(a+j)), built up by ratios.
        double ratio = 1.0, bHarmonic = 0.0;
        var invA = 1.0 / a;
        for (var j = 1; j < maxTerms; j++)
        {
            bHarmonic += 1.0 / (b + j - 1);
            ratio *= (b + j - 1) / j * z;
            var aj = a / (a + j);
            var term = ratio * aj;
            value += term;
            dA += term * (invA - (1.0 / (a + j)));
            dB += term * bHarmonic;
            dZ += term * j;
            if (term <= 1e-17 * value && j > 2 && term * j <= 1e-17 * dZ)
            {
                dZ /= z;
                return double.IsFinite(value);
            }

            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return false;
    }
}

/// <summary>Plain-valued companions of <see cref="Hypergeometric"/> for prediction formulas.</summary>
internal static class HypergeometricValue
{
    /// <summary>
    /// ₂F₁(a, b; c; z) for a, b &gt; 0, c not a non-positive integer, 0 ≤ z &lt; 1, by the power series; NaN when
    /// the series did not converge. Terms may change sign once when −1 &lt; c &lt; 0, so this sums plain values.
    /// </summary>
    public static double Value(double a, double b, double c, double z)
    {
        if (z == 0.0)
        {
            return 1.0;
        }

        double term = 1.0, sum = 1.0;
        for (var j = 0; j < Hypergeometric.MaxTerms; j++)
        {
            term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-16 * Math.Abs(sum) && j > 2 && c + j > 0)
            {
                return sum;
            }

            if (!double.IsFinite(sum))
            {
                return double.NaN;
            }
        }

        return double.NaN;
    }
}
