using System.Collections.Immutable;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;

namespace Kam.Core.Tests.Value.Models;

/// <summary>The fitter's contract: its settings, and each fit refusing a missing argument by name before any work.</summary>
public sealed class FitterContractTests
{
    private static readonly CustomerBaseModelFitter Fitter = new();

    [Fact]
    public void A_fitter_keeps_the_settings_it_is_given_and_defaults_to_the_documented_ones()
    {
        var settings = new FitSettings(maxIterations: 7, gradientTolerance: 1e-4, maxDegreeOfParallelism: 1);
        Assert.Same(settings, new CustomerBaseModelFitter(settings).Settings);
        Assert.Same(FitSettings.Default, new CustomerBaseModelFitter().Settings);
        Assert.Same(FitSettings.Default, new CustomerBaseModelFitter(null).Settings);
    }

    [Fact]
    public void Every_fit_refuses_a_missing_argument_by_its_parameter_name()
    {
        Assert.Equal("cohort", Assert.Throws<ArgumentNullException>(() => Fitter.FitShiftedBetaGeometric(null!)).ParamName);
        Assert.Equal("cohorts", Assert.Throws<ArgumentNullException>(() => Fitter.FitShiftedBetaGeometricCohorts(null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Fitter.FitBgNbd(null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Fitter.FitParetoNbd(null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Fitter.FitGammaGamma(null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Fitter.FitBgBb(null!)).ParamName);
        Assert.Equal("totalLogLikelihood", Assert.Throws<ArgumentNullException>(() => Fitter.FitBgNbdFromContributions(null!)).ParamName);
        Assert.Equal("totalLogLikelihood", Assert.Throws<ArgumentNullException>(() => Fitter.FitParetoNbdFromContributions(null!)).ParamName);
    }

    [Fact]
    public void Fitting_no_cohorts_is_refused_with_its_path_code_value_and_reason()
    {
        Assert.Equal(
            new KamValidationError("cohorts", KamErrorCodes.Empty, "0", "At least one cohort is needed."),
            Assert.Single(Assert.Throws<KamValidationException>(() => Fitter.FitShiftedBetaGeometricCohorts([])).Errors));
    }

    [Fact]
    public void A_missing_cohort_is_refused_at_its_index()
    {
        var cohort = RenewalCohort.FromAliveCounts([1000, 631, 468, 382]);
        Assert.Equal(
            new KamValidationError("cohorts[1]", KamErrorCodes.Required, null, "A cohort is missing."),
            Assert.Single(Assert.Throws<KamValidationException>(() => Fitter.FitShiftedBetaGeometricCohorts([cohort, null!])).Errors));
    }

    [Fact]
    public void A_contribution_whose_gradient_does_not_match_the_parameters_is_refused()
    {
        // BG/NBD has four parameters; a host's contribution with three gradient elements is a programming error it must hear of.
        Assert.Equal(
            new KamValidationError("contribution.gradient", KamErrorCodes.InvalidSum, "3", "The contribution's gradient does not have one element per model parameter."),
            Assert.Single(Assert.Throws<KamValidationException>(() =>
                Fitter.FitBgNbdFromContributions(_ => new LikelihoodContribution(-10, ImmutableArray.Create(0.1, 0.2, 0.3), 5))).Errors));
    }
}
