namespace Kam.Core.Value.Models;

/// <summary>How a customer-base model is fitted: the optimiser's limits and the use of cores.</summary>
/// <remarks>
/// The defaults fit every model in this library to the published precision. Immutable; equality is value equality.
/// Checked when a fit starts (<see cref="KamValidationException"/> with paths <c>settings.*</c>).
/// </remarks>
public sealed record FitSettings
{
    /// <summary>Gets the default settings.</summary>
    public static FitSettings Default { get; } = new();

    /// <summary>Gets the most optimiser iterations (BFGS steps) before giving up. Default 500; 1..100000.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>
    /// Gets the convergence tolerance: the largest absolute component of the gradient of the mean log-likelihood per
    /// customer with respect to the log-parameters. Default 1e-9; between 1e-14 and 1e-2.
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>
    /// Gets the most threads the likelihood is summed on; 0 (default) uses every core. Data with fewer than about
    /// 16,000 unique rows is always summed on one thread.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        var errors = new ValidationCollector();
        errors.InRange("settings.maxIterations", MaxIterations, 1, 100_000);
        errors.FiniteInRange("settings.gradientTolerance", GradientTolerance, 1e-14, 1e-2);
        errors.InRange("settings.maxDegreeOfParallelism", MaxDegreeOfParallelism, 0, 4096);
        errors.ThrowIfAny();
    }
}
