
namespace Kam.Core.Value.Models.Fitting;

/// <summary>One fitted parameter: its name, maximum-likelihood estimate and asymptotic standard error.</summary>
/// <remarks>
/// The standard error is the square root of the diagonal of the inverse observed information (the negative Hessian
/// of the log-likelihood in natural parameters, by central differences of the gradient at the optimum). It is null
/// when that matrix is not positive definite (a flat or boundary optimum), because no finite error can be given.
/// </remarks>
public sealed class ParameterEstimate
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="name">The parameter's name as in the literature (for example <c>r</c>, <c>alpha</c>).</param>
    /// <param name="value">The estimate.</param>
    /// <param name="standardError">The standard error, or null when it cannot be computed.</param>
    internal ParameterEstimate(string name, double value, double? standardError)
    {
        Name = name;
        Value = value;
        StandardError = standardError;
    }

    /// <summary>Gets the parameter's name as in the literature (for example <c>r</c>, <c>alpha</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the estimate.</summary>
    public double Value { get; }

    /// <summary>Gets the standard error, or null when it cannot be computed.</summary>
    public double? StandardError { get; }
}
