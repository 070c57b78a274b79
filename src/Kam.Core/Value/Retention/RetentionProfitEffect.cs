namespace Kam.Core.Value.Retention;

/// <summary>The effect of keeping more customers on the profit of a steady-state customer base (000…txt:393, 429).</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Before">The base at the current retention rate.</param>
/// <param name="After">The base at the improved retention rate.</param>
public sealed record RetentionProfitEffect(SteadyStateProfit Before, SteadyStateProfit After)
{
    /// <summary>Gets the relative profit increase (1 = +100%), or null when the profit before was zero or negative (a percentage of it means nothing).</summary>
    public decimal? ProfitIncrease => Before.ProfitPerPeriod.Amount <= 0m
        ? null
        : (After.ProfitPerPeriod.Amount - Before.ProfitPerPeriod.Amount) / Before.ProfitPerPeriod.Amount;
}
