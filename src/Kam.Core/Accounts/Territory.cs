namespace Kam.Core.Accounts;

/// <summary>
/// A sales territory: an area within one unit whose manager owns its key accounts (rule book: accounts, hierarchies
/// on both sides).
/// </summary>
/// <remarks>Immutable. Whether the unit and the manager exist is checked by the <see cref="Organization"/> that holds it.</remarks>
public sealed class Territory
{
    /// <summary>Creates a territory.</summary>
    /// <param name="id">The territory's identifier.</param>
    /// <param name="name">The territory's name; not blank.</param>
    /// <param name="unit">The unit the territory belongs to.</param>
    /// <param name="manager">The territory manager, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">An identifier is the default value or the name is blank.</exception>
    public Territory(TerritoryId id, string name, UnitId unit, PersonId? manager = null)
    {
        var errors = new ValidationCollector();
        Checks.Identifier(errors, "id", id.Value);
        errors.Required("name", name);
        Checks.Identifier(errors, "unit", unit.Value);
        if (manager is { } m)
        {
            Checks.Identifier(errors, "manager", m.Value);
        }

        errors.ThrowIfAny();
        Id = id;
        Name = name;
        Unit = unit;
        Manager = manager;
    }

    /// <summary>Gets the territory's identifier.</summary>
    public TerritoryId Id { get; }

    /// <summary>Gets the territory's name.</summary>
    public string Name { get; }

    /// <summary>Gets the unit the territory belongs to.</summary>
    public UnitId Unit { get; }

    /// <summary>Gets the territory manager, or <see langword="null"/>.</summary>
    public PersonId? Manager { get; }
}
