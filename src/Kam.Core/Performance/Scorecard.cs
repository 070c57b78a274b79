using Kam.Core.Performance.Serialization;
namespace Kam.Core.Performance;

/// <summary>
/// A scorecard: a tree of weighted sections and indicators, and the grade bands of the overall score. The default
/// is the rule book's position performance: KPI 70% + personal skills 20% + attitude 10% (rule book: docs/rules/performance-and-pay.md).
/// </summary>
/// <remarks>
/// <para>Validated when built: at every level the weights sum to exactly 100%, identifiers are unique, sections are
/// not empty, grade bands are best first with strictly decreasing minimum scores ending at 0%. Paths in errors
/// follow the JSON form (<c>$.sections[0].indicators[2].weight</c>).</para>
/// <para>Indicators may be added or removed by building a new scorecard (for example with
/// <see cref="ScorecardDefaults"/> as a start). Immutable and thread-safe; the lists given are copied.</para>
/// </remarks>
public sealed class Scorecard
{
    /// <summary>Creates and validates a scorecard.</summary>
    /// <param name="name">The scorecard's name.</param>
    /// <param name="sections">The top-level sections.</param>
    /// <param name="gradeBands">The grade bands, best first.</param>
    /// <exception cref="KamValidationException">The scorecard breaks a rule listed in the remarks.</exception>
    public Scorecard(string name, IEnumerable<ScorecardSection> sections, IEnumerable<GradeBand> gradeBands)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(gradeBands);
        var errors = new ValidationCollector();
        errors.Required("$.name", name);
        var top = sections.Select(Copy).ToArray();
        var bands = gradeBands.ToArray();
        ValidateLevel(errors, "$", top, [], new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        ValidateBands(errors, bands);
        errors.ThrowIfAny();
        Name = name;
        Sections = top;
        GradeBands = bands;
        var indicators = new List<(Indicator, Percentage, string)>();
        Flatten(top, 1m, string.Empty, indicators);
        FlatIndicators = indicators;
    }

    /// <summary>Gets the scorecard's name.</summary>
    public string Name { get; }

    /// <summary>Gets the top-level sections.</summary>
    public IReadOnlyList<ScorecardSection> Sections { get; }

    /// <summary>Gets the grade bands, best first.</summary>
    public IReadOnlyList<GradeBand> GradeBands { get; }

    /// <summary>Gets every indicator with its effective weight in the whole scorecard and its section path, in tree order.</summary>
    internal IReadOnlyList<(Indicator Indicator, Percentage EffectiveWeight, string Section)> FlatIndicators { get; }

    /// <summary>Gets the grade of an overall score.</summary>
    /// <param name="score">The overall score.</param>
    /// <returns>The first band, best first, whose minimum the score reaches.</returns>
    public string GradeOf(Ratio score)
    {
        foreach (var band in GradeBands)
        {
            if (score >= band.MinScore)
            {
                return band.Grade;
            }
        }

        return GradeBands[^1].Grade;
    }

    private static ScorecardSection Copy(ScorecardSection section) =>
        section is null
            ? null!
            : ScorecardSection.Unchecked(section.Id, section.Name, section.Weight, section.Indicators, section.Sections?.Select(Copy).ToArray()!);

    private static void Flatten(IReadOnlyList<ScorecardSection> sections, decimal weight, string prefix, List<(Indicator, Percentage, string)> into)
    {
        foreach (var section in sections)
        {
            var sectionWeight = weight * section.Weight.Fraction;
            var path = prefix.Length == 0 ? section.Name : prefix + " / " + section.Name;
            foreach (var indicator in section.Indicators)
            {
                into.Add((indicator, Percentage.FromFraction(sectionWeight * indicator.Weight.Fraction), path));
            }

            Flatten(section.Sections, sectionWeight, path, into);
        }
    }

    private static void ValidateLevel(ValidationCollector errors, string path, ScorecardSection[] sections, Indicator[] indicators, HashSet<string> sectionIds, HashSet<string> indicatorIds)
    {
        if (sections.Length + indicators.Length == 0)
        {
            errors.Add(path, KamErrorCodes.Empty, null, "A scorecard and each of its sections need at least one indicator or section.");
            return;
        }

        var sum = 0m;
        for (var i = 0; i < indicators.Length; i++)
        {
            var at = $"{path}.indicators[{i}]";
            var indicator = indicators[i];
            if (!errors.Required(at, indicator))
            {
                continue;
            }

            sum += indicator.Weight.Fraction;
            if (errors.Required($"{at}.id", indicator.Id) && !indicatorIds.Add(indicator.Id))
            {
                errors.Add($"{at}.id", KamErrorCodes.Duplicate, indicator.Id, "Indicator identifiers must be unique in the scorecard.");
            }

            errors.Required($"{at}.name", indicator.Name);
            errors.Required($"{at}.rule", indicator.Rule);
            if (!Enum.IsDefined(indicator.Measure))
            {
                errors.Add($"{at}.measure", KamErrorCodes.OutOfRange, indicator.Measure, "Not a defined sales-process measure.");
            }
        }

        for (var i = 0; i < sections.Length; i++)
        {
            var at = $"{path}.sections[{i}]";
            var section = sections[i];
            if (!errors.Required(at, section))
            {
                continue;
            }

            sum += section.Weight.Fraction;
            if (errors.Required($"{at}.id", section.Id) && !sectionIds.Add(section.Id))
            {
                errors.Add($"{at}.id", KamErrorCodes.Duplicate, section.Id, "Section identifiers must be unique in the scorecard.");
            }

            errors.Required($"{at}.name", section.Name);
            if (errors.Required($"{at}.indicators", section.Indicators) & errors.Required($"{at}.sections", section.Sections))
            {
                ValidateLevel(errors, at, [.. section.Sections], [.. section.Indicators], sectionIds, indicatorIds);
            }
        }

        if (sum != 1m)
        {
            errors.Add(path, KamErrorCodes.InvalidSum, DecimalText.Normalize(sum * 100m).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%", "The weights at this level must sum to 100%.");
        }
    }

    private static void ValidateBands(ValidationCollector errors, GradeBand[] bands)
    {
        if (bands.Length == 0)
        {
            errors.Add("$.gradeBands", KamErrorCodes.Empty, null, "At least one grade band is required.");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bands.Length; i++)
        {
            var at = $"$.gradeBands[{i}]";
            if (!errors.Required(at, bands[i]))
            {
                continue;
            }

            if (errors.Required($"{at}.grade", bands[i].Grade) && !names.Add(bands[i].Grade))
            {
                errors.Add($"{at}.grade", KamErrorCodes.Duplicate, bands[i].Grade, "Grade names must be unique.");
            }

            if (i > 0 && bands[i - 1] is { } previous && bands[i].MinScore >= previous.MinScore)
            {
                errors.Add($"{at}.minScore", KamErrorCodes.OutOfOrder, bands[i].MinScore, "Grade bands go best first with strictly decreasing minimum scores.");
            }
        }

        if (bands[^1] is { } last && last.MinScore != Ratio.Zero)
        {
            errors.Add($"$.gradeBands[{bands.Length - 1}].minScore", KamErrorCodes.InvalidState, last.MinScore, "The last grade band must start at 0% so every score gets a grade.");
        }
    }

    /// <summary>Reads a scorecard from its JSON rule file (see docs/performance.md for the format).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scorecard, validated.</returns>
    /// <exception cref="KamValidationException">The text is not a valid scorecard; every error names its JSON path (<c>$.…</c>).</exception>
    public static Scorecard FromJson(string json) => ScorecardJson.FromJson(json);

    /// <summary>Writes the scorecard as its JSON rule file; <see cref="FromJson"/> reads it back to the same scorecard.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ScorecardJson.ToJson(this);
}
