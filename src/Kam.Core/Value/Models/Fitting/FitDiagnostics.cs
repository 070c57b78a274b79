namespace Kam.Core.Value.Models;

/// <summary>How a maximum-likelihood fit went: whether the optimizer converged, how long it took, where it ended.</summary>
/// <remarks>
/// A fit that did not converge is still returned (with <see cref="Converged"/> false and the reason in
/// <see cref="Message"/>): the parameters are the best point found, never NaN. Immutable.
/// </remarks>
/// <param name="Converged">True when the gradient fell below the tolerance (or could not be reduced further in double
/// precision while already small).</param>
/// <param name="Iterations">The optimizer iterations used.</param>
/// <param name="Evaluations">The likelihood evaluations used (each with its gradient).</param>
/// <param name="LogLikelihood">The total log-likelihood at the returned parameters.</param>
/// <param name="Message">Why the optimizer stopped, in words.</param>
public sealed record FitDiagnostics(bool Converged, int Iterations, int Evaluations, double LogLikelihood, string Message);
