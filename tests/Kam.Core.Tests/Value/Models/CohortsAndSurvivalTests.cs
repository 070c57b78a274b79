using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Tests.Value.Models;

/// <summary>The sBG fit over several cohorts and the BG/NBD survival curve (both used by <c>kam ltv</c>).</summary>
public sealed class CohortsAndSurvivalTests
{
    private static readonly CustomerBaseModelFitter Fitter = new();
    private static readonly RenewalCohort Regular = RenewalCohort.FromAliveCounts([1000, 631, 468, 382, 326, 289, 262, 241]);

    [Fact]
    public void One_cohort_in_a_list_fits_as_the_cohort_alone()
    {
        var alone = Fitter.FitShiftedBetaGeometric(Regular);
        var listed = Fitter.FitShiftedBetaGeometricCohorts([Regular]);
        Assert.True(listed.Diagnostics.Converged, listed.Diagnostics.Message);
        Assert.Equal(alone.Model.Gamma, listed.Model.Gamma, 9);
        Assert.Equal(alone.Model.Delta, listed.Model.Delta, 9);
        Assert.Equal(alone.Diagnostics.LogLikelihood, listed.Diagnostics.LogLikelihood, 6);
    }

    [Fact]
    public void Several_cohorts_maximise_the_sum_of_their_likelihoods()
    {
        RenewalCohort[] cohorts = [Regular, RenewalCohort.FromAliveCounts([500, 330, 250, 205]), RenewalCohort.FromAliveCounts([300, 180])];
        var fit = Fitter.FitShiftedBetaGeometricCohorts(cohorts);
        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        Assert.Equal(cohorts.Sum(c => fit.Model.LogLikelihood(c).LogLikelihood), fit.Diagnostics.LogLikelihood, 6);
        var gradient = cohorts.Select(fit.Model.LogLikelihood).Aggregate(LikelihoodContribution.Zero(2), (s, c) => s.Combine(c)).Gradient;
        Assert.All(gradient, g => Assert.InRange(Math.Abs(g), 0, 1e-4));
        Assert.All(fit.Parameters, p => Assert.NotNull(p.StandardError));
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => Fitter.FitShiftedBetaGeometricCohorts(Array.Empty<RenewalCohort>())).Errors[0].Code);
    }

    [Theory]
    [InlineData(0.8, 4.0, 2.5, 3.2, 10.0)]
    [InlineData(0.243, 4.414, 1.5, 2.426, 52.0)]
    [InlineData(2.0, 1.0, 3.0, 1.5, 200.0)]
    public void Bgnbd_survival_is_the_mixture_of_exponential_dropouts(double r, double alpha, double a, double b, double t)
    {
        // S(t) = E[(α/(α+tp))^r] over p ~ Beta(a, b), by the midpoint rule (a, b > 1: a smooth integrand).
        const int n = 200_000;
        double sum = 0, norm = 0;
        for (var i = 0; i < n; i++)
        {
            var p = (i + 0.5) / n;
            var density = Math.Pow(p, a - 1) * Math.Pow(1 - p, b - 1);
            sum += density * Math.Pow(alpha / (alpha + (t * p)), r);
            norm += density;
        }

        var model = new BgNbdModel(r, alpha, a, b);
        Assert.Equal(sum / norm, model.Survival(t), 6);
        Assert.Equal(1.0, model.Survival(0));
    }

    [Fact]
    public void Bgnbd_survival_falls_from_one_at_the_cdnow_estimates()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        var previous = 1.0;
        foreach (var t in new[] { 1.0, 10, 39, 78, 520, 5200 })
        {
            var s = model.Survival(t);
            Assert.InRange(s, 0, previous);
            previous = s;
        }

        Assert.Throws<KamValidationException>(() => model.Survival(-1));
    }
}
