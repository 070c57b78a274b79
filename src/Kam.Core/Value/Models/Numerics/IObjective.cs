
namespace Kam.Core.Value.Models.Numerics;

/// <summary>A smooth function to minimize, with its gradient.</summary>
internal interface IObjective
{
    /// <summary>Gets the number of variables.</summary>
    int Dimension { get; }

    /// <summary>Evaluates the function at <paramref name="point"/> and writes its gradient into <paramref name="gradient"/>.</summary>
    /// <returns>The value; NaN or +∞ when the point is outside the domain (the optimizer then steps back).</returns>
    double Evaluate(ReadOnlySpan<double> point, Span<double> gradient);
}
