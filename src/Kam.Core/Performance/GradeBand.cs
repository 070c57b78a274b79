namespace Kam.Core.Performance;

/// <summary>A grade of the overall result: reached when the overall score is at least <see cref="MinScore"/>.</summary>
/// <param name="Grade">The grade's name.</param>
/// <param name="MinScore">The lowest overall score that earns it.</param>
public sealed record GradeBand(string Grade, Ratio MinScore);
