using static Kam.Core.Value.Models.Numerics.SpecialFunctions;

using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.ParetoNbd;

/// <summary>
/// The Pareto/NBD log-likelihood and its analytic gradient in (r, α, s, β), in the formulation of Fader, Hardie
/// &amp; Shang's 2005 note "A note on deriving the Pareto/NBD model and related expressions".
/// </summary>
/// <remarks>
/// L = Γ(r+x)αʳβˢ/Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ], where A₀ = G(tₓ) − G(T) and
/// G(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) / (α+y)^(r+s+x) when α ≥ β, or the Pfaff-equivalent
/// ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+y)) / (β+y)^(r+s+x) when α &lt; β; so the series argument is always in [0, 1)
/// and its terms positive. Everything is combined in log space (log-add and log-subtract of exponentials), so large
/// frequencies do not overflow. The gradient differentiates the series term by term (see
/// <see cref="Hypergeometric.SeriesAPlusOne"/>). The series needs about 1/(1 − z) terms, so where it would need more
/// than <see cref="SeriesTermLimit"/> (z close to 1: one scale dwarfs the other and the ages, as on the way to the
/// boundary s, β → ∞) the row's dropout term is integrated instead (<see cref="ParetoNbdDropoutIntegral"/>), at a
/// bounded cost. The powers αʳβˢ are carried into each row's terms and canceled there (by log1p in the survivor term
/// and in the integral), so the value keeps its precision on the way to that boundary.
/// </remarks>
internal sealed class ParetoNbdLikelihood(FrequencyRecencyData data) : RowLikelihood
{
    public const int MaxSeriesTerms = 100_000;

    /// <summary>The most ₂F₁ series terms expected before the quadrature is used instead (see <see cref="SeriesIsShort"/>).</summary>
    public const double SeriesTermLimit = 400;

    private readonly double[] _constant = new double[data.DistinctFrequencies.Length];
    private readonly double[] _dR = new double[data.DistinctFrequencies.Length];

    public override int Dimension => 4;

    public override int RowCount => data.RowCount;

    public override double CustomerCount => data.CustomerCount;

    public override bool Prepare(ReadOnlySpan<double> p)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        var lgR = LogGamma(r);
        var psiR = Digamma(r);
        var constant = (r * Math.Log(alpha)) + (s * Math.Log(beta)) - lgR;
        var distinct = data.DistinctFrequencies;
        for (var k = 0; k < distinct.Length; k++)
        {
            // αʳβˢ is carried by each row's terms (see Sum), so that it can cancel there without rounding.
            _constant[k] = LogGamma(r + distinct[k]) - lgR;
            _dR[k] = Digamma(r + distinct[k]) - psiR + Math.Log(alpha);
        }

        return double.IsFinite(constant);
    }

    public override double Sum(ReadOnlySpan<double> p, int start, int end, Span<double> gradient)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        double[] xs = data.Frequency, txs = data.Recency, ts = data.Age, ws = data.Weight;
        var groups = data.GroupOfRow;
        var withGradient = !gradient.IsEmpty;
        var alphaIsLarger = alpha >= beta;
        var m = alphaIsLarger ? alpha : beta;
        var other = alphaIsLarger ? beta : alpha;
        var logS = Math.Log(s);
        var logScale = (r * Math.Log(alpha)) + (s * Math.Log(beta));
        double total = 0, gR = 0, gAlpha = 0, gS = 0, gBeta = 0;

        // Rows are sorted by (x, T, tₓ): G(T) is shared by consecutive rows with the same x and T; G(0) by all rows
        // of a frequency with tₓ = 0. Both are remembered from the previous row.
        double lastX = double.NaN, lastT = double.NaN, lnG2 = 0, dA2 = 0, dB2 = 0, dZ2 = 0;
        double zeroX = double.NaN, lnG0 = 0, dA0 = 0, dB0 = 0, dZ0 = 0;
        for (var i = start; i < end; i++)
        {
            double x = xs[i], tx = txs[i], t = ts[i], w = ws[i];
            var a = r + s + x;
            var b = alphaIsLarger ? s + 1 : r + x;
            var logAlphaT = Math.Log(alpha + t);
            var logBetaT = Math.Log(beta + t);
            var logE1 = LogSurvivorTerm(r, alpha, s, beta, x, t);
            var k = groups[i];
            if (!SeriesIsShort(b, (m - other) / (m + tx)))
            {
                // Quadrature of the scaled dropout integral: αʳβˢ·V = s·α^−x·β^−1·J, J over [tₓ, T].
                var logJ = ParetoNbdDropoutIntegral.Log(r + x, alpha, s + 1, beta, tx, t, out var dP, out var dAlphaJ, out var dQ, out var dBetaJ);
                if (double.IsNaN(logJ))
                {
                    return double.NaN;
                }

                var logVq = logS - (x * Math.Log(alpha)) - Math.Log(beta) + logJ;
                var logSumQ = LogAddExp(logE1, logVq);
                total += w * (_constant[k] + logSumQ);
                if (withGradient)
                {
                    // The survivor term's derivatives in the same cancellation-free form as its value.
                    var wvq = double.IsNegativeInfinity(logVq) ? 0.0 : Math.Exp(logVq - logSumQ);
                    var wuq = 1 - wvq;
                    gR += w * (_dR[k] - Math.Log(alpha) - (wuq * SpecialFunctions.Log1P(t / alpha)) + (wvq * dP));
                    gAlpha += w * ((wuq * ((r * t) - (x * alpha)) / (alpha * (alpha + t))) + (wvq * (dAlphaJ - (x / alpha))));
                    gS += w * ((-wuq * SpecialFunctions.Log1P(t / beta)) + (wvq * ((1 / s) + dQ)));
                    gBeta += w * ((wuq * s * t / (beta * (beta + t))) + (wvq * (dBetaJ - (1 / beta))));
                }

                continue;
            }

            double lnG1, dA1, dB1, dZ1;
            if (tx == 0 && x == zeroX)
            {
                (lnG1, dA1, dB1, dZ1) = (lnG0, dA0, dB0, dZ0);
            }
            else if (!G(a, b, m, other, tx, out lnG1, out dA1, out dB1, out dZ1))
            {
                return double.NaN;
            }
            else if (tx == 0)
            {
                (zeroX, lnG0, dA0, dB0, dZ0) = (x, lnG1, dA1, dB1, dZ1);
            }

            if (x != lastX || t != lastT)
            {
                if (!G(a, b, m, other, t, out lnG2, out dA2, out dB2, out dZ2))
                {
                    return double.NaN;
                }

                (lastX, lastT) = (x, t);
            }

            // ln A0 = ln(G(tx) − G(T)); ρ = G(T)/G(tx) ∈ [0, 1).
            var oneMinusRho = -SpecialFunctions.ExpM1(lnG2 - lnG1);
            var logV = oneMinusRho > 0 ? logS - Math.Log(a) + lnG1 + Math.Log(oneMinusRho) + logScale : double.NegativeInfinity;
            var logSum = LogAddExp(logE1, logV);
            total += w * (_constant[k] + logSum);
            if (!withGradient)
            {
                continue;
            }

            var wv = double.IsNegativeInfinity(logV) ? 0.0 : Math.Exp(logV - logSum);
            var wu = 1 - wv;
            gR += w * (_dR[k] - (wu * logAlphaT));
            gAlpha += w * ((r / alpha) - (wu * (r + x) / (alpha + t)));
            gS += w * (Math.Log(beta) - (wu * logBetaT));
            gBeta += w * ((s / beta) - (wu * s / (beta + t)));
            if (wv == 0)
            {
                continue;
            }

            // d ln A0 = (d ln G(tx) − ρ d ln G(T)) / (1 − ρ), per parameter.
            var rho = 1 - oneMinusRho;
            double DLnA0(double d1, double d2) => (d1 - (rho * d2)) / oneMinusRho;
            var logM1 = Math.Log(m + tx);
            var logM2 = Math.Log(m + t);

            // Derivatives of ln G(y) = ln F(a, b; a+1; z) − a ln(m+y) with respect to a, b and z, and of z.
            double dzDm1 = (other + tx) / ((m + tx) * (m + tx)), dzDo1 = -1 / (m + tx);
            double dzDm2 = (other + t) / ((m + t) * (m + t)), dzDo2 = -1 / (m + t);
            var dLnGdA1 = dA1 - logM1;
            var dLnGdA2 = dA2 - logM2;
            var dR = alphaIsLarger ? DLnA0(dLnGdA1, dLnGdA2) : DLnA0(dLnGdA1 + dB1, dLnGdA2 + dB2);
            var dS = alphaIsLarger ? DLnA0(dLnGdA1 + dB1, dLnGdA2 + dB2) : DLnA0(dLnGdA1, dLnGdA2);
            var dM = DLnA0((dZ1 * dzDm1) - (a / (m + tx)), (dZ2 * dzDm2) - (a / (m + t)));
            var dO = DLnA0(dZ1 * dzDo1, dZ2 * dzDo2);
            gR += w * wv * (dR - (1 / a));
            gS += w * wv * (dS + (1 / s) - (1 / a));
            gAlpha += w * wv * (alphaIsLarger ? dM : dO);
            gBeta += w * wv * (alphaIsLarger ? dO : dM);
        }

        if (withGradient)
        {
            gradient[0] += gR;
            gradient[1] += gAlpha;
            gradient[2] += gS;
            gradient[3] += gBeta;
        }

        return total;
    }

    /// <summary>
    /// ln(αʳβˢ·(α+T)^−(r+x)·(β+T)^−s), the "still alive at T" term of one customer's likelihood without the constant
    /// Γ(r+x)/Γ(r), with the powers of α and β canceled by log1p.
    /// </summary>
    public static double LogSurvivorTerm(double r, double alpha, double s, double beta, double x, double t) =>
        (-r * SpecialFunctions.Log1P(t / alpha)) - (x * Math.Log(alpha + t)) - (s * SpecialFunctions.Log1P(t / beta));

    /// <summary>
    /// ln(αʳβˢ·V) with V = s/(r+s+x) · A₀, the "dropped out between tₓ and T" term of one customer's likelihood
    /// (without the constant Γ(r+x)/Γ(r)), by the ₂F₁ series where it is short and by quadrature otherwise (as in
    /// the likelihood). −∞ when tₓ = T; NaN when it cannot be evaluated.
    /// </summary>
    public static double LogDropout(double r, double alpha, double s, double beta, double x, double tx, double t)
    {
        var alphaIsLarger = alpha >= beta;
        var m = alphaIsLarger ? alpha : beta;
        var other = alphaIsLarger ? beta : alpha;
        var a = r + s + x;
        var b = alphaIsLarger ? s + 1 : r + x;
        if (!SeriesIsShort(b, (m - other) / (m + tx)))
        {
            return Math.Log(s) - (x * Math.Log(alpha)) - Math.Log(beta) + ParetoNbdDropoutIntegral.Log(r + x, alpha, s + 1, beta, tx, t, out _, out _, out _, out _);
        }

        var lnG1 = Hypergeometric.Log2F1(a, b, a + 1, (m - other) / (m + tx)) - (a * Math.Log(m + tx));
        var lnG2 = Hypergeometric.Log2F1(a, b, a + 1, (m - other) / (m + t)) - (a * Math.Log(m + t));
        var oneMinusRho = -SpecialFunctions.ExpM1(lnG2 - lnG1);
        // 1 − ρ ≤ 0 only by rounding, when tₓ = T or nearly so.
        return double.IsNaN(oneMinusRho) ? double.NaN
            : oneMinusRho > 0 ? Math.Log(s) - Math.Log(a) + lnG1 + Math.Log(oneMinusRho) + (r * Math.Log(alpha)) + (s * Math.Log(beta)) : double.NegativeInfinity;
    }

    /// <summary>
    /// Whether the ₂F₁(a, b; a+1; z) series is short enough to beat the quadrature: it needs about
    /// (b·z + 40)/(1 − z) terms (they grow until j ≈ b·z/(1 − z), then fall by z a term), against
    /// <see cref="SeriesTermLimit"/>.
    /// </summary>
    internal static bool SeriesIsShort(double b, double z) => (b * z) + 40 <= SeriesTermLimit * (1 - z);

    /// <summary>ln G(y) and d ln F/da, d ln F/db, d ln F/dz at y (derivatives of F divided by F).</summary>
    private static bool G(double a, double b, double m, double other, double y, out double lnG, out double dA, out double dB, out double dZ)
    {
        var z = (m - other) / (m + y);
        var ok = Hypergeometric.SeriesAPlusOne(a, b, z, MaxSeriesTerms, out var logF, out dA, out dB, out dZ);
        lnG = logF - (a * Math.Log(m + y));
        return ok;
    }
}
