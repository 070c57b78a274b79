using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core;

/// <summary>Identifies one person (a salesperson, manager or other team member).</summary>
/// <remarks>
/// See <see cref="IKamIdentifier{TSelf}"/> for the rules of the text and for equality (ordinal). The default value
/// has an empty <see cref="Value"/> and is not equal to any parsed identifier.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<PersonId>))]
public readonly struct PersonId : IKamIdentifier<PersonId>
{
    private readonly string? _value;

    private PersonId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when both have the same text.</returns>
    public static bool operator ==(PersonId left, PersonId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when the texts differ.</returns>
    public static bool operator !=(PersonId left, PersonId right) => !left.Equals(right);

    /// <summary>Tells whether one identifier sorts before another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(PersonId left, PersonId right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether one identifier sorts after another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(PersonId left, PersonId right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether one identifier sorts before or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether one identifier sorts after or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc cref="IKamIdentifier{TSelf}.Parse(string)" />
    public static PersonId Parse(string value) => new(IdentifierRules.Require(value, nameof(PersonId)));

    /// <summary>Tries to create an identifier from its text.</summary>
    /// <param name="value">The identifier's text.</param>
    /// <param name="id">The identifier, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out PersonId id)
    {
        var ok = IdentifierRules.Check(value, nameof(PersonId)) is null;
        id = ok ? new PersonId(value!) : default;
        return ok;
    }

    /// <inheritdoc />
    public bool Equals(PersonId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PersonId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(PersonId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the identifier's text.</summary>
    /// <returns>The identifier's text.</returns>
    public override string ToString() => Value;
}
