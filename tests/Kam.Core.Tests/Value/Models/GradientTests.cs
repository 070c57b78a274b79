using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;
using Kam.Core.Value.Models.ParetoNbd;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Tests.Value.Models;

/// <summary>The analytic gradients agree with central differences of the log-likelihood.</summary>
public sealed class GradientTests
{
    public static TheoryData<double, double, double, double> ParetoPoints => new()
    {
        { 0.553, 10.58, 0.606, 11.67 },
        { 0.553, 11.67, 0.606, 10.58 },
        { 1.2, 3.0, 0.4, 30.0 },
        { 0.3, 40.0, 2.0, 5.0 },
    };

    [Theory]
    [MemberData(nameof(ParetoPoints))]
    public void ParetoNbd_gradient_matches_central_differences(double r, double alpha, double s, double beta)
    {
        var data = FrequencyRecencyData.Create([0, 1, 3, 10, 2, 0], [0, 5.5, 20.1, 30, 38.86, 0], [38.86, 38.86, 30.2, 35, 38.86, 32]);
        AssertGradient(new ParetoNbdLikelihood(data), [r, alpha, s, beta]);
    }

    [Theory]
    [InlineData(0.243, 4.414, 0.793, 2.426)]
    [InlineData(2.0, 0.5, 3.0, 0.7)]
    public void BgNbd_gradient_matches_central_differences(double r, double alpha, double a, double b)
    {
        var data = FrequencyRecencyData.Create([0, 1, 3, 10, 2, 0, 150], [0, 5.5, 20.1, 30, 38.86, 0, 37], [38.86, 38.86, 30.2, 35, 38.86, 32, 38]);
        AssertGradient(new BgNbdLikelihood(data), [r, alpha, a, b]);
    }

    [Fact]
    public void GammaGamma_and_sbg_gradients_match_central_differences()
    {
        AssertGradient(new GammaGammaLikelihood(SpendData.Create([1, 2, 5, 30], [10, 25.5, 7, 40])), [6.25, 3.74, 15.44]);
        AssertGradient(new ShiftedBetaGeometricLikelihood(RenewalCohort.FromAliveCounts([1000, 631, 468, 380, 318, 276, 247, 223])), [0.668, 3.806]);
    }

    private static void AssertGradient(RowLikelihood likelihood, double[] p)
    {
        var evaluator = new LikelihoodEvaluator(likelihood, 1);
        var g = new double[p.Length];
        evaluator.Evaluate(p, g);
        for (var i = 0; i < p.Length; i++)
        {
            var h = 1e-6 * p[i];
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (evaluator.Evaluate(up, []) - evaluator.Evaluate(down, [])) / (2 * h);
            Assert.True(Math.Abs(numeric - g[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"parameter {i}: analytic {g[i]}, numeric {numeric}");
        }
    }
}
