
namespace Kam.Core.Value.Models.Fitting;

/// <summary>How a customer-base model is fitted: the optimizer's limits and the use of cores.</summary>
/// <remarks>
/// The defaults fit every model in this library to the published precision. Valid from the moment it exists (the
/// constructor checks every value), immutable and thread-safe; a fitter takes it when it is built
/// (<see cref="CustomerBaseModelFitter(FitSettings?)"/>).
/// </remarks>
public sealed class FitSettings
{
    /// <summary>Creates the settings; every argument is optional and defaults to the documented value.</summary>
    /// <param name="maxIterations">The most optimizer iterations (BFGS steps) before giving up; 1..100000. Default 500.</param>
    /// <param name="gradientTolerance">The convergence tolerance (see <see cref="GradientTolerance"/>); between 1e-14 and 1e-2. Default 1e-9.</param>
    /// <param name="maxDegreeOfParallelism">The most threads the likelihood is summed on; 0 (every core) to 4096. Default 0.</param>
    /// <exception cref="KamValidationException">A value is out of range (paths <c>maxIterations</c>, <c>gradientTolerance</c>, <c>maxDegreeOfParallelism</c>).</exception>
    public FitSettings(int maxIterations = 500, double gradientTolerance = 1e-9, int maxDegreeOfParallelism = 0)
    {
        var errors = new ValidationCollector();
        errors.InRange("maxIterations", maxIterations, 1, 100_000);
        errors.FiniteInRange("gradientTolerance", gradientTolerance, 1e-14, 1e-2);
        errors.InRange("maxDegreeOfParallelism", maxDegreeOfParallelism, 0, 4096);
        errors.ThrowIfAny();
        MaxIterations = maxIterations;
        GradientTolerance = gradientTolerance;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Gets the default settings.</summary>
    public static FitSettings Default { get; } = new();

    /// <summary>Gets the most optimizer iterations (BFGS steps) before giving up. Default 500; 1..100000.</summary>
    public int MaxIterations { get; }

    /// <summary>
    /// Gets the convergence tolerance: the largest absolute component of the gradient of the mean log-likelihood per
    /// customer with respect to the log-parameters. Default 1e-9; between 1e-14 and 1e-2.
    /// </summary>
    public double GradientTolerance { get; }

    /// <summary>
    /// Gets the most threads the likelihood is summed on; 0 (default) uses every core. Data with fewer than about
    /// 16,000 unique rows is always summed on one thread.
    /// </summary>
    public int MaxDegreeOfParallelism { get; }
}
