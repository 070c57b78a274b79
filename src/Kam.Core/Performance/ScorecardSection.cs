namespace Kam.Core.Performance;

/// <summary>A weighted section of a scorecard (KPI, personal skills, attitude) holding indicators and sub-sections.</summary>
/// <param name="Id">The identifier, unique among sections.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Weight">The weight inside the parent (the scorecard or a section).</param>
/// <param name="Indicators">The indicators of the section.</param>
/// <param name="Sections">Sub-sections (may be empty).</param>
/// <remarks>The weights of a section's indicators and sub-sections together sum to 100%.</remarks>
public sealed record ScorecardSection(string Id, string Name, Percentage Weight, IReadOnlyList<Indicator> Indicators, IReadOnlyList<ScorecardSection> Sections);
