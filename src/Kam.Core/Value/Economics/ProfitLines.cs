namespace Kam.Core.Value.Economics;

/// <summary>The lines of an account's profit and loss, for a period or summed over periods.</summary>
/// <remarks>
/// Every amount is in one currency. <see cref="Contribution"/> may be negative: an account can lose money once its
/// discounts, cost to serve and acquisition costs are counted. Immutable.
/// </remarks>
public sealed class ProfitLines
{
    /// <summary>Creates the result (built by the library only).</summary>
    /// <param name="revenue">Gross revenue at list price.</param>
    /// <param name="volumeDiscount">The volume discount given under the policy's schedule.</param>
    /// <param name="otherDiscounts">Other negotiated discounts.</param>
    /// <param name="costOfGoods">The cost of goods or services sold.</param>
    /// <param name="costToServe">The cost to serve.</param>
    /// <param name="visibleAcquisitionCost">Visible costs of winning the account.</param>
    /// <param name="hiddenAcquisitionCost">Hidden costs of winning the account.</param>
    internal ProfitLines(Money revenue, Money volumeDiscount, Money otherDiscounts, Money costOfGoods, Money costToServe, Money visibleAcquisitionCost, Money hiddenAcquisitionCost)
    {
        Revenue = revenue;
        VolumeDiscount = volumeDiscount;
        OtherDiscounts = otherDiscounts;
        CostOfGoods = costOfGoods;
        CostToServe = costToServe;
        VisibleAcquisitionCost = visibleAcquisitionCost;
        HiddenAcquisitionCost = hiddenAcquisitionCost;
    }

    /// <summary>Gets gross revenue at list price.</summary>
    public Money Revenue { get; }

    /// <summary>Gets the volume discount given under the policy's schedule.</summary>
    public Money VolumeDiscount { get; }

    /// <summary>Gets other negotiated discounts.</summary>
    public Money OtherDiscounts { get; }

    /// <summary>Gets the cost of goods or services sold.</summary>
    public Money CostOfGoods { get; }

    /// <summary>Gets the cost to serve.</summary>
    public Money CostToServe { get; }

    /// <summary>Gets visible costs of winning the account.</summary>
    public Money VisibleAcquisitionCost { get; }

    /// <summary>Gets hidden costs of winning the account.</summary>
    public Money HiddenAcquisitionCost { get; }

    /// <summary>Gets the revenue after all discounts.</summary>
    public Money NetRevenue => Revenue - VolumeDiscount - OtherDiscounts;

    /// <summary>Gets the gross margin: net revenue less the cost of goods.</summary>
    public Money GrossMargin => NetRevenue - CostOfGoods;

    /// <summary>Gets the total acquisition cost, visible and hidden.</summary>
    public Money AcquisitionCost => VisibleAcquisitionCost + HiddenAcquisitionCost;

    /// <summary>Gets the contribution: gross margin less cost to serve and acquisition costs.</summary>
    public Money Contribution => GrossMargin - CostToServe - AcquisitionCost;

    /// <summary>Gets the contribution as a share of gross revenue (negative for a loss), or null when revenue is zero.</summary>
    public decimal? ContributionMargin => Revenue.IsZero ? null : Contribution.Amount / Revenue.Amount;

    /// <summary>Adds two sets of lines (same currency).</summary>
    /// <param name="other">The lines to add.</param>
    /// <returns>The line-by-line sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    internal ProfitLines Add(ProfitLines other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Revenue + other.Revenue,
            VolumeDiscount + other.VolumeDiscount,
            OtherDiscounts + other.OtherDiscounts,
            CostOfGoods + other.CostOfGoods,
            CostToServe + other.CostToServe,
            VisibleAcquisitionCost + other.VisibleAcquisitionCost,
            HiddenAcquisitionCost + other.HiddenAcquisitionCost);
    }

    /// <summary>Gets all-zero lines in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Lines whose every amount is zero.</returns>
    internal static ProfitLines Zero(Currency currency)
    {
        var zero = Money.Zero(currency);
        return new(zero, zero, zero, zero, zero, zero, zero);
    }
}
