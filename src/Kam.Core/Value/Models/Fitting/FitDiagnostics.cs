
namespace Kam.Core.Value.Models.Fitting;

/// <summary>How a maximum-likelihood fit went: whether the optimizer converged, how long it took, where it ended.</summary>
/// <remarks>
/// A fit that did not converge is still returned (with <see cref="Converged"/> false and the reason in
/// <see cref="Message"/>): the parameters are the best point found, never NaN. Immutable.
/// </remarks>
public sealed class FitDiagnostics
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="converged">True when the gradient fell below the tolerance (or could not be reduced further in double precision while already small).</param>
    /// <param name="iterations">The optimizer iterations used.</param>
    /// <param name="evaluations">The likelihood evaluations used (each with its gradient).</param>
    /// <param name="logLikelihood">The total log-likelihood at the returned parameters.</param>
    /// <param name="message">Why the optimizer stopped, in words.</param>
    internal FitDiagnostics(bool converged, int iterations, int evaluations, double logLikelihood, string message)
    {
        Converged = converged;
        Iterations = iterations;
        Evaluations = evaluations;
        LogLikelihood = logLikelihood;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the fit converged: true when the gradient fell below the tolerance (or could not be reduced further in double precision while already small).</summary>
    public bool Converged { get; }

    /// <summary>Gets the optimizer iterations used.</summary>
    public int Iterations { get; }

    /// <summary>Gets the likelihood evaluations used (each with its gradient).</summary>
    public int Evaluations { get; }

    /// <summary>Gets the total log-likelihood at the returned parameters.</summary>
    public double LogLikelihood { get; }

    /// <summary>Gets why the optimizer stopped, in words.</summary>
    public string Message { get; }
}
