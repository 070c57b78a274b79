namespace Kam.Core.Value.Retention;

/// <summary>The effect of keeping more customers on the profit of a steady-state customer base (rule book: value, The profit of keeping customers).</summary>
/// <remarks>Immutable.</remarks>
public sealed class RetentionProfitEffect
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="before">The base at the current retention rate.</param>
    /// <param name="after">The base at the improved retention rate.</param>
    internal RetentionProfitEffect(SteadyStateProfit before, SteadyStateProfit after)
    {
        Before = before;
        After = after;
    }

    /// <summary>Gets the base at the current retention rate.</summary>
    public SteadyStateProfit Before { get; }

    /// <summary>Gets the base at the improved retention rate.</summary>
    public SteadyStateProfit After { get; }

    /// <summary>Gets the relative profit increase (1 = +100%), or null when the profit before was zero or negative (a percentage of it means nothing).</summary>
    public decimal? ProfitIncrease => Before.ProfitPerPeriod.Amount <= 0m
        ? null
        : (After.ProfitPerPeriod.Amount - Before.ProfitPerPeriod.Amount) / Before.ProfitPerPeriod.Amount;
}
