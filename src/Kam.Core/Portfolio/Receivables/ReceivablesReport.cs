using Kam.Core.Accounts;
using Kam.Core.Tiering;
using NodaTime;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// The receivables of a portfolio as of a date: one <see cref="AccountReceivables"/> per account (in order of account
/// identifier), their roll-up, and the feeds other capabilities read: the credit-risk flag of the tiering credit gate
/// and roll-ups by unit and owner.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class ReceivablesReport
{
    private readonly Dictionary<AccountId, int> _index;

    internal ReceivablesReport(ReceivablesPolicy policy, Currency currency, LocalDate asOf, AccountReceivables[] accounts)
    {
        Policy = policy;
        Currency = currency;
        AsOf = asOf;
        Accounts = Array.AsReadOnly(accounts);
        _index = new Dictionary<AccountId, int>(accounts.Length);
        for (var i = 0; i < accounts.Length; i++)
        {
            _index[accounts[i].Account] = i;
        }

        Summary = ReceivablesSummary.Of(policy, currency, accounts);
    }

    /// <summary>Gets the policy.</summary>
    public ReceivablesPolicy Policy { get; }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the date of the analysis.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets every account with credit terms, an invoice or a payment, in ordinal order of identifier.</summary>
    public IReadOnlyList<AccountReceivables> Accounts { get; }

    /// <summary>Gets the roll-up of every account.</summary>
    public ReceivablesSummary Summary { get; }

    /// <summary>Finds an account's receivables.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The account's receivables, or <see langword="null"/> when the data had nothing about it.</returns>
    public AccountReceivables? Find(AccountId account) => _index.TryGetValue(account, out var i) ? Accounts[i] : null;

    /// <summary>
    /// The credit-risk flag of each account as a measure column for <see cref="AccountMeasures.Create"/>: 1 for an
    /// account with one of the policy's credit-risk alerts, 0 otherwise (an account the data says nothing about owes
    /// nothing). The default selection gate (<c>creditRisk</c> at most 0) then keeps flagged accounts out.
    /// </summary>
    /// <param name="accounts">The portfolio's accounts, in the order of its other columns.</param>
    /// <param name="measure">The measure's name; default <c>creditRisk</c>, the name the default gates read.</param>
    /// <returns>The column of flags.</returns>
    /// <exception cref="KamValidationException">The name is blank.</exception>
    public MeasureColumn CreditRiskColumn(ReadOnlySpan<AccountId> accounts, string measure = "creditRisk") => MeasureColumn.Flags(measure, CreditRisks(accounts));

    /// <summary>
    /// Tells, for each account, whether it has one of the policy's credit-risk alerts (an account the data says nothing
    /// about owes nothing, and is not a risk): the flags of <see cref="CreditRiskColumn"/>, for a host that combines
    /// them with its own credit information.
    /// </summary>
    /// <param name="accounts">The accounts.</param>
    /// <returns>One flag per account, in the order given.</returns>
    public bool[] CreditRisks(ReadOnlySpan<AccountId> accounts)
    {
        var flags = new bool[accounts.Length];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = _index.TryGetValue(accounts[i], out var k) && Accounts[k].CreditRisk;
        }

        return flags;
    }

    /// <summary>Rolls the accounts up by the unit of our organization each belongs to (its own unit, not its parents).</summary>
    /// <param name="hierarchy">The accounts and their units.</param>
    /// <returns>A summary per unit that has accounts in the report, in ordinal order of unit.</returns>
    /// <exception cref="KamValidationException">An account of the report is not in the hierarchy (<c>accounts['X']</c>, <see cref="KamErrorCodes.Unknown"/>).</exception>
    public IReadOnlyDictionary<UnitId, ReceivablesSummary> ByUnit(AccountHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        return Group(hierarchy, a => hierarchy.UnitOf(a), u => u.Value);
    }

    /// <summary>Rolls the accounts up by their owner (the key-account manager).</summary>
    /// <param name="hierarchy">The accounts and their owners.</param>
    /// <returns>A summary per owner, in ordinal order of owner.</returns>
    /// <exception cref="KamValidationException">An account of the report is not in the hierarchy (<c>accounts['X']</c>, <see cref="KamErrorCodes.Unknown"/>).</exception>
    public IReadOnlyDictionary<PersonId, ReceivablesSummary> ByOwner(AccountHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        return Group(hierarchy, a => hierarchy.Account(a).Owner, p => p.Value);
    }

    private Dictionary<TKey, ReceivablesSummary> Group<TKey>(AccountHierarchy hierarchy, Func<AccountId, TKey> keyOf, Func<TKey, string> text)
        where TKey : notnull
    {
        var errors = new ValidationCollector();
        var groups = new Dictionary<TKey, List<AccountReceivables>>();
        foreach (var account in Accounts)
        {
            if (!hierarchy.Contains(account.Account))
            {
                errors.Add($"accounts['{account.Account}']", KamErrorCodes.Unknown, account.Account, "The account has receivables but is not in the account hierarchy.");
                continue;
            }

            var key = keyOf(account.Account);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(account);
        }

        errors.ThrowIfAny();
        return groups.OrderBy(g => text(g.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => ReceivablesSummary.Of(Policy, Currency, g.Value));
    }
}
