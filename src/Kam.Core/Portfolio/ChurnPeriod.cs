namespace Kam.Core.Portfolio;

/// <summary>
/// The key accounts lost in one period: the base (the accounts held at its start), how many were lost and what
/// revenue they brought in the period before, the churn rates, and the losses by reason, cause group and industry.
/// </summary>
/// <remarks>Immutable. A rate over an empty base is absent (null), never 0/0.</remarks>
public sealed class ChurnPeriod
{
    internal ChurnPeriod(FiscalPeriod period, long baseCount, Money baseRevenue, long lost, Money lostRevenue, IReadOnlyList<ChurnShare> byReason, IReadOnlyList<ChurnShare> byCause, IReadOnlyList<ChurnShare> byIndustry)
    {
        Period = period;
        Base = baseCount;
        BaseRevenue = baseRevenue;
        Lost = lost;
        LostRevenue = lostRevenue;
        ChurnRate = baseCount > 0 ? Ratio.FromFraction((decimal)lost / baseCount) : null;
        RevenueChurnRate = baseRevenue.Amount > 0m ? Ratio.FromFraction(lostRevenue.Amount / baseRevenue.Amount) : null;
        ByReason = byReason;
        ByCause = byCause;
        ByIndustry = byIndustry;
    }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the base: the accounts with revenue in the period before, not lost before this period starts, plus any account lost in this period without such revenue.</summary>
    public long Base { get; }

    /// <summary>Gets the base's revenue in the period before.</summary>
    public Money BaseRevenue { get; }

    /// <summary>Gets the number of accounts lost in the period.</summary>
    public long Lost { get; }

    /// <summary>Gets the revenue of the accounts lost, in the period before (what the losses take away).</summary>
    public Money LostRevenue { get; }

    /// <summary>Gets the churn rate: lost / base; null on an empty base.</summary>
    public Ratio? ChurnRate { get; }

    /// <summary>Gets the revenue churn rate: lost revenue / base revenue; null when the base has no revenue.</summary>
    public Ratio? RevenueChurnRate { get; }

    /// <summary>Gets the losses by reason code, in the reason list's order (only codes with losses).</summary>
    public IReadOnlyList<ChurnShare> ByReason { get; }

    /// <summary>Gets the losses by cause group (a reason's cause, or its code when it has none), in ordinal order.</summary>
    public IReadOnlyList<ChurnShare> ByCause { get; }

    /// <summary>Gets the losses by the account's industry, in ordinal order, then null (no industry recorded); each row carries the industry's base and churn rate.</summary>
    public IReadOnlyList<ChurnShare> ByIndustry { get; }
}
