namespace Kam.Core.Performance;

/// <summary>A scored indicator of a scorecard: an identifier, a weight inside its section, and the rule that scores its actual.</summary>
/// <remarks>
/// Immutable. The <see cref="Scorecard"/> that holds the indicator validates it (identifier, name and rule present,
/// identifiers unique, weights summing to 100%), with paths in the JSON form.
/// </remarks>
public sealed class Indicator
{
    /// <summary>Creates an indicator.</summary>
    /// <param name="id">The identifier, unique in the scorecard (the key of the actual).</param>
    /// <param name="name">A readable name.</param>
    /// <param name="weight">The weight inside its section; the weights of a section's items sum to 100%.</param>
    /// <param name="rule">The scoring rule.</param>
    /// <param name="measure">Where the actual comes from: the host (<see cref="SalesProcessMeasure.None"/>) or the sales-process facts.</param>
    public Indicator(string id, string name, Percentage weight, ScoringRule rule, SalesProcessMeasure measure = SalesProcessMeasure.None)
    {
        Id = id;
        Name = name;
        Weight = weight;
        Rule = rule;
        Measure = measure;
    }

    /// <summary>Gets the identifier, unique in the scorecard (the key of the actual).</summary>
    public string Id { get; }

    /// <summary>Gets the readable name.</summary>
    public string Name { get; }

    /// <summary>Gets the weight inside its section.</summary>
    public Percentage Weight { get; }

    /// <summary>Gets the scoring rule.</summary>
    public ScoringRule Rule { get; }

    /// <summary>Gets where the actual comes from: the host (<see cref="SalesProcessMeasure.None"/>) or the sales-process facts.</summary>
    public SalesProcessMeasure Measure { get; }
}
