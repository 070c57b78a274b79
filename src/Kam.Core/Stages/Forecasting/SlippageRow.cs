namespace Kam.Core.Stages.Forecasting;

/// <summary>Expected-close moves of one period (or by one owner): out to a later period, and in from a later one.</summary>
/// <remarks>Made by <see cref="ForecastTrackRecord.Slippage"/> and <see cref="ForecastTrackRecord.SlippageByOwner"/>. Immutable.</remarks>
public sealed class SlippageRow
{
    internal SlippageRow(FiscalPeriod? period, PersonId? owner, SlipCell cell, Currency currency)
    {
        Period = period;
        Owner = owner;
        SlippedOut = cell.OutCount;
        SlippedOutValue = new Money(cell.OutValue, currency);
        PulledIn = cell.InCount;
        PulledInValue = new Money(cell.InValue, currency);
    }

    /// <summary>Gets the period, or null for an owner's row.</summary>
    public FiscalPeriod? Period { get; }

    /// <summary>Gets the owner (who owned the opportunity at the move), or null for a period's row.</summary>
    public PersonId? Owner { get; }

    /// <summary>Gets the number of moves to a later period (out of this period).</summary>
    public long SlippedOut { get; }

    /// <summary>Gets the value of those moves.</summary>
    public Money SlippedOutValue { get; }

    /// <summary>Gets the number of moves to an earlier period (into this period).</summary>
    public long PulledIn { get; }

    /// <summary>Gets the value of those moves.</summary>
    public Money PulledInValue { get; }
}
