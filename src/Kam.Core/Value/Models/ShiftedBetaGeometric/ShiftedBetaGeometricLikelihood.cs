using static Kam.Core.Value.Models.Numerics.SpecialFunctions;

using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.ShiftedBetaGeometric;

/// <summary>
/// The sBG log-likelihood of a renewal cohort (Fader &amp; Hardie 2007, "How to project customer retention", eq. 5)
/// and its analytic gradient in (γ, δ): Σₜ (nₜ₋₁ − nₜ) ln P(T = t) + n_last ln S(last), with
/// P(T = t) = B(γ+1, δ+t−1)/B(γ, δ) and S(t) = B(γ, δ+t)/B(γ, δ).
/// </summary>
internal sealed class ShiftedBetaGeometricLikelihood(RenewalCohort cohort) : RowLikelihood
{
    public override int Dimension => 2;

    public override int RowCount => cohort.Periods;

    public override double CustomerCount => cohort.Alive[0];

    public override double Sum(ReadOnlySpan<double> p, int start, int end, Span<double> gradient)
    {
        double g = p[0], d = p[1];
        var lb = LogBeta(g, d);
        double psiG = Digamma(g), psiD = Digamma(d), psiGd = Digamma(g + d);
        var withGradient = !gradient.IsEmpty;
        double total = 0, dG = 0, dD = 0;
        for (var t = start + 1; t <= end; t++)
        {
            double churned = cohort.Alive[t - 1] - cohort.Alive[t];
            if (churned > 0)
            {
                total += churned * (LogBeta(g + 1, d + t - 1) - lb);
                if (withGradient)
                {
                    var psiAll = Digamma(g + d + t);
                    dG += churned * (Digamma(g + 1) - psiAll - psiG + psiGd);
                    dD += churned * (Digamma(d + t - 1) - psiAll - psiD + psiGd);
                }
            }

            if (t == cohort.Periods && cohort.Alive[t] > 0)
            {
                double survivors = cohort.Alive[t];
                total += survivors * (LogBeta(g, d + t) - lb);
                if (withGradient)
                {
                    var psiAll = Digamma(g + d + t);
                    dG += survivors * (psiGd - psiAll);
                    dD += survivors * (Digamma(d + t) - psiAll - psiD + psiGd);
                }
            }
        }

        if (withGradient)
        {
            gradient[0] += dG;
            gradient[1] += dD;
        }

        return total;
    }
}
