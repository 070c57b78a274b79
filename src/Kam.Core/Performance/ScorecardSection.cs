namespace Kam.Core.Performance;

/// <summary>A weighted section of a scorecard (KPI, personal skills, attitude) holding indicators and sub-sections.</summary>
/// <remarks>
/// The weights of a section's indicators and sub-sections together sum to 100%. Immutable: the lists given are
/// copied. The <see cref="Scorecard"/> that holds the section validates it, with paths in the JSON form.
/// </remarks>
public sealed class ScorecardSection
{
    /// <summary>Creates a section.</summary>
    /// <param name="id">The identifier, unique among sections.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="weight">The weight inside the parent (the scorecard or a section).</param>
    /// <param name="indicators">The indicators of the section; copied.</param>
    /// <param name="sections">Sub-sections (may be empty); copied.</param>
    public ScorecardSection(string id, string name, Percentage weight, IReadOnlyList<Indicator> indicators, IReadOnlyList<ScorecardSection> sections)
    {
        Id = id;
        Name = name;
        Weight = weight;
        Indicators = indicators?.ToArray()!;
        Sections = sections?.ToArray()!;
    }

    /// <summary>Gets the identifier, unique among sections.</summary>
    public string Id { get; }

    /// <summary>Gets the readable name.</summary>
    public string Name { get; }

    /// <summary>Gets the weight inside the parent (the scorecard or a section).</summary>
    public Percentage Weight { get; }

    /// <summary>Gets the indicators of the section.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Gets the sub-sections (may be empty).</summary>
    public IReadOnlyList<ScorecardSection> Sections { get; }
}
