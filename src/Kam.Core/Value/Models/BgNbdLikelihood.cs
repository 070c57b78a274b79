using static Kam.Core.Value.Models.Numerics.SpecialFunctions;

using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models;

/// <summary>
/// The BG/NBD log-likelihood (Fader, Hardie &amp; Lee 2005, eq. 6) and its analytic gradient in (r, α, a, b).
/// </summary>
/// <remarks>
/// ln L = A(x) + ln(e^{A₃} + δₓ₍₀ e^{A₄}) with A(x) = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b),
/// A₃ = −(r+x) ln(α+T), A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ). A(x) and its derivatives depend on the row only
/// through x, so they are computed once per distinct frequency in <see cref="Prepare"/>; a row then costs two
/// logarithms and one exponential, in log space (no overflow for large x).
/// </remarks>
internal sealed class BgNbdLikelihood(FrequencyRecencyData data) : RowLikelihood
{
    private readonly double[] _constant = new double[data.DistinctFrequencies.Length];
    private readonly double[] _logRatio = new double[data.DistinctFrequencies.Length];
    private readonly double[] _dR = new double[data.DistinctFrequencies.Length];
    private readonly double[] _dA = new double[data.DistinctFrequencies.Length];
    private readonly double[] _dB = new double[data.DistinctFrequencies.Length];

    public override int Dimension => 4;

    public override int RowCount => data.RowCount;

    public override double CustomerCount => data.CustomerCount;

    public override bool Prepare(ReadOnlySpan<double> p)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        var lgR = LogGamma(r);
        var lgAb = LogGamma(a + b);
        var lgB = LogGamma(b);
        var psiR = Digamma(r);
        var psiAb = Digamma(a + b);
        var psiB = Digamma(b);
        var logAlpha = Math.Log(alpha);
        var distinct = data.DistinctFrequencies;
        for (var k = 0; k < distinct.Length; k++)
        {
            var x = distinct[k];
            _constant[k] = LogGamma(r + x) - lgR + (r * logAlpha) + lgAb + LogGamma(b + x) - lgB - LogGamma(a + b + x);
            _dR[k] = Digamma(r + x) - psiR + logAlpha;
            var psiAbx = Digamma(a + b + x);
            _dA[k] = psiAb - psiAbx;
            _dB[k] = psiAb + Digamma(b + x) - psiB - psiAbx;
            _logRatio[k] = x > 0 ? Math.Log(a) - Math.Log(b + x - 1) : double.NegativeInfinity;
        }

        return double.IsFinite(lgR + lgAb + lgB + logAlpha);
    }

    public override double Sum(ReadOnlySpan<double> p, int start, int end, Span<double> gradient)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        double[] xs = data.Frequency, txs = data.Recency, ts = data.Age, ws = data.Weight;
        var groups = data.GroupOfRow;
        var withGradient = !gradient.IsEmpty;
        double total = 0, gR = 0, gAlpha = 0, gA = 0, gB = 0;
        for (var i = start; i < end; i++)
        {
            var k = groups[i];
            var x = xs[i];
            var w = ws[i];
            var rx = r + x;
            var logT = Math.Log(alpha + ts[i]);
            var a3 = -rx * logT;
            if (x == 0)
            {
                total += w * (_constant[k] + a3);
                if (withGradient)
                {
                    gR += w * (_dR[k] - logT);
                    gAlpha += w * ((r / alpha) - (rx / (alpha + ts[i])));
                    gA += w * _dA[k];
                    gB += w * _dB[k];
                }

                continue;
            }

            var logTx = Math.Log(alpha + txs[i]);
            var a4 = _logRatio[k] - (rx * logTx);

            // w4 = e^{a4} / (e^{a3} + e^{a4}), computed without overflow.
            double log, w4;
            if (a4 > a3)
            {
                var e = Math.Exp(a3 - a4);
                log = a4 + Math.Log(1 + e);
                w4 = 1 / (1 + e);
            }
            else
            {
                var e = Math.Exp(a4 - a3);
                log = a3 + Math.Log(1 + e);
                w4 = e / (1 + e);
            }

            total += w * (_constant[k] + log);
            if (withGradient)
            {
                var w3 = 1 - w4;
                gR += w * (_dR[k] - (w3 * logT) - (w4 * logTx));
                gAlpha += w * ((r / alpha) - (w3 * rx / (alpha + ts[i])) - (w4 * rx / (alpha + txs[i])));
                gA += w * (_dA[k] + (w4 / a));
                gB += w * (_dB[k] - (w4 / (b + x - 1)));
            }
        }

        if (withGradient)
        {
            gradient[0] += gR;
            gradient[1] += gAlpha;
            gradient[2] += gA;
            gradient[3] += gB;
        }

        return total;
    }
}
