namespace Kam.Core.Value.Retention;

/// <summary>A customer base in steady state: a constant flow of new customers, each kept with the same retention rate.</summary>
/// <remarks>
/// With A new customers a period and retention r the base holds A / (1 − r) customers; when a customer's margin
/// grows by g for each period of tenure (rule book: value, What long retention brings) the profit per period
/// is A·m / (1 − r(1 + g)) − A·c, where c is the acquisition cost per new customer. Requires r(1 + g) &lt; 1.
/// Immutable once built.
/// </remarks>
public sealed class SteadyStateAssumptions
{
    /// <summary>Gets the number of new customers won each period; positive.</summary>
    public required decimal NewCustomersPerPeriod { get; init; }

    /// <summary>Gets the margin a new customer brings in a period.</summary>
    public required Money MarginPerCustomer { get; init; }

    /// <summary>Gets the retention rate per period; below 100%.</summary>
    public required Percentage Retention { get; init; }

    /// <summary>Gets the cost of winning one new customer. Default: null (no acquisition cost counted).</summary>
    public Money? AcquisitionCostPerCustomer { get; init; }

    /// <summary>Gets the growth of a customer's margin per period of tenure, as a fraction (0.02 = +2%). Default: 0.</summary>
    public decimal TenureMarginGrowth { get; init; }
}
