namespace Kam.Core.Value.Retention;

/// <summary>What losing customers costs compared with keeping them, at the policy's acquisition-to-retention cost ratio (000…txt:391).</summary>
/// <remarks>An immutable value; equality is member-wise.</remarks>
/// <param name="RetentionCostPerCustomer">The cost of keeping one customer for a period.</param>
/// <param name="AcquisitionCostPerCustomer">The cost of winning one customer: ratio × the retention cost.</param>
/// <param name="CustomersLostPerPeriod">The customers lost each period, N·(1 − r).</param>
/// <param name="ReplacementCostPerPeriod">The cost of winning replacements for them.</param>
/// <param name="RetentionCostPerPeriod">The cost of spending the retention cost on every customer, N × retention cost.</param>
/// <param name="BreakEvenRetentionGain">
/// The rise in retention rate (as a fraction, 1/ratio) at which spending the retention cost on every customer pays for
/// itself through the replacements it avoids: with ratio 6, keeping one customer in six who would otherwise leave.
/// </param>
public sealed record AcquisitionVersusRetention(
    Money RetentionCostPerCustomer,
    Money AcquisitionCostPerCustomer,
    decimal CustomersLostPerPeriod,
    Money ReplacementCostPerPeriod,
    Money RetentionCostPerPeriod,
    decimal BreakEvenRetentionGain);
