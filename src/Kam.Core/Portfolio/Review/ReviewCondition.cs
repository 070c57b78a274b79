using System.Globalization;

namespace Kam.Core.Portfolio.Review;

/// <summary>One condition of a rule: a signal compared with a threshold (<c>health.trend LessThan 0</c>).</summary>
/// <remarks>Immutable and valid from construction; an absent signal never meets a condition. Whether the signal exists is checked by the <see cref="ReviewRuleSet"/>.</remarks>
public sealed class ReviewCondition
{
    /// <summary>Creates a condition.</summary>
    /// <param name="signal">The signal's name, not blank.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="threshold">The threshold, a finite number.</param>
    /// <exception cref="KamValidationException">The name is blank, the operator unknown or the threshold NaN or infinite; every problem is reported.</exception>
    public ReviewCondition(string signal, ConditionOperator op, double threshold)
    {
        var errors = new ValidationCollector();
        errors.Required("signal", signal);
        if (!Enum.IsDefined(op))
        {
            errors.Add("op", KamErrorCodes.Unknown, (int)op, "Not a condition operator (LessThan, AtMost, GreaterThan, AtLeast, EqualTo).");
        }

        errors.FiniteInRange("threshold", threshold);
        errors.ThrowIfAny();
        Signal = signal;
        Op = op;
        Threshold = threshold;
    }

    /// <summary>Gets the signal's name.</summary>
    public string Signal { get; }

    /// <summary>Gets the comparison.</summary>
    public ConditionOperator Op { get; }

    /// <summary>Gets the threshold.</summary>
    public double Threshold { get; }

    /// <summary>Tells whether a value meets the condition; an absent value (NaN) never does.</summary>
    /// <param name="value">The value, NaN when absent.</param>
    /// <returns><see langword="true"/> when met.</returns>
    internal bool IsMet(double value) => Op switch
    {
        ConditionOperator.LessThan => value < Threshold,
        ConditionOperator.AtMost => value <= Threshold,
        ConditionOperator.GreaterThan => value > Threshold,
        ConditionOperator.AtLeast => value >= Threshold,
        _ => value == Threshold,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Signal} {Symbol(Op)} {Threshold.ToString("G6", CultureInfo.InvariantCulture)}";

    internal static string Symbol(ConditionOperator op) => op switch
    {
        ConditionOperator.LessThan => "<",
        ConditionOperator.AtMost => "≤",
        ConditionOperator.GreaterThan => ">",
        ConditionOperator.AtLeast => "≥",
        _ => "=",
    };
}
