namespace Kam.Core.Portfolio;

/// <summary>
/// Gross and net revenue retention between two periods, over the accounts with revenue in the first: what they
/// brought then, what the lost ones took away, what the remaining ones gave up (downgrade) and added (expansion).
/// </summary>
/// <remarks>
/// GRR = (start revenue − lost − downgrade) / start revenue; NRR = (start revenue − lost − downgrade + expansion) /
/// start revenue. An account with revenue in the start period and none in the end period is lost. Accounts new in the
/// end period do not count. Both rates are absent (null) when the start period has no revenue. Immutable.
/// </remarks>
public sealed class RevenueRetention
{
    internal RevenueRetention(FiscalPeriod start, FiscalPeriod end, long accounts, long lostAccounts, Money startRevenue, Money lost, Money downgrade, Money expansion)
    {
        Start = start;
        End = end;
        Accounts = accounts;
        LostAccounts = lostAccounts;
        StartRevenue = startRevenue;
        Lost = lost;
        Downgrade = downgrade;
        Expansion = expansion;
        if (startRevenue.Amount > 0m)
        {
            var kept = Overflow.Subtract(Overflow.Subtract(startRevenue.Amount, lost.Amount, "retained revenue"), downgrade.Amount, "retained revenue");
            GrossRetention = Ratio.FromFraction(kept / startRevenue.Amount);
            NetRetention = Ratio.FromFraction(Overflow.Add(kept, expansion.Amount, "retained revenue") / startRevenue.Amount);
        }
    }

    /// <summary>Gets the start period.</summary>
    public FiscalPeriod Start { get; }

    /// <summary>Gets the end period.</summary>
    public FiscalPeriod End { get; }

    /// <summary>Gets the number of accounts with revenue in the start period.</summary>
    public long Accounts { get; }

    /// <summary>Gets how many of them have no revenue in the end period.</summary>
    public long LostAccounts { get; }

    /// <summary>Gets their revenue in the start period.</summary>
    public Money StartRevenue { get; }

    /// <summary>Gets the start revenue of the accounts lost.</summary>
    public Money Lost { get; }

    /// <summary>Gets the decrease of the remaining accounts whose revenue fell.</summary>
    public Money Downgrade { get; }

    /// <summary>Gets the increase of the remaining accounts whose revenue grew.</summary>
    public Money Expansion { get; }

    /// <summary>Gets the gross revenue retention (at most 100%); null when the start period has no revenue.</summary>
    public Ratio? GrossRetention { get; }

    /// <summary>Gets the net revenue retention (may exceed 100%); null when the start period has no revenue.</summary>
    public Ratio? NetRetention { get; }
}
