using static Kam.Core.Value.Models.Numerics.SpecialFunctions;

using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models;

/// <summary>
/// The Gamma-Gamma log-likelihood of mean transaction values (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Fader &amp;
/// Hardie's 2013 note "The Gamma-Gamma model of monetary value") and its analytic gradient in (p, q, γ):
/// ln f(z̄ | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
/// </summary>
internal sealed class GammaGammaLikelihood(SpendData data) : RowLikelihood
{
    public override int Dimension => 3;

    public override int RowCount => data.Frequency.Length;

    public override double CustomerCount => data.CustomerCount;

    public override double Sum(ReadOnlySpan<double> parameters, int start, int end, Span<double> gradient)
    {
        double p = parameters[0], q = parameters[1], gamma = parameters[2];
        var lgQ = LogGamma(q);
        var psiQ = Digamma(q);
        var logGamma = Math.Log(gamma);
        var withGradient = !gradient.IsEmpty;
        double total = 0, gP = 0, gQ = 0, gG = 0;
        for (var i = start; i < end; i++)
        {
            double x = data.Frequency[i], z = data.Mean[i], w = data.Weight[i];
            var px = p * x;
            var logZ = Math.Log(z);
            var logX = Math.Log(x);
            var logDen = Math.Log(gamma + (x * z));
            total += w * (LogGamma(px + q) - LogGamma(px) - lgQ + (q * logGamma) + ((px - 1) * logZ) + (px * logX) - ((px + q) * logDen));
            if (withGradient)
            {
                var psi = Digamma(px + q);
                gP += w * x * (psi - Digamma(px) + logZ + logX - logDen);
                gQ += w * (psi - psiQ + logGamma - logDen);
                gG += w * ((q / gamma) - ((px + q) / (gamma + (x * z))));
            }
        }

        if (withGradient)
        {
            gradient[0] += gP;
            gradient[1] += gQ;
            gradient[2] += gG;
        }

        return total;
    }
}
