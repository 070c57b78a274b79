namespace Kam.Core.Portfolio.Review;

/// <summary>
/// A risk or opportunity rule as data: when every condition holds for an account (all of them), the rule fires, with
/// its severity, its weight in the account's score, the action to take, and optionally the signal that measures the
/// value at stake.
/// </summary>
/// <remarks>
/// Immutable and valid from construction; paths of errors are relative to the rule (<c>conditions[1].threshold</c>).
/// Whether the signals exist is checked by the <see cref="ReviewRuleSet"/> against its catalog.
/// </remarks>
public sealed class ReviewRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="code">A short stable identifier (<c>neglect</c>), not blank, at most 64 characters.</param>
    /// <param name="kind">Risk or opportunity.</param>
    /// <param name="title">What the rule detects, in a few words, not blank.</param>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="weight">What it adds to the account's risk or opportunity score, above 0 and at most 1,000.</param>
    /// <param name="conditions">The conditions, all of which must hold, 1 to 16 (copied).</param>
    /// <param name="action">What to do when it fires, not blank.</param>
    /// <param name="valueAtStake">The signal whose value is what the rule puts at stake (ties in the ranking are broken by it), or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">A value is blank or out of range or a condition null; every problem is reported.</exception>
    public ReviewRule(
        string code,
        ReviewRuleKind kind,
        string title,
        RuleSeverity severity,
        double weight,
        IReadOnlyList<ReviewCondition> conditions,
        string action,
        string? valueAtStake = null)
    {
        var errors = new ValidationCollector();
        if (errors.Required("code", code) && code.Length > 64)
        {
            errors.Add("code", KamErrorCodes.OutOfRange, code, "A rule code is at most 64 characters.");
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add("kind", KamErrorCodes.Unknown, (int)kind, "Not a rule kind (Risk, Opportunity).");
        }

        errors.Required("title", title);
        if (!Enum.IsDefined(severity))
        {
            errors.Add("severity", KamErrorCodes.Unknown, (int)severity, "Not a severity (Low, Medium, High, Critical).");
        }

        if (errors.FiniteInRange("weight", weight, 0d, 1000d) && weight <= 0d)
        {
            errors.Add("weight", KamErrorCodes.OutOfRange, weight, "A weight is above 0.");
        }

        var copy = conditions?.ToArray() ?? [];
        if (conditions is null || copy.Length is < 1 or > 16)
        {
            errors.Add("conditions", copy.Length == 0 ? KamErrorCodes.Empty : KamErrorCodes.OutOfRange, copy.Length, "Give 1 to 16 conditions.");
        }

        for (var i = 0; i < copy.Length; i++)
        {
            errors.Required($"conditions[{i}]", copy[i]);
        }

        errors.Required("action", action);
        if (valueAtStake is not null)
        {
            errors.Required("valueAtStake", valueAtStake);
        }

        errors.ThrowIfAny();
        Code = code;
        Kind = kind;
        Title = title;
        Severity = severity;
        Weight = weight;
        Conditions = Array.AsReadOnly(copy);
        Action = action;
        ValueAtStake = valueAtStake;
    }

    /// <summary>Gets the rule's stable identifier.</summary>
    public string Code { get; }

    /// <summary>Gets whether it flags a risk or an opportunity.</summary>
    public ReviewRuleKind Kind { get; }

    /// <summary>Gets what it detects.</summary>
    public string Title { get; }

    /// <summary>Gets how urgent it is.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Gets what it adds to the account's score when it fires.</summary>
    public double Weight { get; }

    /// <summary>Gets the conditions, all of which must hold.</summary>
    public IReadOnlyList<ReviewCondition> Conditions { get; }

    /// <summary>Gets what to do when it fires.</summary>
    public string Action { get; }

    /// <summary>Gets the signal measuring the value at stake, or <see langword="null"/>.</summary>
    public string? ValueAtStake { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {string.Join(" and ", Conditions)}";
}
