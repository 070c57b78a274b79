namespace Kam.Core;

/// <summary>
/// A strongly typed identifier: a non-blank text key with a distinct type per kind of entity, so that an account id
/// can never be passed where an opportunity id is expected. <see cref="AccountId"/>, <see cref="OpportunityId"/> and
/// <see cref="PersonId"/> are the kinds; each is a small <c>readonly record struct</c> over this one contract and the
/// shared rules of <see cref="IdentifierRules"/>.
/// </summary>
/// <typeparam name="TSelf">The identifier type itself.</typeparam>
/// <remarks>
/// Identifiers compare ordinally (case-sensitive, culture-independent). The text is kept exactly as given; it must
/// be 1 to <see cref="IdentifierRules.MaxLength"/> characters, with no leading or trailing white space and no
/// control characters.
/// </remarks>
public interface IKamIdentifier<TSelf> : IEquatable<TSelf>, IComparable<TSelf>
    where TSelf : struct, IKamIdentifier<TSelf>
{
    /// <summary>Gets the identifier's text.</summary>
    string Value { get; }

    /// <summary>Creates an identifier from its text, validating it.</summary>
    /// <param name="value">The identifier's text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="KamValidationException">The text is blank, too long, padded or has control characters.</exception>
    static abstract TSelf Parse(string value);
}

/// <summary>The rules every <see cref="IKamIdentifier{TSelf}"/> text must follow.</summary>
public static class IdentifierRules
{
    /// <summary>The greatest number of characters an identifier may have.</summary>
    public const int MaxLength = 256;

    /// <summary>Checks an identifier text and returns the problem, if any.</summary>
    /// <param name="value">The text to check.</param>
    /// <param name="typeName">The identifier type's name, used as the error path.</param>
    /// <returns>The error, or <see langword="null"/> when the text is a valid identifier.</returns>
    public static KamValidationError? Check(string? value, string typeName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new KamValidationError(typeName, KamErrorCodes.Required, value, "An identifier must not be blank.");
        }

        if (value.Length > MaxLength)
        {
            return new KamValidationError(typeName, KamErrorCodes.OutOfRange, value[..32] + "…", $"An identifier may have at most {MaxLength} characters.");
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return new KamValidationError(typeName, KamErrorCodes.InvalidFormat, value, "An identifier must not start or end with white space.");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return new KamValidationError(typeName, KamErrorCodes.InvalidFormat, value, "An identifier must not contain control characters.");
            }
        }

        return null;
    }

    internal static string Require(string? value, string typeName)
    {
        var error = Check(value, typeName);
        return error is null ? value! : throw new KamValidationException([error]);
    }

    /// <summary>The shared <c>TryParse</c> of every identifier kind.</summary>
    /// <typeparam name="TId">The identifier kind.</typeparam>
    /// <param name="value">The text to check.</param>
    /// <param name="typeName">The identifier type's name.</param>
    /// <param name="create">Wraps a valid text into the identifier.</param>
    /// <param name="id">The identifier, or the default value when the text is invalid.</param>
    /// <returns><see langword="true"/> when the text is a valid identifier.</returns>
    internal static bool TryCreate<TId>(string? value, string typeName, Func<string, TId> create, out TId id)
        where TId : struct
    {
        var ok = Check(value, typeName) is null;
        id = ok ? create(value!) : default;
        return ok;
    }
}
