
namespace Kam.Core.Value.Models.Fitting;

/// <summary>The result of fitting a customer-base model: the fitted model, its estimates and the fit diagnostics.</summary>
/// <typeparam name="TModel">The model type (for example <see cref="BgNbdModel"/>).</typeparam>
/// <remarks>Immutable. Check <see cref="FitDiagnostics.Converged"/> before trusting <see cref="Model"/>.</remarks>
public sealed class ModelFit<TModel>
    where TModel : class
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="model">The model at the fitted parameters, ready for predictions.</param>
    /// <param name="parameters">The estimates with standard errors, in the model's parameter order.</param>
    /// <param name="diagnostics">Convergence, iterations, log-likelihood.</param>
    internal ModelFit(TModel model, IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics diagnostics)
    {
        Model = model;
        Parameters = parameters;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the model at the fitted parameters, ready for predictions.</summary>
    public TModel Model { get; }

    /// <summary>Gets the estimates with standard errors, in the model's parameter order.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>Gets the fit diagnostics: convergence, iterations, log-likelihood.</summary>
    public FitDiagnostics Diagnostics { get; }
}
