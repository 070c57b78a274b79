using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Tests.Value.Models;

/// <summary>
/// The special functions against published reference values (Abramowitz &amp; Stegun; mpmath to 16 digits), on both
/// sides of the recurrence shift, and the limits of the data and settings the fitter accepts.
/// </summary>
public sealed class SpecialFunctionReferenceTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.5, 0.57236494292470008707)]        // ln √π
    [InlineData(0.001, 6.9071788853838536)]
    [InlineData(10.0, 12.801827480081469611)]        // ln 9!
    [InlineData(14.5, 23.86276584168908)]
    [InlineData(15.0, 25.191221182738681500)]        // ln 14!, where the series is used directly
    [InlineData(20.0, 39.339884187199494036)]        // ln 19!
    [InlineData(100.0, 359.13420536957539878)]
    public void Log_gamma_matches_reference_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-12 * Math.Max(1.0, Math.Abs(expected)));

    [Theory]
    [InlineData(1.0, -0.57721566490153286061)]      // −γ
    [InlineData(0.5, -1.9635100260214234794)]       // −γ − 2 ln 2
    [InlineData(2.0, 0.42278433509846713939)]       // 1 − γ
    [InlineData(10.0, 2.2517525890667211076)]
    [InlineData(100.0, 4.6001618527380874002)]
    public void Digamma_matches_reference_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Digamma(x), 1e-12);

    [Fact]
    public void Log_beta_is_the_log_of_the_beta_function()
    {
        Assert.Equal(Math.Log(1.0 / 12.0), SpecialFunctions.LogBeta(2, 3), 1e-13); // B(2, 3) = 1!·2!/4!
        Assert.Equal(Math.Log(Math.PI), SpecialFunctions.LogBeta(0.5, 0.5), 1e-13);
    }

    [Fact]
    public void Log_sums_and_differences_of_exponentials()
    {
        Assert.Equal(1.0, SpecialFunctions.LogAddExp(double.NegativeInfinity, 1.0));
        Assert.Equal(1.0, SpecialFunctions.LogAddExp(1.0, double.NegativeInfinity));
        Assert.Equal(Math.Log(8.0), SpecialFunctions.LogAddExp(Math.Log(3.0), Math.Log(5.0)), 1e-15);
        Assert.Equal(Math.Log(8.0), SpecialFunctions.LogAddExp(Math.Log(5.0), Math.Log(3.0)), 1e-15);
        Assert.Equal(Math.Log(2.0), SpecialFunctions.LogAddExp(0.0, 0.0), 1e-15);
        Assert.Equal(1000.0, SpecialFunctions.LogAddExp(1000.0, 0.0));
        Assert.Equal(1000.0, SpecialFunctions.LogAddExp(0.0, 1000.0));
        Assert.Equal(Math.Log(5.0), SpecialFunctions.LogSubExp(Math.Log(8.0), Math.Log(3.0)), 1e-14);
        Assert.Equal(1000.0 + Math.Log(1.0 - Math.Exp(-1.0)), SpecialFunctions.LogSubExp(1000.0, 999.0), 1e-12);
    }

    [Fact]
    public void ExpM1_and_Log1P_keep_the_digits_of_small_arguments()
    {
        Assert.Equal(0.0, SpecialFunctions.ExpM1(0.0));
        Assert.Equal(1e-20, SpecialFunctions.ExpM1(1e-20));
        Assert.Equal(1.00000000005e-10, SpecialFunctions.ExpM1(1e-10), 1e-24);
        Assert.Equal(-9.9999999995e-11, SpecialFunctions.ExpM1(-1e-10), 1e-24);
        Assert.Equal(Math.E - 1.0, SpecialFunctions.ExpM1(1.0), 1e-15);
        Assert.Equal(-1.0, SpecialFunctions.ExpM1(-1000.0));
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.ExpM1(1000.0));

        Assert.Equal(0.0, SpecialFunctions.Log1P(0.0));
        Assert.Equal(1e-20, SpecialFunctions.Log1P(1e-20));
        Assert.Equal(9.9999999995e-11, SpecialFunctions.Log1P(1e-10), 1e-24);
        Assert.Equal(-1.00000000005e-10, SpecialFunctions.Log1P(-1e-10), 1e-24);
        Assert.Equal(Math.Log(2.0), SpecialFunctions.Log1P(1.0), 1e-15);
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.Log1P(double.PositiveInfinity));
    }

    [Fact]
    public void Histories_at_their_limits()
    {
        // Recency may equal the age; a customer with no repeat has recency 0; weights must be positive.
        Assert.Equal(2, FrequencyRecencyData.Create([3, 0], [10, 0], [10, 5]).RowCount);
        var recency = Assert.Single(Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([3], [10.5], [10])).Errors);
        Assert.Equal(("customers[0].recency", KamErrorCodes.OutOfOrder), (recency.Path, recency.Code));
        Assert.Contains("cannot exceed the age (10)", recency.Message, StringComparison.Ordinal);
        var noRepeat = Assert.Single(Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([0], [1], [10])).Errors);
        Assert.Contains("recency 0", noRepeat.Message, StringComparison.Ordinal);
        var whole = Assert.Single(Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([0.5], [0], [10])).Errors);
        Assert.Contains("whole number", whole.Message, StringComparison.Ordinal);
        Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([1], [1], [2], [0]));
        Assert.Equal(1, FrequencyRecencyData.Create([1], [1], [2], [double.Epsilon]).RowCount);
    }

    [Fact]
    public void Fit_settings_and_horizons_at_their_limits()
    {
        var data = FrequencyRecencyData.Create([1, 2, 0], [1, 5, 0], [6, 6, 6]);
        Assert.NotNull(new CustomerBaseModelFitter(new FitSettings(maxIterations: 1, gradientTolerance: 1e-2, maxDegreeOfParallelism: 4096)).FitBgNbd(data));
        Assert.NotNull(new CustomerBaseModelFitter(new FitSettings(maxIterations: 3, gradientTolerance: 1e-14, maxDegreeOfParallelism: 0)).FitBgNbd(data));
        var ex = Assert.Throws<KamValidationException>(() => new FitSettings(maxIterations: 100_001, gradientTolerance: 0.011, maxDegreeOfParallelism: 4097));
        Assert.Equal(["maxIterations", "gradientTolerance", "maxDegreeOfParallelism"], ex.Errors.Select(e => e.Path));
        Assert.Equal("maxDegreeOfParallelism", Assert.Single(Assert.Throws<KamValidationException>(() => new FitSettings(maxDegreeOfParallelism: -1)).Errors).Path);
        Assert.Equal("gradientTolerance", Assert.Single(Assert.Throws<KamValidationException>(() => new FitSettings(gradientTolerance: 9e-15)).Errors).Path);

        Assert.Equal((1, 1.0, 0.0), Horizon(new LifetimeValueHorizon(1, 1.0, 0.0)));
        Assert.Equal(100_000, new LifetimeValueHorizon(100_000, 0.25, 0.1).Periods);
        var bad = Assert.Throws<KamValidationException>(() => new LifetimeValueHorizon(100_001, 0.0, -0.01));
        Assert.Equal(["horizon.periods", "horizon.periodLength", "horizon.discountRate"], bad.Errors.Select(e => e.Path));
    }

    private static (int, double, double) Horizon(LifetimeValueHorizon h) => (h.Periods, h.PeriodLength, h.DiscountRate);
}
