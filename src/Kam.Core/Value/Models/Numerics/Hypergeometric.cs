
namespace Kam.Core.Value.Models.Numerics;

/// <summary>The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, by its power series.</summary>
/// <remarks>
/// Every caller passes positive a and b and 0 ≤ z &lt; 1 (the Pareto/NBD likelihood picks, of the two equivalent
/// Pfaff forms, the one whose argument lies in [0, 1), as in Fader, Hardie and Shang's 2005 note), so the terms are
/// positive and the partial sums increase: the sum cannot cancel, and its logarithm is taken once at the end.
/// The series stops when a term no longer changes the sum; <see cref="double.NaN"/> means it did not converge
/// within <see cref="MaxTerms"/> terms, which callers turn into a typed error or a rejected optimizer step.
/// </remarks>
internal static class Hypergeometric
{
    /// <summary>The most terms summed before giving up.</summary>
    public const int MaxTerms = 2_000_000;

    /// <summary>ln ₂F₁(a, b; c; z) for positive a, b, c, or NaN when the series did not converge.</summary>
    public static double Log2F1(double a, double b, double c, double z)
    {
        if (z == 0.0)
        {
            return 0.0;
        }

        // Terms may grow far beyond double range before they fall (large a or b, as for heavy buyers); the running
        // term and sum are rescaled together and the scale is kept as a logarithm (a log-sum-exp of the series).
        double term = 1.0, sum = 1.0, logScale = 0.0;
        for (var j = 0; j < MaxTerms; j++)
        {
            term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
            sum += term;
            if (term <= 1e-17 * sum && j > 2)
            {
                return Math.Log(sum) + logScale;
            }

            if (sum > Rescale)
            {
                term /= Rescale;
                sum /= Rescale;
                logScale += LogRescale;
            }

            if (!double.IsFinite(sum) || sum <= 0)
            {
                return double.NaN;
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// ln ₂F₁(a, b; a + 1; z) and the partial derivatives of ln ₂F₁ with respect to a, b and z, for a, b &gt; 0 and
    /// 0 ≤ z &lt; 1 (the form in the Pareto/NBD likelihood). Terms are tⱼ = a/(a+j)·(b)ⱼ/j!·zʲ; their derivatives
    /// are tⱼ·(1/a − 1/(a+j)), tⱼ·Σ_{k&lt;j} 1/(b+k) and tⱼ·j/z, rescaled with the terms.
    /// </summary>
    /// <returns>False when the series did not converge within <paramref name="maxTerms"/> terms.</returns>
    public static bool SeriesAPlusOne(double a, double b, double z, int maxTerms, out double logValue, out double dA, out double dB, out double dZ)
    {
        logValue = 0.0;
        dA = 0.0;
        dB = 0.0;
        dZ = 0.0;
        if (z == 0.0)
        {
            // The z-derivative at 0 is the first term's coefficient a·b/(a+1).
            dZ = a * b / (a + 1);
            return true;
        }

        // r_j = (b)_j z^j / j!  (the part without a/(a+j)), built up by ratios; two divisions a term.
        double ratio = 1.0, bHarmonic = 0.0, value = 1.0, logScale = 0.0;
        var invA = 1.0 / a;
        for (var j = 1; j < maxTerms; j++)
        {
            var bj = b + j - 1;
            bHarmonic += 1.0 / bj;
            ratio *= bj * z * (j < InverseCount ? Inverse[j] : 1.0 / j);
            var invAj = 1.0 / (a + j);
            var term = ratio * a * invAj;
            value += term;
            dA += term * (invA - invAj);
            dB += term * bHarmonic;
            dZ += term * j;
            if (term <= 1e-17 * value && j > 2 && term * j <= 1e-17 * dZ)
            {
                logValue = Math.Log(value) + logScale;
                dA /= value;
                dB /= value;
                dZ /= value * z;
                return double.IsFinite(logValue);
            }

            if (value > Rescale)
            {
                ratio /= Rescale;
                value /= Rescale;
                dA /= Rescale;
                dB /= Rescale;
                dZ /= Rescale;
                logScale += LogRescale;
            }

            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return false;
    }

    private const int InverseCount = 512;
    private const double Rescale = 1e250;
    private static readonly double[] Inverse = [.. Enumerable.Range(0, InverseCount).Select(j => j == 0 ? 0.0 : 1.0 / j)];
    private static readonly double LogRescale = Math.Log(Rescale);
}

/// <summary>Plain-valued companions of <see cref="Hypergeometric"/> for prediction formulas.</summary>
internal static class HypergeometricValue
{
    /// <summary>
    /// ₂F₁(a, b; c; z) for c not a non-positive integer and 0 ≤ z &lt; 1, by the power series; NaN when the series
    /// did not converge. Parameters may be negative (the Euler-transformed BG/NBD expectation), so terms may change
    /// sign; callers use it only where the parameters are small, so the sum does not overflow or cancel badly.
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
            if ((Math.Abs(term) <= 1e-16 * Math.Abs(sum) || term == 0) && j > 2 && c + j > 0)
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
