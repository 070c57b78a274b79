using Kam.Core.Value.Summaries;

namespace Kam.Core.Value.Models.Data;

/// <summary>
/// The calibration data of the Gamma-Gamma spend model: for each customer with at least one repeat transaction, the
/// number of repeat transactions x and their mean value z̄.
/// </summary>
/// <remarks>
/// Customers without repeat transactions carry no information about spend per transaction and are not part of this
/// data (the constructors refuse x = 0; <see cref="FromSummaries"/> leaves them out). Immutable and thread-safe.
/// </remarks>
public sealed class SpendData
{
    private SpendData(double[] x, double[] mean, double[] w)
    {
        Frequency = x;
        Mean = mean;
        Weight = w;
        CustomerCount = w.Sum();
        MeanValue = x.Select((_, i) => w[i] * mean[i]).Sum() / CustomerCount;
    }

    /// <summary>Gets the number of customers.</summary>
    public double CustomerCount { get; }

    /// <summary>Gets the average of the customers' mean transaction values.</summary>
    public double MeanValue { get; }

    internal double[] Frequency { get; }

    internal double[] Mean { get; }

    internal double[] Weight { get; }

    /// <summary>
    /// Creates the data from the summarizer's rows, keeping the customers with at least one repeat transaction
    /// (frequency x, mean repeat value z̄ = <see cref="CustomerSummary.MonetaryValue"/>).
    /// </summary>
    /// <param name="customers">The summaries.</param>
    /// <returns>The data.</returns>
    /// <exception cref="KamValidationException">No customer has a repeat transaction, or a row is impossible.</exception>
    public static SpendData FromSummaries(IEnumerable<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var repeaters = customers.Where(c => c.Frequency != 0).ToArray();
        return Create([.. repeaters.Select(c => c.Frequency)], [.. repeaters.Select(c => c.MonetaryValue)]);
    }

    /// <summary>Creates the data from columns.</summary>
    /// <param name="frequency">The repeat-transaction counts x (whole, ≥ 1).</param>
    /// <param name="meanValue">The mean values z̄ of those transactions (positive, finite).</param>
    /// <param name="weights">How many customers each element stands for (positive), or empty for one each.</param>
    /// <returns>The data.</returns>
    /// <exception cref="KamValidationException">The columns differ in length or are empty, or a value is impossible
    /// (paths <c>customers[i].frequency</c>, <c>customers[i].meanValue</c>).</exception>
    public static SpendData Create(ReadOnlySpan<double> frequency, ReadOnlySpan<double> meanValue, ReadOnlySpan<double> weights = default)
    {
        var errors = new ValidationCollector();
        var n = frequency.Length;
        if (n == 0)
        {
            errors.Add("customers", KamErrorCodes.Empty, null, "At least one customer with a repeat transaction is needed.");
        }

        if (meanValue.Length != n || (!weights.IsEmpty && weights.Length != n))
        {
            errors.Add("customers", KamErrorCodes.InvalidSum, n, "The frequency, mean value (and weight) columns must have the same length.");
        }

        errors.ThrowIfAny();
        for (var i = 0; i < n && errors.Errors.Count <= 100; i++)
        {
            if (errors.FiniteInRange($"customers[{i}].frequency", frequency[i], 1, double.MaxValue) && frequency[i] != Math.Floor(frequency[i]))
            {
                errors.Add($"customers[{i}].frequency", KamErrorCodes.InvalidFormat, frequency[i], "The frequency counts repeat transactions: it must be a whole number.");
            }

            errors.FiniteInRange($"customers[{i}].meanValue", meanValue[i], double.Epsilon, double.MaxValue);
            if (!weights.IsEmpty)
            {
                HistoryRules.CheckWeight(errors, $"customers[{i}].weight", weights[i]);
            }
        }

        errors.ThrowIfAny();
        return new SpendData(frequency.ToArray(), meanValue.ToArray(), weights.IsEmpty ? Enumerable.Repeat(1.0, n).ToArray() : weights.ToArray());
    }
}
