
namespace Kam.Core.Value.Models.Data;

/// <summary>
/// The calibration data of the BG/BB model: (x, tₓ, n) histories compressed into weighted unique rows.
/// </summary>
/// <remarks>
/// Discrete histories take few distinct values (a cohort with n = 6 has 22 possible patterns), so compression
/// makes the likelihood independent of the number of customers. Immutable and thread-safe.
/// </remarks>
public sealed class DiscreteHistoryData
{
    private DiscreteHistoryData(DiscreteHistory[] rows, double[] weights)
    {
        Histories = rows;
        Weight = weights;
        CustomerCount = weights.Sum();
    }

    /// <summary>Gets the number of customers.</summary>
    public double CustomerCount { get; }

    /// <summary>Gets the number of unique histories.</summary>
    internal int RowCount => Histories.Length;

    internal DiscreteHistory[] Histories { get; }

    internal double[] Weight { get; }

    /// <summary>Creates the data from histories, each standing for one customer.</summary>
    /// <param name="customers">The histories.</param>
    /// <returns>The data.</returns>
    /// <exception cref="KamValidationException">There are no customers.</exception>
    public static DiscreteHistoryData FromHistories(IEnumerable<DiscreteHistory> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return FromCounts(customers.Select(c => (c, 1.0)));
    }

    /// <summary>Creates the data from histories with the number of customers sharing each (a pattern table).</summary>
    /// <param name="patterns">The histories and their counts (positive).</param>
    /// <returns>The data.</returns>
    /// <exception cref="KamValidationException">There are no customers, or a count is not positive (paths <c>patterns[i].customers</c>).</exception>
    public static DiscreteHistoryData FromCounts(IEnumerable<(DiscreteHistory History, double Customers)> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var errors = new ValidationCollector();
        var merged = new Dictionary<DiscreteHistory, double>();
        var index = 0;
        foreach (var (history, customers) in patterns)
        {
            if (HistoryRules.CheckWeight(errors, $"patterns[{index}].customers", customers))
            {
                merged[history] = merged.GetValueOrDefault(history) + customers;
            }

            index++;
        }

        if (index == 0)
        {
            errors.Add("patterns", KamErrorCodes.Empty, null, "At least one customer is needed.");
        }

        errors.ThrowIfAny();
        var rows = merged.Keys.OrderBy(h => h.Opportunities).ThenBy(h => h.Frequency).ThenBy(h => h.Recency).ToArray();
        return new DiscreteHistoryData(rows, [.. rows.Select(r => merged[r])]);
    }
}
