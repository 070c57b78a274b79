using System.Globalization;

namespace Kam.Core.Portfolio.Review;

/// <summary>One condition of a fired rule with the account's actual value: the reason, printable as <c>health.trend = -6 &lt; 0 (Health: AccountHealth.Trend)</c>.</summary>
public sealed class ConditionResult
{
    internal ConditionResult(ReviewCondition condition, SignalDefinition signal, double actual)
    {
        Condition = condition;
        Signal = signal;
        Actual = actual;
    }

    /// <summary>Gets the condition.</summary>
    public ReviewCondition Condition { get; }

    /// <summary>Gets the signal tested, with its unit and where it came from.</summary>
    public SignalDefinition Signal { get; }

    /// <summary>Gets the account's value, which met the condition.</summary>
    public double Actual { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Signal.Name} = {Actual:G6} {ReviewCondition.Symbol(Condition.Op)} {Condition.Threshold:G6} ({Signal.Part}: {Signal.Field})");
}
