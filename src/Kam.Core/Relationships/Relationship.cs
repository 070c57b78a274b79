using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>A relationship between one of our people and a contact as of a date, with its strength.</summary>
public sealed class Relationship
{
    /// <summary>The top of the strength scale: 1 (we have met) to 5 (a trusted relationship); 0 ends a relationship.</summary>
    public const int MaxStrength = 5;

    internal Relationship(PersonId person, ContactId contact, int strength, LocalDate since)
    {
        Person = person;
        Contact = contact;
        Strength = strength;
        Since = since;
    }

    /// <summary>Gets our person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the contact.</summary>
    public ContactId Contact { get; }

    /// <summary>Gets the strength, 1 to <see cref="MaxStrength"/>.</summary>
    public int Strength { get; }

    /// <summary>Gets the date the relationship took this strength.</summary>
    public LocalDate Since { get; }
}
