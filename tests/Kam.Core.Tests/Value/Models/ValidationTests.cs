using Kam.Core.DependencyInjection;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Summaries;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Tests.Value.Models;

/// <summary>Impossible data gets typed errors with paths; a fit that cannot converge says so.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Impossible_histories_are_refused_with_paths_and_codes()
    {
        var ex = Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create(
            [1, -1, 1.5, double.NaN, 0, 2],
            [10, 0, 3, 0, 4, 40],
            [20, 5, 5, 5, 5, 30]));
        Assert.Contains(ex.Errors, e => e.Path == "customers[1].frequency" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "customers[2].frequency" && e.Code == KamErrorCodes.InvalidFormat);
        Assert.Contains(ex.Errors, e => e.Path == "customers[3].frequency" && e.Code == KamErrorCodes.NotFinite);
        Assert.Contains(ex.Errors, e => e.Path == "customers[4].recency" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "customers[5].recency" && e.Code == KamErrorCodes.OutOfOrder);
        Assert.DoesNotContain(ex.Errors, e => e.Path.StartsWith("customers[0]", StringComparison.Ordinal));
        Assert.Equal(KamErrorCodes.OutOfOrder, Assert.Throws<KamValidationException>(() => new CustomerHistory(2, 10, 9)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([], [], [])).Errors[0].Code);
        Assert.Throws<KamValidationException>(() => FrequencyRecencyData.FromSummaries([new CustomerSummary("x", 1, 50, 40, 10, 2)]));
        Assert.Throws<KamValidationException>(() => SpendData.Create([0], [10]));
        Assert.Throws<KamValidationException>(() => new DiscreteHistory(3, 2, 6));
        Assert.Throws<KamValidationException>(() => new BgNbdModel(0.2, double.NaN, 1, 1));
        Assert.Throws<KamValidationException>(() => new LifetimeValueHorizon(0, 1, 0.1));
        Assert.Throws<KamValidationException>(() => new BgNbdModel(0.243, 4.414, 0.793, 2.426).ExpectedTransactions(-1));
    }

    [Fact]
    public void Compression_merges_identical_histories_without_changing_the_likelihood()
    {
        var full = FrequencyRecencyData.Create([0, 0, 2, 2, 1], [0, 0, 10, 10, 3], [30, 30, 30, 30, 30]);
        var weighted = FrequencyRecencyData.Create([0, 2, 1], [0, 10, 3], [30, 30, 30], [2, 2, 1]);
        Assert.Equal(3, full.RowCount);
        Assert.Equal(5, full.CustomerCount);
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        Assert.Equal(model.LogLikelihood(full).LogLikelihood, model.LogLikelihood(weighted).LogLikelihood, 12);
    }

    [Fact]
    public void A_fit_that_cannot_converge_says_so()
    {
        // Nobody ever buys again: the purchase rate is driven to zero; the fit reports it instead of throwing or NaN.
        var data = FrequencyRecencyData.Create([0, 0, 0], [0, 0, 0], [10, 20, 30]);
        var fit = new CustomerBaseModelFitter(new FitSettings(maxIterations: 50)).FitBgNbd(data);
        Assert.False(fit.Diagnostics.Converged, string.Join(", ", fit.Parameters));
        Assert.False(string.IsNullOrWhiteSpace(fit.Diagnostics.Message));
        Assert.All(fit.Parameters, p => Assert.True(double.IsFinite(p.Value)));
        Assert.True(double.IsFinite(fit.Diagnostics.LogLikelihood));
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        var ex = Assert.Throws<KamValidationException>(() => new FitSettings(maxIterations: 0, gradientTolerance: double.NaN));
        Assert.Contains(ex.Errors, e => e.Path == "maxIterations");
        Assert.Contains(ex.Errors, e => e.Path == "gradientTolerance");
    }

    [Fact]
    public void AddKamCore_registers_the_fitter_and_calculator()
    {
        using var provider = new ServiceCollection().AddKamCore().BuildServiceProvider();
        Assert.IsType<CustomerBaseModelFitter>(provider.GetRequiredService<ICustomerBaseModelFitter>());
        Assert.Same(provider.GetRequiredService<ILifetimeValueCalculator>(), provider.GetRequiredService<ILifetimeValueCalculator>());
    }
}
