using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Kam.Core.Relationships;

/// <summary>Identifies one person on the customer's side: a contact of an account's buying center.</summary>
/// <remarks>
/// One of the identifier kinds that share one implementation (<see cref="IKamIdentifier{TSelf}"/>, whose remarks
/// give the rules of the text): equality is ordinal over the text, and the default value has an empty
/// <see cref="Value"/> and is not equal to any parsed identifier. Written in JSON and in text as the identifier itself.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<ContactId>))]
[SuppressMessage("Design", "CA1036", Justification = "Identifiers are IComparable for stable, ordinal sorting; ordering operators would mean nothing for a key.")]
public readonly record struct ContactId : IKamIdentifier<ContactId>
{
    private readonly string? _value;

    private ContactId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc cref="IKamIdentifier{TSelf}.Parse(string)" />
    public static ContactId Parse(string value) => new(IdentifierRules.Require(value, nameof(ContactId)));

    /// <summary>Tries to create an identifier from its text.</summary>
    /// <param name="value">The identifier's text.</param>
    /// <param name="id">The identifier, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ContactId id) => IdentifierRules.TryCreate(value, nameof(ContactId), static v => new ContactId(v), out id);

    /// <inheritdoc />
    public int CompareTo(ContactId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the identifier's text.</summary>
    /// <returns>The identifier's text.</returns>
    public override string ToString() => Value;
}
