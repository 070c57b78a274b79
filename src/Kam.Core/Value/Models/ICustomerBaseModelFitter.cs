using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.ParetoNbd;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Value.Models;

/// <summary>
/// Fits the probabilistic customer-base models by maximum likelihood: shifted-beta-geometric (contractual renewals),
/// BG/NBD and Pareto/NBD (non-contractual repeat buying), Gamma-Gamma (spend per transaction) and BG/BB (discrete
/// opportunities).
/// </summary>
/// <remarks>
/// Every fit maximizes the log-likelihood over the log-parameters with BFGS (analytic gradients for sBG, BG/NBD,
/// Pareto/NBD and Gamma-Gamma; central differences for BG/BB), and reports convergence, iterations, the
/// log-likelihood and standard errors. A fit that does not converge is returned with
/// <see cref="FitDiagnostics.Converged"/> false, never as an exception or NaN. Implementations are stateless and
/// thread-safe.
/// </remarks>
public interface ICustomerBaseModelFitter
{
    /// <summary>Fits the shifted-beta-geometric model to a renewal cohort.</summary>
    /// <param name="cohort">The alive counts per period.</param>
    /// <returns>The fit.</returns>
    ModelFit<ShiftedBetaGeometricModel> FitShiftedBetaGeometric(RenewalCohort cohort);

    /// <summary>
    /// Fits the shifted-beta-geometric model to several cohorts at once (customers acquired in different periods,
    /// observed for different numbers of renewal opportunities): the log-likelihood is the sum of the cohorts'
    /// (Fader &amp; Hardie 2007, section 4), so one (γ, δ) describes them all.
    /// </summary>
    /// <param name="cohorts">The cohorts; at least one.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="KamValidationException">There is no cohort (path <c>cohorts</c>).</exception>
    ModelFit<ShiftedBetaGeometricModel> FitShiftedBetaGeometricCohorts(IReadOnlyList<RenewalCohort> cohorts);

    /// <summary>Fits the BG/NBD model.</summary>
    /// <param name="data">The calibration histories.</param>
    /// <returns>The fit.</returns>
    ModelFit<BgNbdModel> FitBgNbd(FrequencyRecencyData data);

    /// <summary>
    /// Fits the BG/NBD model centrally from a log-likelihood a host evaluates elsewhere (for example as the sum of
    /// <see cref="BgNbdModel.LogLikelihood"/> over the partitions of a distributed data set).
    /// </summary>
    /// <param name="totalLogLikelihood">Returns the total contribution of all customers at the given model.</param>
    /// <returns>The fit.</returns>
    ModelFit<BgNbdModel> FitBgNbdFromContributions(Func<BgNbdModel, LikelihoodContribution> totalLogLikelihood);

    /// <summary>Fits the Pareto/NBD model.</summary>
    /// <param name="data">The calibration histories.</param>
    /// <returns>The fit.</returns>
    ModelFit<ParetoNbdModel> FitParetoNbd(FrequencyRecencyData data);

    /// <summary>Fits the Pareto/NBD model centrally from a log-likelihood a host evaluates on partitions.</summary>
    /// <param name="totalLogLikelihood">Returns the total contribution of all customers at the given model.</param>
    /// <returns>The fit.</returns>
    ModelFit<ParetoNbdModel> FitParetoNbdFromContributions(Func<ParetoNbdModel, LikelihoodContribution> totalLogLikelihood);

    /// <summary>Fits the Gamma-Gamma spend model (customers with at least one repeat transaction).</summary>
    /// <param name="data">The frequencies and mean transaction values.</param>
    /// <returns>The fit.</returns>
    ModelFit<GammaGammaModel> FitGammaGamma(SpendData data);

    /// <summary>Fits the BG/BB model for discrete transaction opportunities.</summary>
    /// <param name="data">The (x, tₓ, n) histories.</param>
    /// <returns>The fit.</returns>
    ModelFit<BgBbModel> FitBgBb(DiscreteHistoryData data);
}
