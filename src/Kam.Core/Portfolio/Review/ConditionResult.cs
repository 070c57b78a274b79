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

    /// <summary>The reason as text; numbers are written as people read them: whole numbers in full with thousands separators (1,643,500), others to six significant digits (2.5135, 0.8).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Signal.Name} = {Number(Actual)} {ReviewCondition.Symbol(Condition.Op)} {Number(Condition.Threshold)} ({Signal.Part}: {Signal.Field})");

    /// <summary>A number for a reason: whole numbers below 10^15 in full with separators, large fractional ones to two decimals, the rest to six significant digits.</summary>
    internal static string Number(double value) =>
        Math.Abs(value) >= 1e15 ? value.ToString("G6", CultureInfo.InvariantCulture)
        : value == Math.Floor(value) ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1000 ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
        : value.ToString("G6", CultureInfo.InvariantCulture);
}
