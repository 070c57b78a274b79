
namespace Kam.Core.Value.Models.Data;

/// <summary>
/// One customer's purchase history in a calibration period, as the continuous-time models see it: the number of
/// repeat transactions x, the time of the last one tₓ (recency) and the time since the first purchase T (age), all
/// in one time unit (for example weeks).
/// </summary>
/// <remarks>
/// Times are measured from the customer's first purchase. A valid history has a whole, non-negative frequency,
/// 0 ≤ tₓ ≤ T, and tₓ = 0 when x = 0; the constructor enforces this. <c>default</c> is the valid history (0, 0, 0).
/// Equality is value equality of the three numbers.
/// </remarks>
public readonly record struct CustomerHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="frequency">The number of repeat transactions x (whole, ≥ 0).</param>
    /// <param name="recency">The time of the last repeat transaction tₓ (0 when x = 0).</param>
    /// <param name="age">The time T from the first purchase to the end of the calibration period (≥ tₓ).</param>
    /// <exception cref="KamValidationException">The history is impossible (negative, non-integer or NaN frequency, recency
    /// greater than age, recency without a repeat transaction).</exception>
    public CustomerHistory(double frequency, double recency, double age)
    {
        var errors = new ValidationCollector();
        HistoryRules.Check(errors, "customer", frequency, recency, age);
        errors.ThrowIfAny();
        Frequency = frequency;
        Recency = recency;
        Age = age;
    }

    /// <summary>Gets the number of repeat transactions x.</summary>
    public double Frequency { get; }

    /// <summary>Gets the time of the last repeat transaction tₓ, measured from the first purchase.</summary>
    public double Recency { get; }

    /// <summary>Gets the time T from the first purchase to the end of the calibration period.</summary>
    public double Age { get; }
}
