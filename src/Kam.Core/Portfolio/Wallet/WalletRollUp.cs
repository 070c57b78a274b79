using Kam.Core.Accounts;

namespace Kam.Core.Portfolio.Wallet;

/// <summary>
/// A <see cref="WalletSummary"/> rolled up both hierarchies of an <see cref="AccountHierarchy"/>: over each customer's
/// structure (a group's figures include its headquarters, branches and outlets) and over our organization (a unit's
/// figures include every unit below it).
/// </summary>
/// <remarks>
/// <para>
/// Each account's line counts once in its own account and so once in every account and unit above it: every amount
/// and count of a parent is the sum of its own and its children's, and the roots together hold the summary's
/// <see cref="WalletSummary.Total"/>. A parent's share is computed from its sums (<see cref="WalletFigures.Share"/>),
/// never averaged. Accounts of the hierarchy without a line count as nothing.
/// </para>
/// <para>
/// Every line must belong to an account of the hierarchy; one that does not is refused when the roll-up is made, so
/// that no amount is silently left out. Linear in the accounts and units; immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class WalletRollUp
{
    private readonly WalletFigures[] _accountOwn;
    private readonly WalletFigures[] _accountTotal;
    private readonly WalletFigures[] _unitOwn;
    private readonly WalletFigures[] _unitTotal;

    /// <summary>Rolls a summary up.</summary>
    /// <param name="hierarchy">The accounts and our organization.</param>
    /// <param name="summary">The summary (of one partition or merged).</param>
    /// <exception cref="KamValidationException">A line's account is not in the hierarchy (<c>lines['A-9'].account</c>, <see cref="KamErrorCodes.Unknown"/>); every such account is reported.</exception>
    public WalletRollUp(AccountHierarchy hierarchy, WalletSummary summary)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(summary);
        var errors = new ValidationCollector();
        var empty = WalletFigures.Empty(summary.Currency);
        var accounts = hierarchy.Tree;
        var units = hierarchy.Organization.Tree;
        _accountOwn = Enumerable.Repeat(empty, accounts.Count).ToArray();
        foreach (var line in summary.Lines)
        {
            if (hierarchy.TryIndexOf(line.Account, out var index))
            {
                _accountOwn[index] = line.Figures;
            }
            else
            {
                errors.Add($"lines['{line.Account.Value}'].account", KamErrorCodes.Unknown, line.Account.Value, "The account hierarchy does not hold this account; every line's account must be in it.");
            }
        }

        errors.ThrowIfAny();
        _unitOwn = Enumerable.Repeat(empty, units.Count).ToArray();
        for (var i = 0; i < _accountOwn.Length; i++)
        {
            var unit = hierarchy.UnitIndexOf(i);
            _unitOwn[unit] = Overflow.Guard($"units['{hierarchy.Organization.Units[unit].Id}'].own", () => _unitOwn[unit].Merge(_accountOwn[i]));
        }

        _accountTotal = accounts.RollUp(_accountOwn, (i, total, below) => Overflow.Guard($"accounts['{hierarchy.Accounts[i].Id}'].total", () => total.Merge(below)));
        _unitTotal = units.RollUp(_unitOwn, (i, total, below) => Overflow.Guard($"units['{hierarchy.Organization.Units[i].Id}'].total", () => total.Merge(below)));
        Hierarchy = hierarchy;
        Summary = summary;
    }

    /// <summary>Gets the accounts and our organization.</summary>
    public AccountHierarchy Hierarchy { get; }

    /// <summary>Gets the summary rolled up.</summary>
    public WalletSummary Summary { get; }

    /// <summary>Gets the figures of an account and every account below it in its customer's structure.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The rolled-up figures.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    public WalletFigures AccountTree(AccountId account) => _accountTotal[Hierarchy.IndexOf(account)];

    /// <summary>Gets the figures of a unit: the accounts it holds and those of every unit below it.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The rolled-up figures.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    public WalletFigures Unit(UnitId unit) => _unitTotal[Hierarchy.Organization.IndexOf(unit)];

    /// <summary>Gets every account's own figures and those of its subtree of the customer's structure.</summary>
    /// <returns>One row per account of the hierarchy, an account before the accounts below it.</returns>
    public IReadOnlyList<WalletTreeRow> ByAccountTree() =>
        Hierarchy.Tree.Preorder.Select(i => new WalletTreeRow(Hierarchy.Accounts[i].Id.Value, _accountOwn[i], _accountTotal[i])).ToArray();

    /// <summary>Gets every unit's own figures (the accounts it holds itself) and those of the unit and the units below it.</summary>
    /// <returns>One row per unit, a unit before the units below it.</returns>
    public IReadOnlyList<WalletTreeRow> ByUnit()
    {
        var organization = Hierarchy.Organization;
        return organization.Tree.Preorder.Select(i => new WalletTreeRow(organization.Units[i].Id.Value, _unitOwn[i], _unitTotal[i])).ToArray();
    }
}

/// <summary>One node of a <see cref="WalletRollUp"/>: an account of a customer's structure or a unit of ours, with its own figures and those rolled up from below.</summary>
public sealed class WalletTreeRow
{
    internal WalletTreeRow(string id, WalletFigures own, WalletFigures total)
    {
        Id = id;
        Own = own;
        Total = total;
    }

    /// <summary>Gets the account's or unit's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the figures of the account itself (or of the accounts the unit holds itself).</summary>
    public WalletFigures Own { get; }

    /// <summary>Gets the figures including everything below.</summary>
    public WalletFigures Total { get; }
}
