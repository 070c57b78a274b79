namespace Kam.Core.Tiering;

/// <summary>One band of a banded criterion: values from <see cref="From"/> upwards (to the next band) score <see cref="Score"/>.</summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="From">The band's inclusive lower bound.</param>
/// <param name="Score">The score of values in the band, 0 to 1.</param>
public sealed record ScoreBand(double From, double Score);
