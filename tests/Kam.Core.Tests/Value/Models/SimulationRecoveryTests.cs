using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Tests.Value.Models;

/// <summary>
/// Every fitter recovers the parameters of data simulated (with a fixed seed) from its own model, within sampling
/// error: each estimate lies within four of its standard errors of the truth.
/// </summary>
public sealed class SimulationRecoveryTests
{
    private static readonly CustomerBaseModelFitter Fitter = new();

    [Fact]
    public void BgNbd_recovers_simulated_parameters()
    {
        var data = new Simulate(1).BgNbd(20_000, r: 0.5, alpha: 6, a: 0.8, b: 2.5, age: 52);
        AssertRecovered(Fitter.FitBgNbd(data), [0.5, 6, 0.8, 2.5]);
    }

    [Fact]
    public void ParetoNbd_recovers_simulated_parameters()
    {
        var data = new Simulate(2).ParetoNbd(10_000, r: 0.6, alpha: 10, s: 0.8, beta: 12, age: 52);
        AssertRecovered(Fitter.FitParetoNbd(data), [0.6, 10, 0.8, 12]);
    }

    [Fact]
    public void GammaGamma_recovers_simulated_parameters()
    {
        var data = new Simulate(3).GammaGamma(5_000, p: 6, q: 4, gamma: 15);
        AssertRecovered(Fitter.FitGammaGamma(data), [6, 4, 15]);
    }

    [Fact]
    public void BgBb_recovers_simulated_parameters()
    {
        var data = new Simulate(4).BgBb(20_000, alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8, opportunities: 6);
        Assert.InRange(data.RowCount, 2, 22);
        AssertRecovered(Fitter.FitBgBb(data), [1.2, 0.75, 0.66, 2.8]);
    }

    [Fact]
    public void ShiftedBetaGeometric_recovers_simulated_parameters()
    {
        var cohort = new Simulate(5).ShiftedBetaGeometric(20_000, gamma: 0.7, delta: 3.8, periods: 12);
        AssertRecovered(Fitter.FitShiftedBetaGeometric(cohort), [0.7, 3.8]);
    }

    private static void AssertRecovered<TModel>(ModelFit<TModel> fit, double[] truth)
        where TModel : class
    {
        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        for (var i = 0; i < truth.Length; i++)
        {
            var estimate = fit.Parameters[i];
            Assert.NotNull(estimate.StandardError);
            Assert.True(Math.Abs(estimate.Value - truth[i]) <= 4 * estimate.StandardError!.Value,
                $"{estimate.Name}: estimate {estimate.Value} ± {estimate.StandardError}, truth {truth[i]}");
        }
    }
}
