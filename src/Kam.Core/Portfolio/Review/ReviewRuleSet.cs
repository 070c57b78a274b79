using Kam.Core.Portfolio.Review.Serialization;

namespace Kam.Core.Portfolio.Review;

/// <summary>
/// The risk and opportunity rules of the account review, checked against a <see cref="SignalCatalog"/>. The defaults
/// (<see cref="Default"/>) follow the rule book and are tabled in docs/account-review.md; a host replaces or extends
/// them in code or JSON (docs/schemas/review-rules.schema.json).
/// </summary>
/// <remarks>
/// Immutable and valid from construction: codes are unique, every signal a rule names is in the catalog (an unknown
/// name is refused with the list of known ones). Every problem is reported at once, with paths relative to the set
/// (<c>rules[2].conditions[0].signal</c>).
/// </remarks>
public sealed class ReviewRuleSet
{
    /// <summary>Creates a rule set.</summary>
    /// <param name="rules">The rules, 1 to 256 (copied); codes unique.</param>
    /// <param name="catalog">The signals the rules may name; <see langword="null"/> for <see cref="SignalCatalog.BuiltIn"/>.</param>
    /// <exception cref="KamValidationException">A rule is null, a code repeats or a signal is unknown; every problem is reported.</exception>
    public ReviewRuleSet(IReadOnlyList<ReviewRule> rules, SignalCatalog? catalog = null)
    {
        Catalog = catalog ?? SignalCatalog.BuiltIn;
        var copy = rules?.ToArray() ?? [];
        var errors = new ValidationCollector();
        if (copy.Length is < 1 or > 256)
        {
            errors.Add("rules", copy.Length == 0 ? KamErrorCodes.Empty : KamErrorCodes.OutOfRange, copy.Length, "Give 1 to 256 rules.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < copy.Length; i++)
        {
            var rule = copy[i];
            if (!errors.Required($"rules[{i}]", rule))
            {
                continue;
            }

            if (!codes.Add(rule.Code))
            {
                errors.Add($"rules[{i}].code", KamErrorCodes.Duplicate, rule.Code, "This rule code is used by an earlier rule.");
            }

            for (var c = 0; c < rule.Conditions.Count; c++)
            {
                CheckSignal(errors, $"rules[{i}].conditions[{c}].signal", rule.Conditions[c].Signal);
            }

            if (rule.ValueAtStake is { } stake)
            {
                CheckSignal(errors, $"rules[{i}].valueAtStake", stake);
            }
        }

        errors.ThrowIfAny();
        Rules = Array.AsReadOnly(copy);
    }

    /// <summary>Gets the default rules over the built-in signals (docs/account-review.md).</summary>
    public static ReviewRuleSet Default { get; } = new(DefaultReviewRules.Create());

    /// <summary>Gets the rules, in the order given (the order reasons are listed in).</summary>
    public IReadOnlyList<ReviewRule> Rules { get; }

    /// <summary>Gets the signals the rules were checked against.</summary>
    public SignalCatalog Catalog { get; }

    /// <summary>Reads a rule set from JSON (format in docs/account-review.md, schema docs/schemas/review-rules.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="catalog">The signals the rules may name; <see langword="null"/> for <see cref="SignalCatalog.BuiltIn"/>.</param>
    /// <returns>The validated rule set.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the rules invalid; paths are JSON paths (<c>$.rules[1].conditions[0].threshold</c>).</exception>
    public static ReviewRuleSet FromJson(string json, SignalCatalog? catalog = null) => ReviewJson.Read(json, catalog);

    /// <summary>Writes the rule set as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReviewJson.Write(this);

    private void CheckSignal(ValidationCollector errors, string path, string name)
    {
        if (Catalog.Find(name) is null)
        {
            errors.Add(path, KamErrorCodes.Unknown, name, $"No signal has this name. Known signals: {Catalog.KnownNames()}.");
        }
    }
}
