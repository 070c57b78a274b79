namespace Kam.Core.Accounts;

/// <summary>
/// A key account: its place in its customer's structure (group → headquarters → branches → outlets, or a decision
/// unit), industry, region, its owner and the unit and territory of ours that hold it, and its account team with
/// roles (rule book: accounts, hierarchies on both sides; our account team).
/// </summary>
/// <remarks>
/// Immutable. Whether the parent account, the owner, the unit, the territory and the team members exist is checked by
/// the <see cref="AccountHierarchy"/> that holds the account.
/// </remarks>
public sealed class Account
{
    /// <summary>Creates an account.</summary>
    /// <param name="id">The account's identifier.</param>
    /// <param name="name">The account's name; not blank.</param>
    /// <param name="level">The account's level in its customer's structure.</param>
    /// <param name="owner">The person of ours who owns the account (the key-account manager).</param>
    /// <param name="unit">The unit of ours that holds the account.</param>
    /// <param name="parent">The account above this one in the customer's structure, or <see langword="null"/>.</param>
    /// <param name="territory">The territory the account belongs to (within <paramref name="unit"/>), or <see langword="null"/>.</param>
    /// <param name="industry">The customer's industry, or <see langword="null"/>.</param>
    /// <param name="region">The customer's region, or <see langword="null"/>.</param>
    /// <param name="team">The account team (copied); <see langword="null"/> for none.</param>
    /// <exception cref="KamValidationException">An identifier is the default value, the name is blank, the level is not defined, a team member is missing or a person is on the team twice.</exception>
    public Account(
        AccountId id,
        string name,
        AccountLevel level,
        PersonId owner,
        UnitId unit,
        AccountId? parent = null,
        TerritoryId? territory = null,
        string? industry = null,
        string? region = null,
        IReadOnlyList<AccountTeamMember>? team = null)
    {
        var errors = new ValidationCollector();
        Checks.Identifier(errors, "id", id.Value);
        errors.Required("name", name);
        Checks.Defined(errors, "level", level);
        Checks.Identifier(errors, "owner", owner.Value);
        Checks.Identifier(errors, "unit", unit.Value);
        if (parent is { } p)
        {
            Checks.Identifier(errors, "parent", p.Value);
        }

        if (territory is { } t)
        {
            Checks.Identifier(errors, "territory", t.Value);
        }

        var members = team is null ? [] : team.ToArray();
        var seen = new HashSet<PersonId>();
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i] is null)
            {
                errors.Add($"team[{i}]", KamErrorCodes.Required, null, "A team member is required.");
            }
            else if (!seen.Add(members[i].Person))
            {
                errors.Add($"team[{i}].person", KamErrorCodes.Duplicate, members[i].Person, "This person is already on the team.");
            }
        }

        errors.ThrowIfAny();
        Id = id;
        Name = name;
        Level = level;
        Owner = owner;
        Unit = unit;
        Parent = parent;
        Territory = territory;
        Industry = industry;
        Region = region;
        Team = Array.AsReadOnly(members);
    }

    /// <summary>Gets the account's identifier.</summary>
    public AccountId Id { get; }

    /// <summary>Gets the account's name.</summary>
    public string Name { get; }

    /// <summary>Gets the account's level in its customer's structure.</summary>
    public AccountLevel Level { get; }

    /// <summary>Gets the person who owns the account.</summary>
    public PersonId Owner { get; }

    /// <summary>Gets the unit of ours that holds the account.</summary>
    public UnitId Unit { get; }

    /// <summary>Gets the account above this one in the customer's structure, or <see langword="null"/>.</summary>
    public AccountId? Parent { get; }

    /// <summary>Gets the territory the account belongs to, or <see langword="null"/>.</summary>
    public TerritoryId? Territory { get; }

    /// <summary>Gets the customer's industry, or <see langword="null"/>.</summary>
    public string? Industry { get; }

    /// <summary>Gets the customer's region, or <see langword="null"/>.</summary>
    public string? Region { get; }

    /// <summary>Gets the account team, in the order given.</summary>
    public IReadOnlyList<AccountTeamMember> Team { get; }
}
