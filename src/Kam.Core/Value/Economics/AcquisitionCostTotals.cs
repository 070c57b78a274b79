namespace Kam.Core.Value.Economics;

/// <summary>Sums acquisition costs by visibility (shared by the profitability and replacement-cost calculations).</summary>
internal static class AcquisitionCostTotals
{
    /// <summary>Sums the visible and the hidden costs separately; every amount must be in <paramref name="currency"/>.</summary>
    public static (Money Visible, Money Hidden) Split(IEnumerable<AcquisitionCost> costs, Currency currency)
    {
        var visible = Money.Zero(currency);
        var hidden = Money.Zero(currency);
        foreach (var cost in costs)
        {
            if (cost.IsHidden)
            {
                hidden += cost.Amount;
            }
            else
            {
                visible += cost.Amount;
            }
        }

        return (visible, hidden);
    }
}
