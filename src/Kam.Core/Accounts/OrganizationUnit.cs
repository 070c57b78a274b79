namespace Kam.Core.Accounts;

/// <summary>One unit of our organization: its identifier, name, level and parent unit.</summary>
/// <remarks>Immutable. Whether the parent exists is checked by the <see cref="Organization"/> that holds the unit.</remarks>
public sealed class OrganizationUnit
{
    /// <summary>Creates a unit.</summary>
    /// <param name="id">The unit's identifier.</param>
    /// <param name="name">The unit's name; not blank.</param>
    /// <param name="level">The unit's level.</param>
    /// <param name="parent">The parent unit, or <see langword="null"/> for a top unit.</param>
    /// <exception cref="KamValidationException">The identifier is the default value, the name is blank or the level is not defined.</exception>
    public OrganizationUnit(UnitId id, string name, UnitLevel level, UnitId? parent = null)
    {
        var errors = new ValidationCollector();
        Checks.Identifier(errors, "id", id.Value);
        errors.Required("name", name);
        Checks.Defined(errors, "level", level);
        if (parent is { } p)
        {
            Checks.Identifier(errors, "parent", p.Value);
        }

        errors.ThrowIfAny();
        Id = id;
        Name = name;
        Level = level;
        Parent = parent;
    }

    /// <summary>Gets the unit's identifier.</summary>
    public UnitId Id { get; }

    /// <summary>Gets the unit's name.</summary>
    public string Name { get; }

    /// <summary>Gets the unit's level.</summary>
    public UnitLevel Level { get; }

    /// <summary>Gets the parent unit, or <see langword="null"/> for a top unit.</summary>
    public UnitId? Parent { get; }
}
