using System.Collections.Immutable;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.Numerics;
using Kam.Core.Value.Models.ParetoNbd;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Value.Models;

/// <summary>The maximum-likelihood fitter of the customer-base models (see <see cref="ICustomerBaseModelFitter"/>).</summary>
/// <remarks>
/// Its settings are fixed when it is built; immutable and thread-safe: one instance serves every thread (registered
/// as a singleton by <c>AddKamCore</c>, with <see cref="ValueOptions.Fitting"/>).
/// </remarks>
public sealed class CustomerBaseModelFitter : ICustomerBaseModelFitter
{
    /// <summary>Creates a fitter.</summary>
    /// <param name="settings">How models are fitted; null for <see cref="FitSettings.Default"/>.</param>
    public CustomerBaseModelFitter(FitSettings? settings = null) => Settings = settings ?? FitSettings.Default;

    /// <summary>Gets how models are fitted.</summary>
    public FitSettings Settings { get; }

    /// <inheritdoc/>
    public ModelFit<ShiftedBetaGeometricModel> FitShiftedBetaGeometric(RenewalCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var likelihood = new ShiftedBetaGeometricLikelihood(cohort);
        return Fit(likelihood, ShiftedBetaGeometricModel.ParameterNames, [1, 1], p => new ShiftedBetaGeometricModel(p[0], p[1]));
    }

    /// <inheritdoc/>
    public ModelFit<ShiftedBetaGeometricModel> FitShiftedBetaGeometricCohorts(IReadOnlyList<RenewalCohort> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        if (cohorts.Count == 0)
        {
            throw new KamValidationException("cohorts", KamErrorCodes.Empty, "0", "At least one cohort is needed.");
        }

        for (var i = 0; i < cohorts.Count; i++)
        {
            if (cohorts[i] is null)
            {
                throw new KamValidationException($"cohorts[{i}]", KamErrorCodes.Required, null, "A cohort is missing.");
            }
        }

        var likelihood = new ShiftedBetaGeometricCohortsLikelihood(cohorts.Select(c => new ShiftedBetaGeometricLikelihood(c)).ToArray());
        return Fit(likelihood, ShiftedBetaGeometricModel.ParameterNames, [1, 1], p => new ShiftedBetaGeometricModel(p[0], p[1]));
    }

    /// <inheritdoc/>
    public ModelFit<BgNbdModel> FitBgNbd(FrequencyRecencyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(new BgNbdLikelihood(data), BgNbdModel.ParameterNames, [1, RateScale(data), 1, 1], p => new BgNbdModel(p[0], p[1], p[2], p[3]));
    }

    /// <inheritdoc/>
    public ModelFit<BgNbdModel> FitBgNbdFromContributions(Func<BgNbdModel, LikelihoodContribution> totalLogLikelihood)
    {
        ArgumentNullException.ThrowIfNull(totalLogLikelihood);
        return FitExternal(totalLogLikelihood, BgNbdModel.ParameterNames, p => new BgNbdModel(p[0], p[1], p[2], p[3]));
    }

    /// <inheritdoc/>
    public ModelFit<ParetoNbdModel> FitParetoNbd(FrequencyRecencyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(new ParetoNbdLikelihood(data), ParetoNbdModel.ParameterNames, [1, RateScale(data), 1, RateScale(data)], p => new ParetoNbdModel(p[0], p[1], p[2], p[3]));
    }

    /// <inheritdoc/>
    public ModelFit<ParetoNbdModel> FitParetoNbdFromContributions(Func<ParetoNbdModel, LikelihoodContribution> totalLogLikelihood)
    {
        ArgumentNullException.ThrowIfNull(totalLogLikelihood);
        return FitExternal(totalLogLikelihood, ParetoNbdModel.ParameterNames, p => new ParetoNbdModel(p[0], p[1], p[2], p[3]));
    }

    /// <inheritdoc/>
    public ModelFit<GammaGammaModel> FitGammaGamma(SpendData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(new GammaGammaLikelihood(data), GammaGammaModel.ParameterNames, [1, 1, data.MeanValue], p => new GammaGammaModel(p[0], p[1], p[2]));
    }

    /// <inheritdoc/>
    public ModelFit<BgBbModel> FitBgBb(DiscreteHistoryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(new BgBbLikelihood(data), BgBbModel.ParameterNames, [1, 1, 1, 1], p => new BgBbModel(p[0], p[1], p[2], p[3]));
    }

    /// <summary>A starting rate scale α ≈ mean age / mean frequency (so that r/α matches the mean purchase rate at r = 1).</summary>
    private static double RateScale(FrequencyRecencyData data)
    {
        double sx = 0, st = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            sx += data.Weight[i] * data.Frequency[i];
            st += data.Weight[i] * data.Age[i];
        }

        var scale = st / Math.Max(sx, 1e-3 * data.CustomerCount);
        return double.IsFinite(scale) && scale > 1e-6 ? scale : 1.0;
    }

    private ModelFit<TModel> Fit<TModel>(RowLikelihood likelihood, IReadOnlyList<string> names, double[] start, Func<double[], TModel> create)
        where TModel : class
    {
        var settings = Settings;
        var evaluator = new LikelihoodEvaluator(likelihood, settings.MaxDegreeOfParallelism);
        var (parameters, estimates, diagnostics) = MaximumLikelihood.Fit([.. names], start, evaluator.Evaluate, likelihood.CustomerCount, settings);
        return new ModelFit<TModel>(create(parameters), estimates, diagnostics);
    }

    private ModelFit<TModel> FitExternal<TModel>(Func<TModel, LikelihoodContribution> total, IReadOnlyList<string> names, Func<double[], TModel> create)
        where TModel : class
    {
        var settings = Settings;
        var customers = double.NaN;
        double Evaluate(ReadOnlySpan<double> p, Span<double> gradient)
        {
            var contribution = total(create(p.ToArray()));
            customers = contribution.CustomerCount;
            ImmutableArray<double> g = contribution.Gradient;
            if (g.Length != gradient.Length)
            {
                throw new KamValidationException("contribution.gradient", KamErrorCodes.InvalidSum, g.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "The contribution's gradient does not have one element per model parameter.");
            }

            g.AsSpan().CopyTo(gradient);
            return contribution.LogLikelihood;
        }

        var start = names.Select(_ => 1.0).ToArray();
        var first = total(create(start));
        customers = first.CustomerCount;
        var (parameters, estimates, diagnostics) = MaximumLikelihood.Fit([.. names], start, Evaluate, Math.Max(customers, 1), settings);
        return new ModelFit<TModel>(create(parameters), estimates, diagnostics);
    }
}
