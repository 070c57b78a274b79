using static Kam.Core.Value.Models.Numerics.SpecialFunctions;

using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models;

/// <summary>
/// The BG/BB log-likelihood (Fader, Hardie &amp; Berger 2010, "Customer-base analysis in a discrete-time
/// noncontractual setting", eq. 5), summed in log space:
/// L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ).
/// </summary>
/// <remarks>The gradient is taken by central differences (the data compress to a few patterns, so this is cheap).</remarks>
internal sealed class BgBbLikelihood(DiscreteHistoryData data) : RowLikelihood
{
    public override int Dimension => 4;

    public override int RowCount => data.RowCount;

    public override double CustomerCount => data.CustomerCount;

    public override bool HasGradient => false;

    public override double Sum(ReadOnlySpan<double> p, int start, int end, Span<double> gradient)
    {
        double total = 0;
        for (var i = start; i < end; i++)
        {
            total += data.Weight[i] * LogLikelihood(p[0], p[1], p[2], p[3], data.Histories[i]);
        }

        return total;
    }

    internal static double LogLikelihood(double alpha, double beta, double gamma, double delta, DiscreteHistory h)
    {
        int x = h.Frequency, tx = h.Recency, n = h.Opportunities;
        var lbAb = LogBeta(alpha, beta);
        var lbGd = LogBeta(gamma, delta);
        var log = LogBeta(alpha + x, beta + n - x) - lbAb + LogBeta(gamma, delta + n) - lbGd;
        for (var i = 0; i <= n - tx - 1; i++)
        {
            log = LogAddExp(log, LogBeta(alpha + x, beta + tx - x + i) - lbAb + LogBeta(gamma + 1, delta + tx + i) - lbGd);
        }

        return log;
    }
}
