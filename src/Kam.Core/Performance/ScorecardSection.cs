namespace Kam.Core.Performance;

/// <summary>A weighted section of a scorecard (KPI, personal skills, attitude) holding indicators and sub-sections.</summary>
/// <remarks>
/// The weights of a section's indicators and sub-sections together sum to 100%. Immutable: the lists given are
/// copied. Valid from construction (identifier and name present, at least one indicator or sub-section, none
/// missing); the <see cref="Scorecard"/> that holds the section checks that identifiers are unique and weights sum.
/// </remarks>
public sealed class ScorecardSection
{
    /// <summary>Creates a section.</summary>
    /// <param name="id">The identifier, unique among sections.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="weight">The weight inside the parent (the scorecard or a section).</param>
    /// <param name="indicators">The indicators of the section; copied.</param>
    /// <param name="sections">Sub-sections (may be empty); copied.</param>
    /// <exception cref="KamValidationException">The identifier or name is blank, a list or an item is missing, or both lists are empty (paths <c>id</c>, <c>name</c>, <c>indicators[i]</c>, <c>sections[i]</c>).</exception>
    public ScorecardSection(string id, string name, Percentage weight, IReadOnlyList<Indicator> indicators, IReadOnlyList<ScorecardSection> sections)
        : this(id, name, weight, indicators, sections, validate: true)
    {
    }

    private ScorecardSection(string id, string name, Percentage weight, IReadOnlyList<Indicator> indicators, IReadOnlyList<ScorecardSection> sections, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("id", id);
            errors.Required("name", name);
            var hasIndicators = errors.Required("indicators", indicators);
            var hasSections = errors.Required("sections", sections);
            for (var i = 0; hasIndicators && i < indicators.Count; i++)
            {
                errors.Required(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"indicators[{i}]"), indicators[i]);
            }

            for (var i = 0; hasSections && i < sections.Count; i++)
            {
                errors.Required(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sections[{i}]"), sections[i]);
            }

            if (hasIndicators && hasSections && indicators.Count == 0 && sections.Count == 0)
            {
                errors.Add("indicators", KamErrorCodes.Empty, null, "A section needs at least one indicator or sub-section.");
            }

            errors.ThrowIfAny();
        }

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

    /// <summary>A section the rule file reader (or a copy of a checked scorecard) builds before the scorecard checks it, with paths in the file.</summary>
    internal static ScorecardSection Unchecked(string id, string name, Percentage weight, IReadOnlyList<Indicator> indicators, IReadOnlyList<ScorecardSection> sections) =>
        new(id, name, weight, indicators, sections, validate: false);
}
