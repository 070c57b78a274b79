using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Tests.Value.Models;

/// <summary>The sBG model against Fader &amp; Hardie (2007), "How to project customer retention".</summary>
public sealed class ShiftedBetaGeometricTests
{
    private static readonly CustomerBaseModelFitter Fitter = new();

    // Table 1 of the paper, years 0-7 (the calibration period): regular and high-end customers.
    [Theory]
    [InlineData(new long[] { 1000, 631, 468, 382, 326, 289, 262, 241 }, 0.704, 1.182)]
    [InlineData(new long[] { 1000, 869, 743, 653, 593, 551, 517, 491 }, 0.668, 3.806)]
    public void Fit_matches_the_published_example(long[] alive, double gamma, double delta)
    {
        var fit = Fitter.FitShiftedBetaGeometric(RenewalCohort.FromAliveCounts(alive));
        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        Assert.Equal(gamma, Math.Round(fit.Model.Gamma, 3));
        Assert.Equal(delta, Math.Round(fit.Model.Delta, 3));
    }

    [Fact]
    public void Retention_rises_with_tenure_and_survival_is_its_product()
    {
        var model = new ShiftedBetaGeometricModel(0.668, 3.806);
        Assert.Equal(0.668 / (0.668 + 3.806), model.MeanChurnProbability, 12);
        Assert.Equal(1 - model.MeanChurnProbability, model.RetentionRate(1), 12);
        var survival = 1.0;
        for (var t = 1; t <= 12; t++)
        {
            survival *= model.RetentionRate(t);
            Assert.Equal(survival, model.Survival(t), 12);
            Assert.Equal(model.Survival(t - 1) - model.Survival(t), model.ChurnProbability(t), 12);
            Assert.True(model.RetentionRate(t + 1) > model.RetentionRate(t));
        }
    }

    [Fact]
    public void Discounted_lifetimes_match_the_hypergeometric_closed_forms()
    {
        // Fader & Hardie (2010): DEL = 2F1(1, δ; γ+δ; 1/(1+d)), DERL(n) = (δ+n−1)/(γ+δ+n−1) · 2F1(1, δ+n; γ+δ+n; 1/(1+d)).
        var model = new ShiftedBetaGeometricModel(0.668, 3.806);
        const double d = 0.1;
        Assert.Equal(HypergeometricValue.Value(1, 3.806, 0.668 + 3.806, 1 / 1.1), model.DiscountedExpectedLifetime(d), 10);
        for (var n = 1; n <= 5; n++)
        {
            var closed = (3.806 + n - 1) / (0.668 + 3.806 + n - 1) * HypergeometricValue.Value(1, 3.806 + n, 0.668 + 3.806 + n, 1 / 1.1);
            Assert.Equal(closed, model.DiscountedExpectedResidualLifetime(n, d), 10);
        }
    }

    [Fact]
    public void Impossible_cohorts_are_refused_with_paths()
    {
        var ex = Assert.Throws<KamValidationException>(() => RenewalCohort.FromAliveCounts([100, 120, -1]));
        Assert.Contains(ex.Errors, e => e.Path == "alive[1]" && e.Code == KamErrorCodes.OutOfOrder);
        Assert.Contains(ex.Errors, e => e.Path == "alive[2]" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => RenewalCohort.FromAliveCounts([100])).Errors[0].Code);
    }
}
