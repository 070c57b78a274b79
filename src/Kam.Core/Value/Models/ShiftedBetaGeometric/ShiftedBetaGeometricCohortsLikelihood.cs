using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.ShiftedBetaGeometric;

/// <summary>The sBG log-likelihood of several cohorts: the sum of each cohort's (one row per cohort).</summary>
internal sealed class ShiftedBetaGeometricCohortsLikelihood(ShiftedBetaGeometricLikelihood[] cohorts) : RowLikelihood
{
    public override int Dimension => 2;

    public override int RowCount => cohorts.Length;

    public override double CustomerCount => cohorts.Sum(c => c.CustomerCount);

    public override double Sum(ReadOnlySpan<double> parameters, int start, int end, Span<double> gradient)
    {
        double total = 0;
        for (var i = start; i < end; i++)
        {
            total += cohorts[i].Sum(parameters, 0, cohorts[i].RowCount, gradient);
        }

        return total;
    }
}
