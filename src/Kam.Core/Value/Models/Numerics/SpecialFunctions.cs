
namespace Kam.Core.Value.Models.Numerics;

/// <summary>
/// The special functions the customer-base models need: log-gamma, digamma, log-beta and the log-sum of exponentials.
/// </summary>
/// <remarks>
/// Arguments are positive and finite in every caller (the models work with positive parameters). Log-gamma and
/// digamma shift the argument up with the recurrence and then use the asymptotic (Stirling) series, which is accurate
/// to about 1e-15 there; the shift keeps small arguments accurate too.
/// </remarks>
internal static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x >= 15.0)
        {
            return Stirling(x);
        }

        var product = 1.0;
        while (x < 15.0)
        {
            product *= x;
            x += 1.0;
        }

        return Stirling(x) - Math.Log(product);
    }

    /// <summary>ψ(x) = d ln Γ(x) / dx for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        var shift = 0.0;
        while (x < 10.0)
        {
            shift -= 1.0 / x;
            x += 1.0;
        }

        var inv2 = 1.0 / (x * x);
        var series = inv2 * (-1.0 / 12 + inv2 * (1.0 / 120 + inv2 * (-1.0 / 252 + inv2 * (1.0 / 240 + inv2 * (-1.0 / 132 + inv2 * (691.0 / 32760))))));
        return shift + Math.Log(x) - 0.5 / x + series;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln(e^a + e^b) without overflow.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Math.Log(1.0 + Math.Exp(b - a)) : b + Math.Log(1.0 + Math.Exp(a - b));
    }

    /// <summary>ln(e^a - e^b) for a &gt; b, without overflow or cancellation when the two are far apart.</summary>
    public static double LogSubExp(double a, double b) => a + Math.Log(-ExpM1(b - a));

    /// <summary>eˣ − 1, accurate for small x (Kahan's method; the framework's ExpM1 is the naive Exp(x) − 1).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : double.IsPositiveInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) for x &gt; −1, accurate for small x (Goldberg's correction of the rounded 1 + x).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1.0);
    }

    private static double Stirling(double x)
    {
        var inv = 1.0 / x;
        var inv2 = inv * inv;
        var series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680 + inv2 * (1.0 / 1188)))));
        return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series;
    }
}
