namespace Kam.Core.Tiering;

/// <summary>
/// One criterion of a weighted scorecard: which measure, how it is normalised, its weight, what to do when it is
/// missing, and an optional gate.
/// </summary>
/// <remarks>
/// A criterion may have weight 0 and a gate: a pure gate that does not add to the score. Immutable; equality is
/// structural (lists by reference).
/// </remarks>
/// <param name="Name">The criterion's name, used in explanations and as the default measure name.</param>
/// <param name="Weight">The weight, 0 to 1; the weights of a scorecard add up to exactly 1.</param>
/// <param name="Normalisation">The normalisation rule.</param>
public sealed record ScorecardCriterion(string Name, decimal Weight, Normalisation Normalisation)
{
    /// <summary>Gets the measure read from the portfolio; defaults to <see cref="Name"/>.</summary>
    public string? Measure { get; init; }

    /// <summary>Gets a value indicating whether a higher raw value is better (for min-max, z-score, percentile and yes/no); default true.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the bands of a <see cref="Normalisation.Bands"/> criterion, in increasing order of their lower bounds.</summary>
    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    /// <summary>Gets what happens when an account's value is missing; default <see cref="MissingValuePolicy.Fail"/>.</summary>
    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Fail;

    /// <summary>Gets the raw value used for a missing value under <see cref="MissingValuePolicy.Impute"/>.</summary>
    public double? ImputedValue { get; init; }

    /// <summary>Gets the criterion's gate, or <see langword="null"/>.</summary>
    public CriterionGate? Gate { get; init; }

    /// <summary>Gets the measure name actually read: <see cref="Measure"/> or else <see cref="Name"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string MeasureName => Measure ?? Name;
}
