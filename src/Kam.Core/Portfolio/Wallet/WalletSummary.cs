using Kam.Core.Accounts.Plans;

namespace Kam.Core.Portfolio.Wallet;

/// <summary>
/// Share of wallet and white space per account (rule book: accounts, the portfolio view, share of wallet): our sales
/// against each account's estimated spend in the category, and the estimated value of the white space in its
/// key-account plan; with the portfolio's total.
/// </summary>
/// <remarks>
/// <para>
/// One line per account that has a wallet or a plan, in identifier order (ordinal), so the result does not depend on
/// the order of the inputs. An account with a plan but no wallet has no sales and no estimate; one with a wallet but
/// no plan (or a plan without a whitespace grid) has no white space.
/// </para>
/// <para>
/// Summaries <b>merge</b>: summarising two disjoint sets of accounts and merging gives the summary of both
/// (associative and commutative); <see cref="Empty"/> is the identity. Roll them up the account hierarchy and our
/// organization with <see cref="WalletRollUp"/>. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class WalletSummary
{
    private readonly Dictionary<AccountId, WalletLine> _byAccount;

    private WalletSummary(Currency currency, IEnumerable<WalletLine> lines)
    {
        Currency = currency;
        var sorted = lines.OrderBy(l => l.Account).ToArray();
        Lines = Array.AsReadOnly(sorted);
        _byAccount = sorted.ToDictionary(l => l.Account);
        Total = Overflow.Guard("total", () => sorted.Aggregate(WalletFigures.Empty(currency), (sum, line) => sum.Merge(line.Figures)));
    }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the accounts' lines, in identifier order.</summary>
    public IReadOnlyList<WalletLine> Lines { get; }

    /// <summary>Gets the figures of every account together.</summary>
    public WalletFigures Total { get; }

    /// <summary>Summarises the accounts' wallets and their plans' white space.</summary>
    /// <param name="currency">The currency of every amount.</param>
    /// <param name="wallets">One wallet per account, in any order (not changed).</param>
    /// <param name="plans">The key-account plans of the period, at most one per account (not changed); <see langword="null"/> for none.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="KamValidationException">
    /// The currency is missing, an account has two wallets (<c>wallets[3].account</c>) or two plans
    /// (<c>plans[1].account</c>), or an amount is in another currency (<c>wallets[2].ourSales</c>,
    /// <c>plans[0].currency</c>); every problem is reported.
    /// </exception>
    public static WalletSummary Of(Currency currency, IReadOnlyList<AccountWallet> wallets, IReadOnlyList<KeyAccountPlan>? plans = null)
    {
        ArgumentNullException.ThrowIfNull(wallets);
        var errors = new ValidationCollector();
        if (currency == Currency.None)
        {
            errors.Add("currency", KamErrorCodes.Required, null, "The summary needs the currency of the amounts.");
        }

        var byAccount = new Dictionary<AccountId, AccountWallet>();
        for (var i = 0; i < wallets.Count; i++)
        {
            if (!errors.Required($"wallets[{i}]", wallets[i]))
            {
                continue;
            }

            var w = wallets[i];
            if (!byAccount.TryAdd(w.Account, w))
            {
                errors.Add($"wallets[{i}].account", KamErrorCodes.Duplicate, w.Account.Value, "The account has another wallet; give one per account.");
            }

            if (w.OurSales.Currency != currency && currency != Currency.None)
            {
                errors.Add($"wallets[{i}].ourSales", KamErrorCodes.CurrencyMismatch, w.OurSales, $"The summary's amounts are in {currency.Code}.");
            }
        }

        var whitespace = new Dictionary<AccountId, Money>();
        for (var i = 0; i < (plans?.Count ?? 0); i++)
        {
            if (!errors.Required($"plans[{i}]", plans![i]))
            {
                continue;
            }

            var plan = plans[i];
            if (plan.Currency != currency && currency != Currency.None)
            {
                errors.Add($"plans[{i}].currency", KamErrorCodes.CurrencyMismatch, plan.Currency.Code, $"The summary's amounts are in {currency.Code}.");
            }

            if (!whitespace.TryAdd(plan.Account, plan.Whitespace?.Total ?? Money.Zero(currency)))
            {
                errors.Add($"plans[{i}].account", KamErrorCodes.Duplicate, plan.Account.Value, "The account has another plan; give the plans of one period, one per account.");
            }
        }

        errors.ThrowIfAny();
        var zero = Money.Zero(currency);
        var lines = byAccount.Values
            .Select(w => new WalletLine(w.Account, w.OurSales, w.EstimatedSpend, w.SpendSource, whitespace.GetValueOrDefault(w.Account, zero)))
            .Concat(whitespace.Where(p => !byAccount.ContainsKey(p.Key)).Select(p => new WalletLine(p.Key, zero, null, null, p.Value)));
        return new WalletSummary(currency, lines);
    }

    /// <summary>Gets the summary of no account: the identity of <see cref="Merge"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The empty summary.</returns>
    public static WalletSummary Empty(Currency currency) => new(currency, []);

    /// <summary>Gets an account's line, if it has one.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public WalletLine? Line(AccountId account) => _byAccount.GetValueOrDefault(account);

    /// <summary>Merges the summary of another, disjoint set of accounts.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The summary of both sets.</returns>
    /// <exception cref="KamValidationException">The currencies differ (<c>currency</c>) or an account is in both (<c>accounts['A-7']</c>, <see cref="KamErrorCodes.Duplicate"/>); every problem is reported.</exception>
    public WalletSummary Merge(WalletSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var errors = new ValidationCollector();
        if (Currency != other.Currency)
        {
            errors.Add("currency", KamErrorCodes.CurrencyMismatch, other.Currency.Code, $"The summaries are in different currencies ({Currency.Code} and {other.Currency.Code}).");
        }

        foreach (var line in other.Lines)
        {
            if (_byAccount.ContainsKey(line.Account))
            {
                errors.Add($"accounts['{line.Account.Value}']", KamErrorCodes.Duplicate, line.Account.Value, "The account is in both summaries; merge summaries of disjoint sets of accounts.");
            }
        }

        errors.ThrowIfAny();
        return new WalletSummary(Currency, Lines.Concat(other.Lines));
    }
}
