namespace Kam.Core.Value.Models;

/// <summary>One fitted parameter: its name, maximum-likelihood estimate and asymptotic standard error.</summary>
/// <remarks>
/// The standard error is the square root of the diagonal of the inverse observed information (the negative Hessian
/// of the log-likelihood in natural parameters, by central differences of the gradient at the optimum). It is null
/// when that matrix is not positive definite (a flat or boundary optimum), because no finite error can be given.
/// </remarks>
/// <param name="Name">The parameter's name as in the literature (for example <c>r</c>, <c>alpha</c>).</param>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">The standard error, or null when it cannot be computed.</param>
public readonly record struct ParameterEstimate(string Name, double Value, double? StandardError);
