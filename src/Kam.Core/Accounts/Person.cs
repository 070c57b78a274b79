namespace Kam.Core.Accounts;

/// <summary>One person of our organization: identifier, name, the unit the person belongs to and the person's role.</summary>
/// <remarks>Immutable. Whether the unit exists is checked by the <see cref="Organization"/> that holds the person.</remarks>
public sealed class Person
{
    /// <summary>Creates a person.</summary>
    /// <param name="id">The person's identifier.</param>
    /// <param name="name">The person's name; not blank.</param>
    /// <param name="unit">The unit the person belongs to.</param>
    /// <param name="role">The person's role (for example "key-account manager"), or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">An identifier is the default value or the name is blank.</exception>
    public Person(PersonId id, string name, UnitId unit, string? role = null)
    {
        var errors = new ValidationCollector();
        Checks.Identifier(errors, "id", id.Value);
        errors.Required("name", name);
        Checks.Identifier(errors, "unit", unit.Value);
        errors.ThrowIfAny();
        Id = id;
        Name = name;
        Unit = unit;
        Role = role;
    }

    /// <summary>Gets the person's identifier.</summary>
    public PersonId Id { get; }

    /// <summary>Gets the person's name.</summary>
    public string Name { get; }

    /// <summary>Gets the unit the person belongs to.</summary>
    public UnitId Unit { get; }

    /// <summary>Gets the person's role, or <see langword="null"/>.</summary>
    public string? Role { get; }
}
