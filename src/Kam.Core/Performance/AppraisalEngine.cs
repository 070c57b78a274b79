using System.Globalization;

namespace Kam.Core.Performance;

/// <summary>The default <see cref="IAppraisalEngine"/>: weighted scores over the scorecard tree and declared roll-ups.</summary>
/// <remarks>
/// The overall score is Σ effective weight × indicator score, exact in <see cref="decimal"/>; the grade comes from
/// the scorecard's bands. Stateless, immutable and thread-safe.
/// </remarks>
public sealed class AppraisalEngine : IAppraisalEngine
{
    /// <inheritdoc />
    public AppraisalResult Appraise(Scorecard scorecard, AppraisalInput input)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationCollector();
        var lines = new List<IndicatorResultLine>(scorecard.FlatIndicators.Count);
        var total = 0m;
        foreach (var (indicator, weight, section) in scorecard.FlatIndicators)
        {
            var path = $"actuals.{indicator.Id}";
            IndicatorActual? actual = null;
            if (input.Actuals.TryGetValue(indicator.Id, out var given))
            {
                actual = given;
            }
            else if (indicator.Measure != SalesProcessMeasure.None && input.SalesProcess is { } facts)
            {
                actual = facts.ActualOf(indicator.Measure);
            }

            if (actual is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, indicator.Measure == SalesProcessMeasure.None
                    ? "No actual was given for this indicator."
                    : "No actual and no sales-process facts were given for this indicator.");
                continue;
            }

            try
            {
                var score = indicator.Rule.Score(actual, path);
                var contribution = Ratio.FromFraction(weight.Fraction * score.Score.Fraction);
                total += contribution.Fraction;
                lines.Add(new IndicatorResultLine(indicator.Id, indicator.Name, section, weight, actual.ToString(), indicator.Rule.Description, score.Score, score.Grade, contribution));
            }
            catch (KamValidationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        errors.ThrowIfAny();
        var overall = Ratio.FromFraction(total);
        return new AppraisalResult(input.Person, input.Period, overall, scorecard.GradeOf(overall), lines);
    }

    /// <inheritdoc />
    public AppraisalResult RollUp(Scorecard scorecard, FiscalPeriod period, IReadOnlyList<AppraisalResult> parts, RollUpRule rule)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(parts);
        var ordered = ValidateParts(period, parts, rule);
        var first = ordered[0];
        var lines = new List<IndicatorResultLine>(first.Lines.Count);
        var total = 0m;
        for (var i = 0; i < first.Lines.Count; i++)
        {
            var template = first.Lines[i];
            var score = rule switch
            {
                RollUpRule.Latest => ordered[^1].Lines[i].Score.Fraction,
                RollUpRule.Minimum => ordered.Min(p => p.Lines[i].Score.Fraction),
                _ => ordered.Sum(p => p.Lines[i].Score.Fraction * p.Period.MonthCount) / period.MonthCount,
            };
            var contribution = template.Weight.Fraction * score;
            total += contribution;
            var detail = string.Join(", ", ordered.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Period} {p.Lines[i].Score}")));
            lines.Add(new IndicatorResultLine(
                template.IndicatorId,
                template.Name,
                template.Section,
                template.Weight,
                $"{rule}: {detail}",
                template.Rule,
                Ratio.FromFraction(score),
                rule == RollUpRule.Latest ? ordered[^1].Lines[i].Grade : null,
                Ratio.FromFraction(contribution)));
        }

        var overall = Ratio.FromFraction(total);
        return new AppraisalResult(first.Person, period, overall, scorecard.GradeOf(overall), lines);
    }

    private static AppraisalResult[] ValidateParts(FiscalPeriod period, IReadOnlyList<AppraisalResult> parts, RollUpRule rule)
    {
        var errors = new ValidationCollector();
        if (!Enum.IsDefined(rule))
        {
            errors.Add(nameof(rule), KamErrorCodes.OutOfRange, rule, "Not a defined roll-up rule.");
        }

        if (parts.Count == 0)
        {
            errors.Add(nameof(parts), KamErrorCodes.Empty, null, "At least one sub-period result is needed.");
            errors.ThrowIfAny();
        }

        for (var i = 0; i < parts.Count; i++)
        {
            errors.Required($"parts[{i}]", parts[i]);
        }

        errors.ThrowIfAny();
        var ordered = parts.OrderBy(p => p.Period).ToArray();
        var months = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            var part = ordered[i];
            var at = $"parts[{i}]";
            if (part.Person != ordered[0].Person)
            {
                errors.Add($"{at}.person", KamErrorCodes.InvalidState, part.Person, "All parts must be results of the same person.");
            }

            if (!period.Contains(part.Period))
            {
                errors.Add($"{at}.period", KamErrorCodes.OutOfRange, part.Period, $"The part lies outside {period}.");
            }

            if (i > 0 && part.Period.Start.CompareTo(ordered[i - 1].Period.End) <= 0)
            {
                errors.Add($"{at}.period", KamErrorCodes.OutOfOrder, part.Period, "Parts must not overlap.");
            }

            if (part.Lines.Count != ordered[0].Lines.Count || part.Lines.Select(l => l.IndicatorId).Where((id, j) => id != ordered[0].Lines[j].IndicatorId).Any())
            {
                errors.Add($"{at}.lines", KamErrorCodes.InvalidState, part.Period, "All parts must be scored on the same indicators.");
            }

            months += part.Period.MonthCount;
        }

        if (!errors.HasErrors && months != period.MonthCount)
        {
            errors.Add(nameof(parts), KamErrorCodes.InvalidSum, months, $"The parts cover {months} of the {period.MonthCount} months of {period}; a roll-up needs them all.");
        }

        errors.ThrowIfAny();
        return ordered;
    }
}
