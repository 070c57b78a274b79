namespace Kam.Core.Accounts;

/// <summary>
/// The key accounts, their customers' structures (group → headquarters → branches → outlets) and their place in our
/// <see cref="Organization"/>: both hierarchies of the rule book, checked against each other and indexed for
/// roll-ups (rule book: accounts, hierarchies on both sides).
/// </summary>
/// <remarks>
/// <para>
/// Immutable and valid from construction: a duplicate account, a parent account that does not exist, a cycle of
/// parents, an owner or team member who is not a person of the organization, an unknown unit or territory, and a
/// territory of another unit are reported together as one <see cref="KamValidationException"/> with paths such as
/// <c>accounts[12].owner</c> and the offending value.
/// </para>
/// <para>
/// Lookups are precomputed when the hierarchy is built: <see cref="Ancestors"/> and <see cref="Descendants"/> of an
/// account, <see cref="UnitOf"/>, <see cref="AccountsIn"/> (every account of a unit and the units below it, one
/// contiguous range of a precomputed order) and <see cref="RollUpOrder"/>, so a roll-up over either hierarchy is
/// linear in the number of accounts and units. Safe to share between threads.
/// </para>
/// </remarks>
public sealed class AccountHierarchy
{
    private readonly Account[] _accounts;
    // Keyed by the identifier's text, ordinal: for string keys with the ordinal comparer .NET hashes without randomization
    // (switching to randomized hashing only when collisions pile up), which is several times faster per look-up
    // than the randomized hash an AccountId key gets; a million look-ups per attainment run make the difference.
    private readonly Dictionary<string, int> _index;
    private readonly int[] _unitOf;
    private readonly int[] _byUnit;
    private readonly int[] _byUnitStart;

    /// <summary>Creates the hierarchy.</summary>
    /// <param name="organization">Our organization, which every account's owner, unit, territory and team must belong to.</param>
    /// <param name="accounts">The accounts, in any order (copied).</param>
    /// <exception cref="KamValidationException">An account is invalid against the others or the organization; every problem is reported.</exception>
    public AccountHierarchy(Organization organization, IReadOnlyList<Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(accounts);
        Organization = organization;
        _accounts = [.. accounts];
        var errors = new ValidationCollector();
        _index = new Dictionary<string, int>(_accounts.Length, StringComparer.Ordinal);
        for (var i = 0; i < _accounts.Length; i++)
        {
            if (_accounts[i] is null)
            {
                errors.Add($"accounts[{i}]", KamErrorCodes.Required, null, "An account is required.");
            }
            else if (!_index.TryAdd(_accounts[i].Id.Value, i))
            {
                errors.Add($"accounts[{i}].id", KamErrorCodes.Duplicate, _accounts[i].Id, "Another account has this identifier; identifiers must be unique.");
            }
        }

        var parent = new int[_accounts.Length];
        _unitOf = new int[_accounts.Length];
        for (var i = 0; i < _accounts.Length; i++)
        {
            parent[i] = -1;
            if (_accounts[i] is { } account)
            {
                parent[i] = ParentIndex(errors, i, account);
                _unitOf[i] = CheckOrganization(errors, i, account);
            }
        }

        var all = _accounts;
        Tree = Array.Exists(_accounts, a => a is null) ? null! : TreeIndex.Build(parent, i => $"accounts[{i}].parent", i => all[i].Id.Value, errors)!;
        errors.ThrowIfAny();

        // Accounts ordered by their unit's pre-order position (counting sort): a unit's subtree is one range.
        var unitTree = organization.Tree;
        _byUnitStart = new int[unitTree.Count + 1];
        foreach (var unit in _unitOf)
        {
            _byUnitStart[unitTree.Position[unit] + 1]++;
        }

        for (var k = 0; k < unitTree.Count; k++)
        {
            _byUnitStart[k + 1] += _byUnitStart[k];
        }

        _byUnit = new int[_accounts.Length];
        var fill = (int[])_byUnitStart.Clone();
        for (var i = 0; i < _accounts.Length; i++)
        {
            _byUnit[fill[unitTree.Position[_unitOf[i]]]++] = i;
        }

        Accounts = Array.AsReadOnly(_accounts);
        var order = new AccountId[_accounts.Length];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = _accounts[Tree.Preorder[order.Length - 1 - k]].Id;
        }

        RollUpOrder = Array.AsReadOnly(order);
    }

    /// <summary>Gets our organization.</summary>
    public Organization Organization { get; }

    /// <summary>Gets the accounts, in the order given.</summary>
    public IReadOnlyList<Account> Accounts { get; }

    /// <summary>
    /// Gets every account in an order in which each account comes after all accounts below it in its customer's
    /// structure: adding each account's figure into its parent's in this order rolls a group up in one pass.
    /// </summary>
    public IReadOnlyList<AccountId> RollUpOrder { get; }

    /// <summary>Gets the precomputed shape of the customers' structures (internal: indices follow <see cref="Accounts"/>).</summary>
    internal TreeIndex Tree { get; }

    /// <summary>Tells whether an account exists.</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when the hierarchy has the account.</returns>
    public bool Contains(AccountId account) => _index.ContainsKey(account.Value);

    /// <summary>Gets an account.</summary>
    /// <param name="account">The account's identifier.</param>
    /// <returns>The account.</returns>
    /// <exception cref="KamValidationException">No account has the identifier (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public Account Account(AccountId account) => _accounts[IndexOf(account)];

    /// <summary>Gets the accounts above an account in its customer's structure, nearest (its parent) first.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The ancestors; empty for a top account.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    public IReadOnlyList<AccountId> Ancestors(AccountId account) => Ids(Tree.Ancestors(IndexOf(account)));

    /// <summary>Gets every account below an account in its customer's structure (not the account itself), parents before children.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The descendants.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    public IReadOnlyList<AccountId> Descendants(AccountId account) => Ids(Tree.Descendants(IndexOf(account)));

    /// <summary>Gets the accounts directly below an account, in the order given.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The children.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    public IReadOnlyList<AccountId> Children(AccountId account) => Ids(Tree.ChildrenOf(IndexOf(account)));

    /// <summary>Gets the unit of ours that holds an account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    public UnitId UnitOf(AccountId account) => _accounts[IndexOf(account)].Unit;

    /// <summary>
    /// Gets every account held by a unit or by any unit below it, ordered by unit (a unit before the units below it)
    /// and, within a unit, in the order given.
    /// </summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The accounts.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    public IReadOnlyList<AccountId> AccountsIn(UnitId unit)
    {
        var (start, end) = RangeIn(Organization.IndexOf(unit));
        var result = new AccountId[end - start];
        for (var k = start; k < end; k++)
        {
            result[k - start] = _accounts[_byUnit[k]].Id;
        }

        return result;
    }

    /// <summary>Gets the index of an account in <see cref="Accounts"/>.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    internal int IndexOf(AccountId account) =>
        _index.TryGetValue(account.Value, out var index) ? index : throw new KamValidationException("account", KamErrorCodes.Unknown, account.Value, "No account of the hierarchy has this identifier.");

    /// <summary>Tries to get the index of an account in <see cref="Accounts"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="index">The index.</param>
    /// <returns><see langword="true"/> when the account exists.</returns>
    internal bool TryIndexOf(AccountId account, out int index) => _index.TryGetValue(account.Value, out index);

    /// <summary>Gets the index, in the organization's units, of the unit holding an account.</summary>
    /// <param name="accountIndex">The account's index.</param>
    /// <returns>The unit's index.</returns>
    internal int UnitIndexOf(int accountIndex) => _unitOf[accountIndex];

    /// <summary>Tells whether an account is held by a unit or a unit below it, in constant time.</summary>
    /// <param name="accountIndex">The account's index.</param>
    /// <param name="unitIndex">The unit's index.</param>
    /// <returns><see langword="true"/> when the account is within the unit.</returns>
    internal bool IsWithin(int accountIndex, int unitIndex)
    {
        var tree = Organization.Tree;
        var position = tree.Position[_unitOf[accountIndex]];
        return position >= tree.Position[unitIndex] && position < tree.SubtreeEnd[unitIndex];
    }

    private (int Start, int End) RangeIn(int unitIndex)
    {
        var tree = Organization.Tree;
        return (_byUnitStart[tree.Position[unitIndex]], _byUnitStart[tree.SubtreeEnd[unitIndex]]);
    }

    private int ParentIndex(ValidationCollector errors, int i, Account account)
    {
        if (account.Parent is not { } p)
        {
            return -1;
        }

        if (_index.TryGetValue(p.Value, out var pi))
        {
            return pi;
        }

        errors.Add($"accounts[{i}].parent", KamErrorCodes.Unknown, p, "No account has this identifier.");
        return -1;
    }

    private int CheckOrganization(ValidationCollector errors, int i, Account account)
    {
        var organization = Organization;
        if (!organization.Contains(account.Owner))
        {
            errors.Add($"accounts[{i}].owner", KamErrorCodes.Unknown, account.Owner, "No person of the organization has this identifier.");
        }

        var known = organization.TryIndexOf(account.Unit, out var unit);
        if (!known)
        {
            errors.Add($"accounts[{i}].unit", KamErrorCodes.Unknown, account.Unit, "No unit of the organization has this identifier.");
        }

        if (account.Territory is { } territory)
        {
            if (!organization.Contains(territory))
            {
                errors.Add($"accounts[{i}].territory", KamErrorCodes.Unknown, territory, "No territory of the organization has this identifier.");
            }
            else if (known && organization.Territory(territory).Unit != account.Unit)
            {
                errors.Add($"accounts[{i}].territory", KamErrorCodes.InvalidState, territory, $"The territory belongs to unit '{organization.Territory(territory).Unit}', not to the account's unit '{account.Unit}'.");
            }
        }

        for (var j = 0; j < account.Team.Count; j++)
        {
            if (!organization.Contains(account.Team[j].Person))
            {
                errors.Add($"accounts[{i}].team[{j}].person", KamErrorCodes.Unknown, account.Team[j].Person, "No person of the organization has this identifier.");
            }
        }

        return known ? unit : 0;
    }

    private AccountId[] Ids(int[] indices)
    {
        var result = new AccountId[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            result[i] = _accounts[indices[i]].Id;
        }

        return result;
    }
}
