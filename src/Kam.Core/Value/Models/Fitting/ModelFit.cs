namespace Kam.Core.Value.Models;

/// <summary>The result of fitting a customer-base model: the fitted model, its estimates and the fit diagnostics.</summary>
/// <typeparam name="TModel">The model type (for example <see cref="BgNbdModel"/>).</typeparam>
/// <remarks>Immutable. Check <see cref="FitDiagnostics.Converged"/> before trusting <see cref="Model"/>.</remarks>
/// <param name="Model">The model at the fitted parameters, ready for predictions.</param>
/// <param name="Parameters">The estimates with standard errors, in the model's parameter order.</param>
/// <param name="Diagnostics">Convergence, iterations, log-likelihood.</param>
public sealed record ModelFit<TModel>(TModel Model, IReadOnlyList<ParameterEstimate> Parameters, FitDiagnostics Diagnostics)
    where TModel : class;
