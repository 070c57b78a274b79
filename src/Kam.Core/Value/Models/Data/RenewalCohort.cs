
namespace Kam.Core.Value.Models.Data;

/// <summary>
/// A contractual cohort for the shifted-beta-geometric model: how many of the customers acquired together are still
/// active at the start of each period (element 0 is the cohort size).
/// </summary>
/// <remarks>
/// Counts are whole, non-negative and non-increasing, and the cohort is not empty; at least one renewal period is
/// observed. Immutable and thread-safe; the factory copies its input.
/// </remarks>
public sealed class RenewalCohort
{
    private RenewalCohort(long[] alive) => Alive = alive;

    /// <summary>Gets the alive counts: element t is the number still active after t renewal opportunities.</summary>
    public IReadOnlyList<long> Alive { get; }

    /// <summary>Gets the number of observed periods (renewal opportunities).</summary>
    public int Periods => Alive.Count - 1;

    /// <summary>Creates the cohort from its alive counts.</summary>
    /// <param name="alive">The counts, starting with the cohort size (for example 1000, 631, 468, …).</param>
    /// <returns>The cohort.</returns>
    /// <exception cref="KamValidationException">Fewer than two counts, a negative count, a zero cohort, or a count
    /// that increases (paths <c>alive[i]</c>).</exception>
    public static RenewalCohort FromAliveCounts(IEnumerable<long> alive)
    {
        ArgumentNullException.ThrowIfNull(alive);
        var counts = alive.ToArray();
        var errors = new ValidationCollector();
        if (counts.Length < 2)
        {
            errors.Add("alive", KamErrorCodes.Empty, counts.Length, "The cohort size and at least one later alive count are needed.");
        }
        else if (counts[0] <= 0)
        {
            errors.Add("alive[0]", KamErrorCodes.OutOfRange, counts[0], "The cohort must have at least one customer.");
        }

        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                errors.Add($"alive[{i}]", KamErrorCodes.OutOfRange, counts[i], "Must not be negative.");
            }
            else if (counts[i] > counts[i - 1])
            {
                errors.Add($"alive[{i}]", KamErrorCodes.OutOfOrder, counts[i], "Customers cannot come back: alive counts never increase.");
            }
        }

        errors.ThrowIfAny();
        return new RenewalCohort(counts);
    }
}
