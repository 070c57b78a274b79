using Kam.Core.Accounts;
using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>
/// The relationship between one of our people and a contact is established or changes strength; strength 0 ends it.
/// </summary>
public sealed class RelationshipChanged : BuyingCenterEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="date">The date of the change.</param>
    /// <param name="person">Our person.</param>
    /// <param name="contact">The contact.</param>
    /// <param name="strength">The relationship's strength from this date, 0 (ended) to <see cref="Relationship.MaxStrength"/>.</param>
    /// <exception cref="KamValidationException">An identifier is the default value or the strength is outside its scale.</exception>
    public RelationshipChanged(LocalDate date, PersonId person, ContactId contact, int strength)
        : this(date, person, contact, strength, new ValidationCollector())
    {
    }

    private RelationshipChanged(LocalDate date, PersonId person, ContactId contact, int strength, ValidationCollector errors)
        : base(date, contact, errors)
    {
        Checks.Identifier(errors, "person", person.Value);
        errors.InRange("strength", strength, 0, Relationship.MaxStrength);
        errors.ThrowIfAny();
        Person = person;
        Strength = strength;
    }

    /// <summary>Gets our person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the strength from this date; 0 when the relationship ends.</summary>
    public int Strength { get; }
}
