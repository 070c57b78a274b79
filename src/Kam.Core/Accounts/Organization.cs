namespace Kam.Core.Accounts;

/// <summary>
/// Our organization as a hierarchy of units (head office → region → branch → office) with its people and territories
/// (rule book: accounts, hierarchies on both sides).
/// </summary>
/// <remarks>
/// <para>
/// Immutable and valid from construction: duplicate identifiers, a parent that is not a unit, a cycle of parents, a
/// person or territory in an unknown unit and a territory manager who is not a person are reported together as one
/// <see cref="KamValidationException"/> whose paths name the list, the index and the member
/// (<c>units[3].parent</c>) with the offending value.
/// </para>
/// <para>
/// The shape is precomputed when the organization is built (a pre-order in which each unit's subtree is one range),
/// so <see cref="Ancestors"/>, <see cref="Descendants"/>, <see cref="IsWithin"/> and roll-ups over
/// <see cref="RollUpOrder"/> cost time linear in what they return. Safe to share between threads.
/// </para>
/// </remarks>
public sealed class Organization
{
    private readonly OrganizationUnit[] _units;
    private readonly Dictionary<UnitId, int> _unitIndex;
    private readonly Dictionary<PersonId, Person> _people;
    private readonly Dictionary<TerritoryId, Territory> _territories;

    /// <summary>Creates an organization.</summary>
    /// <param name="units">The units, at least one, in any order (copied).</param>
    /// <param name="people">The people (copied); <see langword="null"/> for none.</param>
    /// <param name="territories">The territories (copied); <see langword="null"/> for none.</param>
    /// <exception cref="KamValidationException">The organization is invalid; every problem is reported.</exception>
    public Organization(IReadOnlyList<OrganizationUnit> units, IReadOnlyList<Person>? people = null, IReadOnlyList<Territory>? territories = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var errors = new ValidationCollector();
        _units = [.. units];
        var peopleCopy = people is null ? [] : people.ToArray();
        var territoryCopy = territories is null ? [] : territories.ToArray();
        if (_units.Length == 0)
        {
            errors.Add("units", KamErrorCodes.Empty, null, "An organization needs at least one unit.");
        }

        _unitIndex = new Dictionary<UnitId, int>(_units.Length);
        for (var i = 0; i < _units.Length; i++)
        {
            if (_units[i] is null)
            {
                errors.Add($"units[{i}]", KamErrorCodes.Required, null, "A unit is required.");
            }
            else if (!_unitIndex.TryAdd(_units[i].Id, i))
            {
                errors.Add($"units[{i}].id", KamErrorCodes.Duplicate, _units[i].Id, "Another unit has this identifier; identifiers must be unique.");
            }
        }

        var parent = new int[_units.Length];
        for (var i = 0; i < _units.Length; i++)
        {
            parent[i] = -1;
            if (_units[i]?.Parent is { } p)
            {
                if (_unitIndex.TryGetValue(p, out var pi))
                {
                    parent[i] = pi;
                }
                else
                {
                    errors.Add($"units[{i}].parent", KamErrorCodes.Unknown, p, "No unit has this identifier.");
                }
            }
        }

        var units_ = _units;
        Tree = Array.Exists(_units, u => u is null) ? null! : TreeIndex.Build(parent, i => $"units[{i}].parent", i => units_[i].Id.Value, errors)!;

        _people = new Dictionary<PersonId, Person>(peopleCopy.Length);
        for (var i = 0; i < peopleCopy.Length; i++)
        {
            var person = peopleCopy[i];
            if (person is null)
            {
                errors.Add($"people[{i}]", KamErrorCodes.Required, null, "A person is required.");
                continue;
            }

            if (!_people.TryAdd(person.Id, person))
            {
                errors.Add($"people[{i}].id", KamErrorCodes.Duplicate, person.Id, "Another person has this identifier; identifiers must be unique.");
            }

            if (!_unitIndex.ContainsKey(person.Unit))
            {
                errors.Add($"people[{i}].unit", KamErrorCodes.Unknown, person.Unit, "No unit has this identifier.");
            }
        }

        _territories = new Dictionary<TerritoryId, Territory>(territoryCopy.Length);
        for (var i = 0; i < territoryCopy.Length; i++)
        {
            var territory = territoryCopy[i];
            if (territory is null)
            {
                errors.Add($"territories[{i}]", KamErrorCodes.Required, null, "A territory is required.");
                continue;
            }

            if (!_territories.TryAdd(territory.Id, territory))
            {
                errors.Add($"territories[{i}].id", KamErrorCodes.Duplicate, territory.Id, "Another territory has this identifier; identifiers must be unique.");
            }

            if (!_unitIndex.ContainsKey(territory.Unit))
            {
                errors.Add($"territories[{i}].unit", KamErrorCodes.Unknown, territory.Unit, "No unit has this identifier.");
            }

            if (territory.Manager is { } manager && !_people.ContainsKey(manager))
            {
                errors.Add($"territories[{i}].manager", KamErrorCodes.Unknown, manager, "No person has this identifier.");
            }
        }

        errors.ThrowIfAny();
        Units = Array.AsReadOnly(_units);
        People = Array.AsReadOnly(peopleCopy);
        Territories = Array.AsReadOnly(territoryCopy);
        var order = new UnitId[_units.Length];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = _units[Tree.Preorder[order.Length - 1 - k]].Id;
        }

        RollUpOrder = Array.AsReadOnly(order);
    }

    /// <summary>Gets the units, in the order given.</summary>
    public IReadOnlyList<OrganizationUnit> Units { get; }

    /// <summary>Gets the people, in the order given.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Gets the territories, in the order given.</summary>
    public IReadOnlyList<Territory> Territories { get; }

    /// <summary>
    /// Gets every unit in an order in which each unit comes after all units below it (the reverse of a pre-order):
    /// adding each unit's total into its parent's in this order rolls figures up the whole organization in one pass.
    /// </summary>
    public IReadOnlyList<UnitId> RollUpOrder { get; }

    /// <summary>Reads an organization from JSON (the format is in docs/accounts.md; its schema in docs/schemas/organization.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated organization.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the organization invalid; paths are JSON paths in the file's member names (<c>$.units[2].parent</c>).</exception>
    public static Organization FromJson(string json) => Serialization.AccountsJson.ReadOrganization(json);

    /// <summary>Writes the organization as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.AccountsJson.Write(this);

    /// <summary>Gets the precomputed shape (internal: indices follow <see cref="Units"/>).</summary>
    internal TreeIndex Tree { get; }

    /// <summary>Tells whether a unit exists.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns><see langword="true"/> when the organization has the unit.</returns>
    public bool Contains(UnitId unit) => _unitIndex.ContainsKey(unit);

    /// <summary>Gets a unit.</summary>
    /// <param name="unit">The unit's identifier.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public OrganizationUnit Unit(UnitId unit) => _units[IndexOf(unit)];

    /// <summary>Gets a person.</summary>
    /// <param name="person">The person's identifier.</param>
    /// <returns>The person.</returns>
    /// <exception cref="KamValidationException">No person has the identifier (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public Person Person(PersonId person) =>
        _people.TryGetValue(person, out var found) ? found : throw new KamValidationException("person", KamErrorCodes.Unknown, person.Value, "No person of the organization has this identifier.");

    /// <summary>Tells whether a person belongs to the organization.</summary>
    /// <param name="person">The person's identifier.</param>
    /// <returns><see langword="true"/> when the organization has the person.</returns>
    public bool Contains(PersonId person) => _people.ContainsKey(person);

    /// <summary>Gets a territory.</summary>
    /// <param name="territory">The territory's identifier.</param>
    /// <returns>The territory.</returns>
    /// <exception cref="KamValidationException">No territory has the identifier (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public Territory Territory(TerritoryId territory) =>
        _territories.TryGetValue(territory, out var found) ? found : throw new KamValidationException("territory", KamErrorCodes.Unknown, territory.Value, "No territory of the organization has this identifier.");

    /// <summary>Tells whether a territory belongs to the organization.</summary>
    /// <param name="territory">The territory's identifier.</param>
    /// <returns><see langword="true"/> when the organization has the territory.</returns>
    public bool Contains(TerritoryId territory) => _territories.ContainsKey(territory);

    /// <summary>Gets the units above a unit, nearest (its parent) first.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The ancestors; empty for a top unit.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    public IReadOnlyList<UnitId> Ancestors(UnitId unit) => Ids(Tree.Ancestors(IndexOf(unit)));

    /// <summary>Gets every unit below a unit (not the unit itself), parents before their children.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The descendants.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    public IReadOnlyList<UnitId> Descendants(UnitId unit) => Ids(Tree.Descendants(IndexOf(unit)));

    /// <summary>Gets the units directly below a unit, in the order given.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The children.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    public IReadOnlyList<UnitId> Children(UnitId unit) => Ids(Tree.ChildrenOf(IndexOf(unit)));

    /// <summary>Tells, in constant time, whether a unit is another unit or lies below it.</summary>
    /// <param name="unit">The unit to test.</param>
    /// <param name="ancestorOrSelf">The unit that may contain it.</param>
    /// <returns><see langword="true"/> when <paramref name="unit"/> is <paramref name="ancestorOrSelf"/> or one of its descendants.</returns>
    /// <exception cref="KamValidationException">Either unit is unknown.</exception>
    public bool IsWithin(UnitId unit, UnitId ancestorOrSelf)
    {
        var position = Tree.Position[IndexOf(unit)];
        var top = IndexOf(ancestorOrSelf);
        return position >= Tree.Position[top] && position < Tree.SubtreeEnd[top];
    }

    /// <summary>Gets the index of a unit in <see cref="Units"/>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    internal int IndexOf(UnitId unit) =>
        _unitIndex.TryGetValue(unit, out var index) ? index : throw new KamValidationException("unit", KamErrorCodes.Unknown, unit.Value, "No unit of the organization has this identifier.");

    /// <summary>Tries to get the index of a unit in <see cref="Units"/>.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="index">The index.</param>
    /// <returns><see langword="true"/> when the unit exists.</returns>
    internal bool TryIndexOf(UnitId unit, out int index) => _unitIndex.TryGetValue(unit, out index);

    private UnitId[] Ids(int[] indices)
    {
        var result = new UnitId[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            result[i] = _units[indices[i]].Id;
        }

        return result;
    }
}
