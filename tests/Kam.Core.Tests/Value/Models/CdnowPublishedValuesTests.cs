using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Tests.Value.Models;

/// <summary>The fitters on CDNOW against the published estimates (Fader, Hardie &amp; Lee 2005a, 2005b).</summary>
public sealed class CdnowPublishedValuesTests
{
    private static readonly CustomerBaseModelFitter Fitter = new();

    [Fact]
    public void BgNbd_log_likelihood_at_published_parameters_is_minus_9582_4()
    {
        var data = FrequencyRecencyData.FromSummaries(Cdnow.Summary());
        var ll = new BgNbdModel(0.243, 4.414, 0.793, 2.426).LogLikelihood(data).LogLikelihood;
        Assert.Equal(-9582.4, Math.Round(ll, 1));
    }

    [Fact]
    public void BgNbd_fit_matches_published_estimates()
    {
        var data = FrequencyRecencyData.FromSummaries(Cdnow.Summary());
        var fit = Fitter.FitBgNbd(data);
        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        var m = fit.Model;
        Assert.Equal(0.243, Math.Round(m.R, 3));
        Assert.Equal(4.414, Math.Round(m.Alpha, 3));
        Assert.Equal(0.793, Math.Round(m.A, 3));
        Assert.Equal(2.426, Math.Round(m.B, 3));
        Assert.Equal(-9582.4, Math.Round(fit.Diagnostics.LogLikelihood, 1));
        Assert.All(fit.Parameters, p => Assert.True(p.StandardError is > 0 and < 1, $"{p.Name} = {p.Value}, standard error {p.StandardError}"));
        Assert.Equal(2357, data.CustomerCount);
    }

    [Fact]
    public void ParetoNbd_fit_matches_published_estimates()
    {
        var fit = Fitter.FitParetoNbd(FrequencyRecencyData.FromSummaries(Cdnow.Summary()));
        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        var m = fit.Model;
        Assert.Equal(0.553, Math.Round(m.R, 3));
        Assert.Equal(10.58, Math.Round(m.Alpha, 2));
        Assert.Equal(0.606, Math.Round(m.S, 3));
        Assert.Equal(11.67, Math.Round(m.Beta, 2));
        Assert.All(fit.Parameters, p => Assert.NotNull(p.StandardError));
    }

    [Fact]
    public void GammaGamma_fit_matches_published_estimates()
    {
        var data = SpendData.FromSummaries(Cdnow.Summary());
        var fit = Fitter.FitGammaGamma(data);
        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        Assert.Equal(946, data.CustomerCount);
        Assert.Equal(6.25, Math.Round(fit.Model.P, 2));
        Assert.Equal(3.74, Math.Round(fit.Model.Q, 2));

        // The summary file's zbar is rounded to cents; on it the maximum is gamma = 15.447 (as the Python library
        // lifetimes also finds), one unit of the last published digit from the paper's 15.44.
        Assert.InRange(fit.Model.Gamma, 15.435, 15.45);
    }

    [Fact]
    public void GammaGamma_fit_on_the_unrounded_transaction_log_matches_all_published_digits()
    {
        // Mean repeat spend computed from CDNOW_sample.txt itself (not the cent-rounded zbar of the summary file)
        // gives the paper's estimates to every published digit: p = 6.25, q = 3.74, gamma = 15.44.
        SharedData.RequireFile("cdnow/CDNOW_sample.txt");
        var summary = new Kam.Core.Value.Summaries.TransactionSummarizer().Summarize(
            Kam.Core.Tests.Value.CdnowLog.ReadSample(), Kam.Core.Tests.Value.CdnowLog.CalibrationEnd, Kam.Core.Value.Summaries.SummaryTimeUnit.Weeks);
        var fit = Fitter.FitGammaGamma(SpendData.FromSummaries(summary.Customers));

        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.Message);
        Assert.Equal(6.25, Math.Round(fit.Model.P, 2));
        Assert.Equal(3.74, Math.Round(fit.Model.Q, 2));
        Assert.Equal(15.44, Math.Round(fit.Model.Gamma, 2));
    }

    [Fact]
    public void Fitting_from_partition_contributions_gives_the_same_estimates()
    {
        var summary = Cdnow.Summary();
        var partitions = summary.Chunk(800).Select(FrequencyRecencyData.FromSummaries).ToArray();
        var whole = Fitter.FitBgNbd(FrequencyRecencyData.FromSummaries(summary));
        var distributed = Fitter.FitBgNbdFromContributions(model =>
            partitions.Select(model.LogLikelihood).Aggregate(LikelihoodContribution.Zero(4), (sum, part) => sum.Combine(part)));
        Assert.True(distributed.Diagnostics.Converged, distributed.Diagnostics.Message);
        Assert.Equal(whole.Diagnostics.LogLikelihood, distributed.Diagnostics.LogLikelihood, 6);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(whole.Parameters[i].Value, distributed.Parameters[i].Value, 4);
        }

        var pareto = Fitter.FitParetoNbdFromContributions(model =>
            partitions.Select(model.LogLikelihood).Aggregate(LikelihoodContribution.Zero(4), (sum, part) => sum.Combine(part)));
        Assert.Equal(0.553, Math.Round(pareto.Model.R, 3));
        Assert.Equal(11.67, Math.Round(pareto.Model.Beta, 2));
    }
}
