namespace Kam.Core.Portfolio.Review;

/// <summary>A rule that fired for an account: the rule, every condition with the account's actual value (the reasons), and the value at stake.</summary>
public sealed class RuleFinding
{
    internal RuleFinding(ReviewRule rule, ConditionResult[] conditions, double? valueAtStake)
    {
        Rule = rule;
        Conditions = Array.AsReadOnly(conditions);
        ValueAtStake = valueAtStake;
    }

    /// <summary>Gets the rule (its code, severity, weight and action).</summary>
    public ReviewRule Rule { get; }

    /// <summary>Gets the conditions with the actual values, in the rule's order.</summary>
    public IReadOnlyList<ConditionResult> Conditions { get; }

    /// <summary>Gets the value of the rule's value-at-stake signal, or <see langword="null"/> when the rule names none or it is absent.</summary>
    public double? ValueAtStake { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Rule.Code} [{Rule.Severity}]: {string.Join("; ", Conditions)} → {Rule.Action}";
}
