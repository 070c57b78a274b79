namespace Kam.Core.Portfolio.Wallet;

/// <summary>
/// Share-of-wallet figures of a set of accounts (one account, a customer's group, a unit of ours, the portfolio):
/// sums of money and counts that add up, so that figures merge and roll up.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Share"/> of a set is <see cref="CapturedSpend"/> ÷ <see cref="EstimatedSpend"/> over the accounts with
/// an estimate, where an account's captured spend is the smaller of our sales and its estimate: so a set's share is
/// always between 0 and 100% and is the spend-weighted mean of its accounts' shares. Our sales to accounts without an
/// estimate count in <see cref="OurSales"/> but in no share.
/// </para>
/// <para>
/// <see cref="Merge"/> adds every member: associative and commutative exactly (integers and <see cref="decimal"/>
/// sums); <see cref="Empty"/> is the identity. A sum beyond <see cref="decimal"/> is an <c>overflow</c> error naming the
/// quantity. Immutable.
/// </para>
/// </remarks>
public sealed class WalletFigures
{
    private WalletFigures(int accounts, int withEstimate, int belowSales, Money ourSales, Money estimatedSpend, Money captured, Money whitespace)
    {
        Accounts = accounts;
        AccountsWithEstimate = withEstimate;
        AccountsEstimateBelowSales = belowSales;
        OurSales = ourSales;
        EstimatedSpend = estimatedSpend;
        CapturedSpend = captured;
        Whitespace = whitespace;
    }

    /// <summary>Gets the number of accounts.</summary>
    public int Accounts { get; }

    /// <summary>Gets the number of accounts with an estimated spend.</summary>
    public int AccountsWithEstimate { get; }

    /// <summary>Gets the number of accounts whose estimated spend is smaller than our sales.</summary>
    public int AccountsEstimateBelowSales { get; }

    /// <summary>Gets our sales to the accounts.</summary>
    public Money OurSales { get; }

    /// <summary>Gets the estimated spend of the accounts with an estimate.</summary>
    public Money EstimatedSpend { get; }

    /// <summary>Gets the spend we have: over the accounts with an estimate, the smaller of our sales and the estimate.</summary>
    public Money CapturedSpend { get; }

    /// <summary>Gets the estimated spend we do not have: <see cref="EstimatedSpend"/> − <see cref="CapturedSpend"/>.</summary>
    public Money Headroom => EstimatedSpend - CapturedSpend;

    /// <summary>Gets the estimated value of the white space of the accounts' plans.</summary>
    public Money Whitespace { get; }

    /// <summary>Gets our share of the estimated spend, 0 to 100%; <see langword="null"/> when the estimated spend is zero (no estimate, or estimates of zero).</summary>
    public Ratio? Share => EstimatedSpend.IsZero ? null : Ratio.Of(CapturedSpend, EstimatedSpend);

    /// <summary>Gets the figures of no account: the identity of <see cref="Merge"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The empty figures.</returns>
    public static WalletFigures Empty(Currency currency)
    {
        var zero = Money.Zero(currency);
        return new WalletFigures(0, 0, 0, zero, zero, zero, zero);
    }

    /// <summary>Adds the figures of another, disjoint set of accounts.</summary>
    /// <param name="other">The other figures, in the same currency.</param>
    /// <returns>The figures of both sets.</returns>
    /// <exception cref="KamValidationException">The currencies differ (path <c>currency</c>), or a sum exceeds <see cref="decimal"/> (<c>overflow</c>, naming the quantity: <c>ourSales</c>).</exception>
    public WalletFigures Merge(WalletFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.OurSales.Currency != OurSales.Currency)
        {
            throw new KamValidationException("currency", KamErrorCodes.CurrencyMismatch, other.OurSales.Currency.Code, $"The figures are in {OurSales.Currency.Code}.");
        }

        return new WalletFigures(
            Accounts + other.Accounts,
            AccountsWithEstimate + other.AccountsWithEstimate,
            AccountsEstimateBelowSales + other.AccountsEstimateBelowSales,
            Sum(OurSales, other.OurSales, "ourSales"),
            Sum(EstimatedSpend, other.EstimatedSpend, "estimatedSpend"),
            Sum(CapturedSpend, other.CapturedSpend, "capturedSpend"),
            Sum(Whitespace, other.Whitespace, "whitespace"));
    }

    internal static WalletFigures Of(Money ourSales, Money? estimatedSpend, Money whitespace)
    {
        var zero = Money.Zero(ourSales.Currency);
        return estimatedSpend is { } spend
            ? new WalletFigures(1, 1, spend < ourSales ? 1 : 0, ourSales, spend, spend < ourSales ? spend : ourSales, whitespace)
            : new WalletFigures(1, 0, 0, ourSales, zero, zero, whitespace);
    }

    private static Money Sum(Money a, Money b, string quantity) => new(Overflow.Add(a.Amount, b.Amount, quantity), a.Currency);
}
