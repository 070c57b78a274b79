namespace Kam.Core.Value.Economics;

/// <summary>What one account bought and cost in one fiscal period: the input of the profitability calculation.</summary>
/// <remarks>
/// All amounts are in one currency and not negative. <see cref="Discounts"/> are the negotiated discounts other than
/// the volume discount, which the calculator derives from the <see cref="AccountEconomicsPolicy"/>; they may not exceed
/// <see cref="Revenue"/>. Immutable when built from immutable lists; the calculator copies what it keeps.
/// </remarks>
public sealed class AccountPeriodFigures
{
    /// <summary>Gets the account.</summary>
    public required AccountId Account { get; init; }

    /// <summary>Gets the fiscal period the figures cover.</summary>
    public required FiscalPeriod Period { get; init; }

    /// <summary>Gets the gross revenue at list price.</summary>
    public required Money Revenue { get; init; }

    /// <summary>Gets the negotiated discounts other than the volume discount (rebates, special prices).</summary>
    public required Money Discounts { get; init; }

    /// <summary>Gets the cost of the goods or services sold.</summary>
    public required Money CostOfGoods { get; init; }

    /// <summary>Gets the cost to serve the account: account team, service, logistics, special terms, senior management time.</summary>
    public required Money CostToServe { get; init; }

    /// <summary>Gets the costs of winning the account spent in this period (usually in its first periods). Default: none.</summary>
    public IReadOnlyList<AcquisitionCost> AcquisitionCosts { get; init; } = [];
}
