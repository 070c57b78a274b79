namespace Kam.Core.Value.Retention;

/// <summary>What losing customers costs compared with keeping them, at the policy's acquisition-to-retention cost ratio (rule book: value, The profit of keeping customers).</summary>
/// <remarks>Immutable.</remarks>
public sealed class AcquisitionVersusRetention
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="retentionCostPerCustomer">The cost of keeping one customer for a period.</param>
    /// <param name="acquisitionCostPerCustomer">The cost of winning one customer: ratio × the retention cost.</param>
    /// <param name="customersLostPerPeriod">The customers lost each period, N·(1 − r).</param>
    /// <param name="replacementCostPerPeriod">The cost of winning replacements for them.</param>
    /// <param name="retentionCostPerPeriod">The cost of spending the retention cost on every customer, N × retention cost.</param>
    /// <param name="breakEvenRetentionGain">The rise in retention rate (as a fraction, 1/ratio) at which spending the retention cost on every customer pays for itself through the replacements it avoids: with ratio 6, keeping one customer in six who would otherwise leave.</param>
    internal AcquisitionVersusRetention(Money retentionCostPerCustomer, Money acquisitionCostPerCustomer, decimal customersLostPerPeriod, Money replacementCostPerPeriod, Money retentionCostPerPeriod, decimal breakEvenRetentionGain)
    {
        RetentionCostPerCustomer = retentionCostPerCustomer;
        AcquisitionCostPerCustomer = acquisitionCostPerCustomer;
        CustomersLostPerPeriod = customersLostPerPeriod;
        ReplacementCostPerPeriod = replacementCostPerPeriod;
        RetentionCostPerPeriod = retentionCostPerPeriod;
        BreakEvenRetentionGain = breakEvenRetentionGain;
    }

    /// <summary>Gets the cost of keeping one customer for a period.</summary>
    public Money RetentionCostPerCustomer { get; }

    /// <summary>Gets the cost of winning one customer: ratio × the retention cost.</summary>
    public Money AcquisitionCostPerCustomer { get; }

    /// <summary>Gets the customers lost each period, N·(1 − r).</summary>
    public decimal CustomersLostPerPeriod { get; }

    /// <summary>Gets the cost of winning replacements for them.</summary>
    public Money ReplacementCostPerPeriod { get; }

    /// <summary>Gets the cost of spending the retention cost on every customer, N × retention cost.</summary>
    public Money RetentionCostPerPeriod { get; }

    /// <summary>Gets the rise in retention rate (as a fraction, 1/ratio) at which spending the retention cost on every customer pays for itself through the replacements it avoids: with ratio 6, keeping one customer in six who would otherwise leave.</summary>
    public decimal BreakEvenRetentionGain { get; }
}
