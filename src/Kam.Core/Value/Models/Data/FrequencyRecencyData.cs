using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Summaries;

namespace Kam.Core.Value.Models.Data;

/// <summary>
/// The calibration data of a continuous-time customer-base model (BG/NBD, Pareto/NBD): one (x, tₓ, T) history per
/// customer, validated and compressed into weighted unique rows sorted by frequency, age and recency.
/// </summary>
/// <remarks>
/// Customers with identical histories are merged into one row whose weight counts them; the likelihood is a weighted
/// sum over rows, so compression changes nothing but speed. A host that fits on a distributed engine builds one
/// instance per partition (rows may carry weights already) and adds the partitions' likelihood contributions (see
/// <see cref="LikelihoodContribution"/>). Immutable and thread-safe; the constructor copies its inputs.
/// </remarks>
public sealed class FrequencyRecencyData
{
    private FrequencyRecencyData(double[] x, double[] tx, double[] t, double[] w, double customers)
    {
        Frequency = x;
        Recency = tx;
        Age = t;
        Weight = w;
        CustomerCount = customers;
        var groups = new List<int>();
        var groupOf = new int[x.Length];
        var distinct = new List<double>();
        for (var i = 0; i < x.Length; i++)
        {
            if (i == 0 || x[i] != x[i - 1])
            {
                distinct.Add(x[i]);
                groups.Add(i);
            }

            groupOf[i] = distinct.Count - 1;
        }

        DistinctFrequencies = [.. distinct];
        GroupOfRow = groupOf;
    }

    /// <summary>Gets the number of customers (the sum of the row weights).</summary>
    public double CustomerCount { get; }

    /// <summary>Gets the number of unique rows after compression.</summary>
    internal int RowCount => Frequency.Length;

    internal double[] Frequency { get; }

    internal double[] Recency { get; }

    internal double[] Age { get; }

    internal double[] Weight { get; }

    internal double[] DistinctFrequencies { get; }

    internal int[] GroupOfRow { get; }

    /// <summary>Gets the unique histories and how many customers share each, sorted by frequency, age, recency.</summary>
    /// <returns>The rows.</returns>
    internal IReadOnlyList<(CustomerHistory History, double Customers)> Rows() =>
        [.. Enumerable.Range(0, RowCount).Select(i => (new CustomerHistory(Frequency[i], Recency[i], Age[i]), Weight[i]))];

    /// <summary>Creates the data from customer histories.</summary>
    /// <param name="customers">The histories (already validated by <see cref="CustomerHistory"/>).</param>
    /// <returns>The compressed data.</returns>
    /// <exception cref="KamValidationException">There are no customers.</exception>
    public static FrequencyRecencyData FromHistories(IEnumerable<CustomerHistory> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return FromRows(customers, c => (c.Frequency, c.Recency, c.Age));
    }

    /// <summary>Creates the data from the summarizer's per-customer rows (frequency, recency, age).</summary>
    /// <param name="customers">The summaries.</param>
    /// <returns>The compressed data.</returns>
    /// <exception cref="KamValidationException">There are no customers or a row is impossible (paths <c>customers[i].recency</c>).</exception>
    public static FrequencyRecencyData FromSummaries(IEnumerable<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return FromRows(customers, c => (c.Frequency, c.Recency, c.Age));
    }

    /// <summary>Creates the data from columns (one element per customer, or per group of customers with weights).</summary>
    /// <param name="frequency">The repeat-transaction counts x (whole, ≥ 0).</param>
    /// <param name="recency">The times of the last repeat transaction tₓ (0 when x = 0, ≤ T).</param>
    /// <param name="age">The times T since the first purchase.</param>
    /// <param name="weights">How many customers each element stands for (positive), or empty for one each.</param>
    /// <returns>The compressed data.</returns>
    /// <exception cref="KamValidationException">The columns differ in length, are empty, or hold an impossible history;
    /// every problem is reported with its path (<c>customers[i].recency</c>).</exception>
    public static FrequencyRecencyData Create(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> weights = default)
    {
        var errors = new ValidationCollector();
        var n = frequency.Length;
        if (n == 0)
        {
            errors.Add("customers", KamErrorCodes.Empty, null, "At least one customer is needed.");
        }

        if (recency.Length != n || age.Length != n || (!weights.IsEmpty && weights.Length != n))
        {
            errors.Add("customers", KamErrorCodes.InvalidSum, n, "The frequency, recency, age (and weight) columns must have the same length.");
        }

        errors.ThrowIfAny();
        var rows = new Row[n];
        for (var i = 0; i < n; i++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            var ok = HistoryRules.Check(errors, $"customers[{i}]", frequency[i], recency[i], age[i]);
            ok &= weights.IsEmpty || HistoryRules.CheckWeight(errors, $"customers[{i}].weight", w);
            if (errors.Errors.Count > 100)
            {
                break;
            }

            rows[i] = new Row(frequency[i], recency[i], age[i], ok ? w : 0);
        }

        errors.ThrowIfAny();
        Array.Sort(rows);
        var count = 0;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += rows[i].W;
            if (count > 0 && rows[count - 1].SameHistory(rows[i]))
            {
                rows[count - 1] = rows[count - 1] with { W = rows[count - 1].W + rows[i].W };
            }
            else
            {
                rows[count++] = rows[i];
            }
        }

        var x = new double[count];
        var tx = new double[count];
        var t = new double[count];
        var wt = new double[count];
        for (var i = 0; i < count; i++)
        {
            (x[i], tx[i], t[i], wt[i]) = (rows[i].X, rows[i].Tx, rows[i].T, rows[i].W);
        }

        return new FrequencyRecencyData(x, tx, t, wt, total);
    }

    private static FrequencyRecencyData FromRows<T>(IEnumerable<T> customers, Func<T, (double X, double Tx, double T)> select)
    {
        var list = customers as IReadOnlyList<T> ?? [.. customers];
        var x = new double[list.Count];
        var tx = new double[list.Count];
        var t = new double[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            (x[i], tx[i], t[i]) = select(list[i]);
        }

        return Create(x, tx, t);
    }

    private readonly record struct Row(double X, double Tx, double T, double W) : IComparable<Row>
    {
        public bool SameHistory(Row other) => X == other.X && Tx == other.Tx && T == other.T;

        public int CompareTo(Row other)
        {
            var c = X.CompareTo(other.X);
            if (c != 0)
            {
                return c;
            }

            c = T.CompareTo(other.T);
            return c != 0 ? c : Tx.CompareTo(other.Tx);
        }
    }
}
