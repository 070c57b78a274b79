namespace Kam.Core.Portfolio.Wallet;

/// <summary>
/// One account's share of wallet: our sales against its estimated spend in the category, and the white space of its
/// key-account plan.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Share"/> = our sales ÷ estimated spend, absent without an estimate or with an estimated spend of zero
/// (never 0/0). An estimate smaller than our sales is evidently too low: the line is flagged
/// (<see cref="EstimateBelowSales"/>), the share is capped at 100% and the headroom is zero — the estimate is kept as
/// given, so the host can correct it.
/// </para>
/// </remarks>
public sealed class WalletLine
{
    internal WalletLine(AccountId account, Money ourSales, Money? estimatedSpend, string? spendSource, Money whitespace)
    {
        Account = account;
        OurSales = ourSales;
        EstimatedSpend = estimatedSpend;
        SpendSource = spendSource;
        Whitespace = whitespace;
        Figures = WalletFigures.Of(ourSales, estimatedSpend, whitespace);
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets our sales to the account in the category.</summary>
    public Money OurSales { get; }

    /// <summary>Gets the account's estimated spend in the category, or <see langword="null"/>.</summary>
    public Money? EstimatedSpend { get; }

    /// <summary>Gets where the estimate comes from, or <see langword="null"/>.</summary>
    public string? SpendSource { get; }

    /// <summary>Gets the estimated value of the white space of the account's plan (zero without a plan or a grid).</summary>
    public Money Whitespace { get; }

    /// <summary>Gets our share of the account's spend, 0 to 100%; <see langword="null"/> without an estimate or with an estimated spend of zero.</summary>
    public Ratio? Share => Figures.Share;

    /// <summary>Gets a value indicating whether the estimated spend is smaller than our sales (the share is then capped at 100%).</summary>
    public bool EstimateBelowSales => Figures.AccountsEstimateBelowSales == 1;

    /// <summary>Gets the estimated spend we do not have (estimate − our sales, at least zero), or <see langword="null"/> without an estimate.</summary>
    public Money? Headroom => EstimatedSpend is null ? null : Figures.Headroom;

    /// <summary>Gets the line as figures, for roll-ups.</summary>
    public WalletFigures Figures { get; }
}
