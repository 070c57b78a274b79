using Kam.Core.Serialization;

namespace Kam.Core.Performance.Serialization;

/// <summary>Reads and writes <see cref="Scorecard"/> rule files through <see cref="KamJson"/>.</summary>
/// <remarks>
/// Errors come back as one <see cref="KamValidationException"/> with JSON paths such as
/// <c>$.sections[0].indicators[2].weight</c>. The format is described in docs/appraisal.md.
/// </remarks>
internal static class ScorecardJson
{
    /// <summary>Reads and validates a scorecard.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="KamValidationException">The text is not a valid scorecard.</exception>
    public static Scorecard FromJson(string json) => KamJson.Read(json, PerformanceJsonContext.Shared.ScorecardDto, FromDto);

    internal static Scorecard FromDto(ScorecardDto dto)
    {
        var errors = new ValidationCollector();
        var sections = ToSections(errors, "$", dto.Sections);
        errors.ThrowIfAny();
        var bands = dto.GradeBands?.Select(b => b is null ? null! : GradeBand.Unchecked(b.Grade!, b.MinScore)).ToArray();
        return new Scorecard(dto.Name, sections, bands ?? ScorecardDefaults.GradeBands);
    }

    /// <summary>Writes a scorecard.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <returns>The JSON text, which <see cref="FromJson"/> reads back to an equivalent scorecard.</returns>
    public static string ToJson(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return KamJson.Serialize(ToScorecardDto(scorecard), PerformanceJsonContext.Shared.ScorecardDto);
    }

    /// <summary>A scorecard's JSON form.</summary>
    internal static ScorecardDto ToScorecardDto(Scorecard scorecard) =>
        new() { Name = scorecard.Name, Sections = scorecard.Sections.Select(ToDto).ToArray(), GradeBands = scorecard.GradeBands.Select(b => new GradeBandDto { Grade = b.Grade, MinScore = b.MinScore }).ToArray() };

    private static ScorecardSection[] ToSections(ValidationCollector errors, string path, IReadOnlyList<SectionDto>? sections)
    {
        var result = new List<ScorecardSection>();
        for (var i = 0; i < (sections?.Count ?? 0); i++)
        {
            var at = $"{path}.sections[{i}]";
            var dto = sections![i];
            if (!errors.Required(at, dto))
            {
                continue;
            }

            var indicators = new List<Indicator>();
            for (var j = 0; j < (dto.Indicators?.Count ?? 0); j++)
            {
                var indicator = dto.Indicators![j];
                var iat = $"{at}.indicators[{j}]";
                if (errors.Required(iat, indicator) && ToRule(errors, $"{iat}.rule", indicator.Rule) is { } rule)
                {
                    indicators.Add(Indicator.Unchecked(indicator.Id, indicator.Name, indicator.Weight, rule, indicator.Measure));
                }
            }

            result.Add(ScorecardSection.Unchecked(dto.Id, dto.Name, dto.Weight, indicators, ToSections(errors, at, dto.Sections)));
        }

        return [.. result];
    }

    private static ScoringRule? ToRule(ValidationCollector errors, string path, RuleDto? dto)
    {
        if (!errors.Required(path, dto))
        {
            return null;
        }

        try
        {
            switch (dto!.Kind)
            {
                case RuleKind.RatioToTarget:
                    return errors.Required($"{path}.target", dto.Target)
                        ? new RatioToTargetRule(dto.Target!.Value, dto.Floor ?? Ratio.Zero, dto.Cap ?? Ratio.One, dto.LowerIsBetter ?? false)
                        : null;
                case RuleKind.Linear:
                    return errors.Required($"{path}.zeroAt", dto.ZeroAt) & errors.Required($"{path}.fullAt", dto.FullAt)
                        ? new LinearRule(dto.ZeroAt!.Value, dto.FullAt!.Value, dto.Cap ?? Ratio.One)
                        : null;
                case RuleKind.Banded:
                    return errors.Required($"{path}.bands", dto.Bands) ? new BandedRule(dto.Bands!) : null;
                case RuleKind.Graded:
                    return errors.Required($"{path}.grades", dto.Grades) ? new GradedStandardRule(dto.Grades!.Select(FromDto)) : null;
                default:
                    errors.Add($"{path}.kind", KamErrorCodes.OutOfRange, dto.Kind, "Not a defined rule kind.");
                    return null;
            }
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Path = $"{path}.{e.Path}" }));
            return null;
        }
    }

    private static StandardGrade FromDto(StandardGradeDto? dto) =>
        dto is null ? null! : StandardGrade.Unchecked(dto.Grade!, dto.Score, dto.Limits?.Select(l => l is null ? null! : ObservationLimit.Unchecked(l.Observations, l.Max)).ToArray()!);

    private static StandardGradeDto ToDto(StandardGrade grade) => new()
    {
        Grade = grade.Grade,
        Score = grade.Score,
        Limits = grade.Limits.Select(l => new ObservationLimitDto { Observations = l.Observations, Max = l.Max }).ToArray(),
    };

    private static SectionDto ToDto(ScorecardSection section) => new()
    {
        Id = section.Id,
        Name = section.Name,
        Weight = section.Weight,
        Indicators = section.Indicators.Select(i => new IndicatorDto { Id = i.Id, Name = i.Name, Weight = i.Weight, Measure = i.Measure, Rule = ToDto(i.Rule) }).ToArray(),
        Sections = section.Sections.Count == 0 ? null : section.Sections.Select(ToDto).ToArray(),
    };

    private static RuleDto ToDto(ScoringRule rule) => rule switch
    {
        RatioToTargetRule r => new RuleDto { Kind = RuleKind.RatioToTarget, Target = r.Target, Floor = r.Floor, Cap = r.Cap, LowerIsBetter = r.LowerIsBetter },
        LinearRule l => new RuleDto { Kind = RuleKind.Linear, ZeroAt = l.ZeroAt, FullAt = l.FullAt, Cap = l.Cap },
        BandedRule b => new RuleDto { Kind = RuleKind.Banded, Bands = b.Bands },
        GradedStandardRule g => new RuleDto { Kind = RuleKind.Graded, Grades = g.Grades.Select(ToDto).ToArray() },
        _ => throw new KamValidationException("rule", KamErrorCodes.Unknown, rule.GetType().Name, "Not a known rule type."),
    };
}
