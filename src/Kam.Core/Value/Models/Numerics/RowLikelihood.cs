
namespace Kam.Core.Value.Models.Numerics;

/// <summary>
/// A log-likelihood that is a weighted sum over rows (unique customer histories), evaluated in natural parameters.
/// </summary>
/// <remarks>
/// One instance belongs to one fit or one evaluation: <see cref="Prepare"/> fills per-evaluation caches (terms that
/// depend only on the parameters and a row's frequency), then <see cref="Sum"/> may run on disjoint row ranges from
/// several threads at once, reading those caches only.
/// </remarks>
internal abstract class RowLikelihood
{
    /// <summary>Gets the number of parameters.</summary>
    public abstract int Dimension { get; }

    /// <summary>Gets the number of rows.</summary>
    public abstract int RowCount { get; }

    /// <summary>Gets the number of customers the rows stand for (the sum of the weights).</summary>
    public abstract double CustomerCount { get; }

    /// <summary>Gets a value indicating whether <see cref="Sum"/> fills an analytic gradient.</summary>
    public virtual bool HasGradient => true;

    /// <summary>Fills the per-evaluation caches for the parameters.</summary>
    /// <returns>False when the parameters are outside the domain.</returns>
    public virtual bool Prepare(ReadOnlySpan<double> parameters) => true;

    /// <summary>
    /// Adds the rows <paramref name="start"/>..<paramref name="end"/> (exclusive): returns their log-likelihood and
    /// adds their gradient (natural parameters) to <paramref name="gradient"/> unless it is empty.
    /// </summary>
    public abstract double Sum(ReadOnlySpan<double> parameters, int start, int end, Span<double> gradient);
}
