using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.Numerics;
using Kam.Core.Value.Models.ParetoNbd;

namespace Kam.Core.Tests.Value.Models;

/// <summary>
/// The Pareto/NBD dropout term where the ₂F₁ argument z = |α − β|/(max(α, β) + y) is close to 1 (one scale dwarfs the
/// other, as on the way to the boundary s, β → ∞): quadrature values, its agreement with the series where both apply,
/// gradients, and a fit on data whose likelihood is maximized at that boundary.
/// </summary>
public sealed class ParetoNbdNearBoundaryTests
{
    /// <summary>
    /// (p, α, q, β, tₓ, T, ln J) with J = ∫ (1 + τ/α)^−p (1 + τ/β)^−q dτ over [tₓ, T], from mpmath at 40 digits as
    /// αᵖβ^q·(G(tₓ) − G(T)) with G(y) = ₂F₁(p+q−1, b; p+q; z(y)) / ((max(α, β) + y)^(p+q−1)·(p+q−1)) (Fader, Hardie
    /// and Shang's Pfaff forms), an evaluation independent of the quadrature.
    /// </summary>
    public static TheoryData<double, double, double, double, double, double, double> MpmathValues => new()
    {
        { 1.62763, 14.163, 1000001.0, 140000000.0, 0.0, 104.0, 2.6473340992813554 }, // z = 1 − 1.0e-7
        { 3.62763, 14.163, 1000001.0, 140000000.0, 52.5, 104.0, -3.1302519056471096 }, // z = 1 − 4.8e-7
        { 0.5, 0.01, 2.5, 100000.0, 0.0, 80.0, 0.569721599435099 }, // z = 1 − 1.0e-7
        { 21.6, 14.163, 15000.0, 2000000.0, 30.0, 100.0, -24.04384003178021 }, // z = 1 − 2.2e-5
        { 2.2, 300000.0, 0.7, 2.0, 0.0, 60.0, 2.4856570640646236 }, // z = 1 − 6.7e-6
        { 0.9, 10000000.0, 1.3, 0.5, 10.5, 39.0, -1.560487882828853 }, // z = 1 − 1.1e-6
        { 1.0, 1.0, 1.5, 1000000000.0, 0.0, 1000.0, 1.9327892003265088 }, // z = 1 − 1.0e-9
    };

    [Theory]
    [MemberData(nameof(MpmathValues))]
    public void Quadrature_matches_high_precision_values_near_z_one(double p, double alpha, double q, double beta, double from, double to, double expected)
    {
        var value = ParetoNbdDropoutIntegral.Log(p, alpha, q, beta, from, to, out _, out _, out _, out _);
        Assert.Equal(expected, value, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Quadrature_matches_a_closed_form()
    {
        // α = β: the integrand is (1 + τ/α)^−(p+q), whose integral is α/(p+q−1)·((1 + tₓ/α)^(1−p−q) − (1 + T/α)^(1−p−q)).
        double p = 2.5, q = 1.7, alpha = 3.0, from = 4.0, to = 90.0;
        var expected = Math.Log(alpha / (p + q - 1) * (Math.Pow(1 + (from / alpha), 1 - p - q) - Math.Pow(1 + (to / alpha), 1 - p - q)));
        Assert.Equal(expected, ParetoNbdDropoutIntegral.Log(p, alpha, q, alpha, from, to, out _, out _, out _, out _), 1e-13);
    }

    [Theory]
    [InlineData(0.6, 10.0, 0.8, 40.0)]
    [InlineData(1.2, 3.0, 2.0, 60.0)]
    [InlineData(5.0, 80.0, 1.5, 2.0)]
    [InlineData(0.4, 1.0, 0.5, 12.0)]
    public void Series_and_quadrature_agree_where_both_apply(double r, double alpha, double s, double beta)
    {
        // z from about 0.3 to 0.95 over these customers: the series is still exact there, if slower.
        foreach (var (x, tx, t) in new[] { (0.0, 0.0, 39.0), (1.0, 2.0, 39.0), (4.0, 20.5, 39.0), (12.0, 38.0, 39.0), (2.0, 0.5, 10.0) })
        {
            var alphaIsLarger = alpha >= beta;
            var (m, other) = alphaIsLarger ? (alpha, beta) : (beta, alpha);
            var a = r + s + x;
            var b = alphaIsLarger ? s + 1 : r + x;
            var lnG1 = Hypergeometric.Log2F1(a, b, a + 1, (m - other) / (m + tx)) - (a * Math.Log(m + tx));
            var lnG2 = Hypergeometric.Log2F1(a, b, a + 1, (m - other) / (m + t)) - (a * Math.Log(m + t));
            var series = Math.Log(s) - Math.Log(a) + lnG1 + Math.Log(-SpecialFunctions.ExpM1(lnG2 - lnG1)) + (r * Math.Log(alpha)) + (s * Math.Log(beta));
            var quadrature = Math.Log(s) - (x * Math.Log(alpha)) - Math.Log(beta)
                + ParetoNbdDropoutIntegral.Log(r + x, alpha, s + 1, beta, tx, t, out _, out _, out _, out _);
            Assert.Equal(series, quadrature, 1e-11 * Math.Max(1, Math.Abs(series)));
        }
    }

    public static TheoryData<double, double, double, double> NearBoundaryPoints => new()
    {
        { 1.63, 14.2, 5e4, 7e6 },
        { 1.63, 14.2, 5e6, 7e8 },
        { 0.5, 2e5, 0.8, 3.0 },
        { 3.0, 0.05, 0.4, 900.0 },
    };

    [Theory]
    [MemberData(nameof(NearBoundaryPoints))]
    public void Gradient_matches_central_differences_near_z_one(double r, double alpha, double s, double beta)
    {
        var data = FrequencyRecencyData.Create([0, 1, 3, 10, 2, 0, 25], [0, 5.5, 20.1, 30, 38.86, 0, 38.5], [38.86, 38.86, 30.2, 35, 38.86, 32, 38.86]);
        var likelihood = new ParetoNbdLikelihood(data);
        var evaluator = new LikelihoodEvaluator(likelihood, 1);
        double[] p = [r, alpha, s, beta];
        var g = new double[4];
        evaluator.Evaluate(p, g);
        for (var i = 0; i < 4; i++)
        {
            // Differences in the log-parameter (the optimizer's coordinates), scaled back.
            var h = 1e-5;
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[i] *= Math.Exp(h);
            down[i] *= Math.Exp(-h);
            var numeric = (evaluator.Evaluate(up, []) - evaluator.Evaluate(down, [])) / (2 * h);
            var analytic = g[i] * p[i];
            Assert.True(Math.Abs(numeric - analytic) <= 1e-6 * Math.Max(1, Math.Abs(numeric)), $"parameter {i}: analytic {analytic}, numeric {numeric}");
        }
    }

    [Fact]
    public void Predictions_are_finite_near_the_boundary()
    {
        var model = new ParetoNbdModel(1.63, 14.2, 4.4e10, 6.0e12);
        foreach (var customer in new[] { new CustomerHistory(0, 0, 104), new CustomerHistory(3, 50, 104), new CustomerHistory(20, 103.5, 104) })
        {
            var alive = model.ProbabilityAlive(customer);
            Assert.InRange(alive, 0, 1);
            Assert.True(double.IsFinite(model.ConditionalExpectedTransactions(customer, 52)));
        }
    }

    [Fact]
    public void Fit_ends_within_its_iterations_and_honestly_when_dropout_is_homogeneous()
    {
        // Shaped like a small shop's two years in weeks: 185 customers with a common dropout rate μ = s/β ≈ 0.0073,
        // so the likelihood rises toward s, β → ∞. The fit used to sum ₂F₁ series of ~1/(1 − z) terms and took minutes;
        // how long it takes now is a benchmark's business (CustomerBaseModelBenchmarks), not a unit test's: here it
        // must end inside its iteration budget with finite parameters.
        var data = new Simulate(11).ParetoNbd(185, r: 1.6, alpha: 14, s: 1e6, beta: 1.37e8, age: 104);
        var fit = new CustomerBaseModelFitter().FitParetoNbd(data);
        Assert.All(fit.Parameters, p => Assert.True(double.IsFinite(p.Value) && p.Value > 0, p.Name));
        Assert.True(double.IsFinite(fit.Diagnostics.LogLikelihood));
        Assert.True(fit.Diagnostics.Iterations < FitSettings.Default.MaxIterations, fit.Diagnostics.Message);
        if (!fit.Diagnostics.Converged)
        {
            Assert.Contains("edge of the parameter space", fit.Diagnostics.Message, StringComparison.Ordinal);
        }

        Assert.True(fit.Model.S / fit.Model.Beta is > 0.003 and < 0.02, $"dropout rate {fit.Model.S / fit.Model.Beta}");
        Assert.InRange(fit.Model.ProbabilityAlive(new CustomerHistory(2, 30, 104)), 0, 1);
    }
}
