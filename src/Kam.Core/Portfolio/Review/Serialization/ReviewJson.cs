using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Review.Serialization;

/// <summary>Reads and writes the review rule file through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.rules[1].conditions[0].threshold</c>).</summary>
internal static class ReviewJson
{
    public static ReviewRuleSet Read(string json, SignalCatalog? catalog) =>
        KamJson.Read(json, ReviewJsonContext.Strict.ReviewRuleSetDto, dto => FromDto(dto, catalog));

    public static string Write(ReviewRuleSet set) => KamJson.Serialize(
        new ReviewRuleSetDto
        {
            Rules = [.. set.Rules.Select(r => new ReviewRuleDto
            {
                Code = r.Code,
                Kind = r.Kind,
                Title = r.Title,
                Severity = r.Severity,
                Weight = r.Weight,
                Conditions = [.. r.Conditions.Select(c => new ReviewConditionDto { Signal = c.Signal, Op = c.Op, Threshold = c.Threshold })],
                Action = r.Action,
                ValueAtStake = r.ValueAtStake,
            })],
        },
        ReviewJsonContext.Strict.ReviewRuleSetDto);

    private static ReviewRuleSet FromDto(ReviewRuleSetDto dto, SignalCatalog? catalog)
    {
        var errors = new ValidationCollector();
        var rules = new ReviewRule[dto.Rules.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var r = dto.Rules[i];
            var prefix = $"$.rules[{i}]";
            if (r is null)
            {
                errors.Add(prefix, KamErrorCodes.Required, null, "A rule is required.");
                continue;
            }

            var conditions = new ReviewCondition[r.Conditions.Count];
            var conditionsOk = true;
            for (var c = 0; c < conditions.Length; c++)
            {
                var d = r.Conditions[c];
                if (d is null)
                {
                    errors.Add($"{prefix}.conditions[{c}]", KamErrorCodes.Required, null, "A condition is required.");
                    conditionsOk = false;
                    continue;
                }

                var built = KamJson.Nested(errors, $"{prefix}.conditions[{c}]", () => new ReviewCondition(d.Signal, d.Op, d.Threshold));
                conditionsOk &= built is not null;
                conditions[c] = built!;
            }

            if (conditionsOk)
            {
                rules[i] = KamJson.Nested(errors, prefix, () => new ReviewRule(r.Code, r.Kind, r.Title, r.Severity, r.Weight, conditions, r.Action, r.ValueAtStake))!;
            }
        }

        errors.ThrowIfAny();
        return KamJson.AtPath("$.", () => new ReviewRuleSet(rules, catalog));
    }
}
