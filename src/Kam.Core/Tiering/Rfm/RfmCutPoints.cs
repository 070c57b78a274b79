using Kam.Core.Tiering.Pareto;

namespace Kam.Core.Tiering.Rfm;

/// <summary>
/// The quantile cut values of the three RFM measures: computed exactly by <see cref="RfmEngine"/>, or from merged
/// <see cref="ValueSketch"/>es of partitions (<see cref="FromSketches"/>) so that each partition scores its accounts
/// locally with the same cuts.
/// </summary>
/// <remarks>Immutable; each list has <c>quantiles − 1</c> non-decreasing values.</remarks>
public sealed class RfmCutPoints
{
    internal RfmCutPoints(double[] recency, double[] frequency, double[] monetary)
    {
        Recency = Array.AsReadOnly(recency);
        Frequency = Array.AsReadOnly(frequency);
        Monetary = Array.AsReadOnly(monetary);
    }

    /// <summary>Gets the recency cuts.</summary>
    public IReadOnlyList<double> Recency { get; }

    /// <summary>Gets the frequency cuts.</summary>
    public IReadOnlyList<double> Frequency { get; }

    /// <summary>Gets the monetary cuts.</summary>
    public IReadOnlyList<double> Monetary { get; }

    /// <summary>Derives the cuts from merged sketches of the whole portfolio (each within relative error α of the exact cut).</summary>
    /// <param name="recency">The sketch of the recency measure.</param>
    /// <param name="frequency">The sketch of the frequency measure.</param>
    /// <param name="monetary">The sketch of the monetary measure.</param>
    /// <param name="policy">The policy (gives the number of quantiles).</param>
    /// <returns>The cut points.</returns>
    /// <exception cref="KamValidationException">A sketch is empty.</exception>
    public static RfmCutPoints FromSketches(ValueSketch recency, ValueSketch frequency, ValueSketch monetary, RfmPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(monetary);
        ArgumentNullException.ThrowIfNull(policy);
        return new RfmCutPoints(Cuts(recency, policy.Quantiles), Cuts(frequency, policy.Quantiles), Cuts(monetary, policy.Quantiles));
    }

    private static double[] Cuts(ValueSketch sketch, int quantiles)
    {
        var cuts = new double[quantiles - 1];
        for (var k = 1; k < quantiles; k++)
        {
            cuts[k - 1] = sketch.Quantile((double)k / quantiles);
        }

        return cuts;
    }
}
