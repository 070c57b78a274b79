namespace Kam.Core.Tiering;

/// <summary>How much one criterion (a measure named in the policy) contributed to an account's score.</summary>
/// <remarks>
/// <see cref="Points"/> is <see cref="Weight"/> × <see cref="NormalizedScore"/>; the points of all criteria of a
/// scorecard add up to the account's score. Immutable.
/// </remarks>
public sealed class CriterionContribution
{
    internal CriterionContribution(string criterion, double? rawValue, double normalizedScore, double weight, double points, bool imputed = false)
    {
        Criterion = criterion;
        RawValue = rawValue;
        NormalizedScore = normalizedScore;
        Weight = weight;
        Points = points;
        Imputed = imputed;
    }

    /// <summary>Gets the criterion's name, as the policy spells it.</summary>
    public string Criterion { get; }

    /// <summary>Gets the measure as given, or <see langword="null"/> when it was missing.</summary>
    public double? RawValue { get; }

    /// <summary>Gets the measure after the criterion's normalization rule, between 0 and 1.</summary>
    public double NormalizedScore { get; }

    /// <summary>Gets the criterion's weight (for RFM and single-measure engines, 1).</summary>
    public double Weight { get; }

    /// <summary>Gets the contribution to the score.</summary>
    public double Points { get; }

    /// <summary>Gets a value indicating whether a missing value was replaced by the missing-value policy.</summary>
    public bool Imputed { get; }
}
