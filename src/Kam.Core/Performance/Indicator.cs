namespace Kam.Core.Performance;

/// <summary>A scored indicator of a scorecard: an identifier, a weight inside its section, and the rule that scores its actual.</summary>
/// <param name="Id">The identifier, unique in the scorecard (the key of the actual).</param>
/// <param name="Name">A readable name.</param>
/// <param name="Weight">The weight inside its section; the weights of a section's items sum to 100%.</param>
/// <param name="Rule">The scoring rule.</param>
/// <param name="Measure">Where the actual comes from: the host (<see cref="SalesProcessMeasure.None"/>) or the sales-process facts.</param>
public sealed record Indicator(string Id, string Name, Percentage Weight, ScoringRule Rule, SalesProcessMeasure Measure = SalesProcessMeasure.None);
