using static Kam.Core.Value.Models.SpecialFunctions;

namespace Kam.Core.Value.Models;

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
/// <see cref="Hypergeometric.SeriesAPlusOne"/>). A series that needs more than <see cref="MaxSeriesTerms"/> terms
/// (|α − β| enormous relative to min(α, β)) makes the evaluation NaN, which the optimiser treats as a rejected step.
/// </remarks>
internal sealed class ParetoNbdLikelihood(FrequencyRecencyData data) : RowLikelihood
{
    public const int MaxSeriesTerms = 100_000;

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
            _constant[k] = LogGamma(r + distinct[k]) + constant;
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
            var logE1 = (-(r + x) * logAlphaT) - (s * logBetaT);

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
            var logV = oneMinusRho > 0 ? logS - Math.Log(a) + lnG1 + Math.Log(oneMinusRho) : double.NegativeInfinity;
            var logSum = LogAddExp(logE1, logV);
            total += w * (_constant[groups[i]] + logSum);
            if (!withGradient)
            {
                continue;
            }

            var wv = double.IsNegativeInfinity(logV) ? 0.0 : Math.Exp(logV - logSum);
            var wu = 1 - wv;
            var k = groups[i];
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

    /// <summary>ln G(y) and d ln F/da, d ln F/db, d ln F/dz at y (derivatives of F divided by F).</summary>
    private static bool G(double a, double b, double m, double other, double y, out double lnG, out double dA, out double dB, out double dZ)
    {
        var z = (m - other) / (m + y);
        var ok = Hypergeometric.SeriesAPlusOne(a, b, z, MaxSeriesTerms, out var logF, out dA, out dB, out dZ);
        lnG = logF - (a * Math.Log(m + y));
        return ok;
    }
}
