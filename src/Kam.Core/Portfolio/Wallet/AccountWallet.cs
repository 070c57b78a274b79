namespace Kam.Core.Portfolio.Wallet;

/// <summary>
/// One account's wallet in the category: our sales to it and the host's estimate of its total spend in the category
/// (what it buys from us and from everyone else), with where the estimate comes from.
/// </summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class AccountWallet
{
    /// <summary>Creates an account's wallet.</summary>
    /// <param name="account">The account; not empty.</param>
    /// <param name="ourSales">Our sales to the account in the category over the period; not negative.</param>
    /// <param name="estimatedSpend">The account's estimated spend in the category over the same period, in the same currency, not negative; <see langword="null"/> when not estimated.</param>
    /// <param name="spendSource">Where the estimate comes from (<c>annual report</c>, <c>buyer interview</c>), or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The account is empty, an amount negative, or the currencies differ; every problem is reported.</exception>
    public AccountWallet(AccountId account, Money ourSales, Money? estimatedSpend = null, string? spendSource = null)
    {
        var errors = new ValidationCollector();
        if (string.IsNullOrEmpty(account.Value))
        {
            errors.Add("account", KamErrorCodes.Required, null, "A wallet names its account.");
        }

        errors.NotNegative("ourSales", ourSales.Amount);
        if (estimatedSpend is { } spend)
        {
            errors.NotNegative("estimatedSpend", spend.Amount);
            if (spend.Currency != ourSales.Currency)
            {
                errors.Add("estimatedSpend", KamErrorCodes.CurrencyMismatch, spend, $"The estimate must be in the currency of our sales ({ourSales.Currency.Code}).");
            }
        }

        errors.ThrowIfAny();
        Account = account;
        OurSales = ourSales;
        EstimatedSpend = estimatedSpend;
        SpendSource = string.IsNullOrWhiteSpace(spendSource) ? null : spendSource;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets our sales to the account in the category.</summary>
    public Money OurSales { get; }

    /// <summary>Gets the account's estimated spend in the category, or <see langword="null"/>.</summary>
    public Money? EstimatedSpend { get; }

    /// <summary>Gets where the estimate comes from, or <see langword="null"/>.</summary>
    public string? SpendSource { get; }
}
