
namespace Kam.Core.Value.Models.Data;

/// <summary>
/// One customer's history over discrete transaction opportunities (annual events, yearly donations, scheduled
/// meetings), as the BG/BB model sees it: x transactions in n opportunities after the first, the last at
/// opportunity tₓ.
/// </summary>
/// <remarks>
/// A valid history has 0 ≤ x ≤ tₓ ≤ n, tₓ = 0 exactly when x = 0; the constructor enforces this. <c>default</c>
/// is the valid history (0, 0, 0). Equality is value equality.
/// </remarks>
public readonly record struct DiscreteHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="frequency">The number of repeat transactions x.</param>
    /// <param name="recency">The opportunity tₓ of the last one (0 when x = 0).</param>
    /// <param name="opportunities">The number of opportunities n observed.</param>
    /// <exception cref="KamValidationException">The history is impossible.</exception>
    public DiscreteHistory(int frequency, int recency, int opportunities)
    {
        var errors = new ValidationCollector();
        Check(errors, "customer", frequency, recency, opportunities);
        errors.ThrowIfAny();
        (Frequency, Recency, Opportunities) = (frequency, recency, opportunities);
    }

    /// <summary>Gets the number of repeat transactions x.</summary>
    public int Frequency { get; }

    /// <summary>Gets the opportunity tₓ of the last repeat transaction.</summary>
    public int Recency { get; }

    /// <summary>Gets the number of opportunities n.</summary>
    public int Opportunities { get; }

    internal static bool Check(ValidationCollector errors, string prefix, int x, int tx, int n)
    {
        var ok = errors.InRange(prefix + ".opportunities", n, 0, 1_000_000);
        ok &= errors.InRange(prefix + ".frequency", x, 0, int.MaxValue);
        ok &= errors.InRange(prefix + ".recency", tx, 0, int.MaxValue);
        if (!ok)
        {
            return false;
        }

        if (tx > n)
        {
            errors.Add(prefix + ".recency", KamErrorCodes.OutOfOrder, tx, "The last transaction cannot come after the last opportunity.");
            return false;
        }

        if (x > tx || (x > 0) != (tx > 0))
        {
            errors.Add(prefix + ".frequency", KamErrorCodes.OutOfRange, x, "At most one transaction per opportunity: 0 ≤ x ≤ tₓ, and tₓ = 0 exactly when x = 0.");
            return false;
        }

        return true;
    }
}
