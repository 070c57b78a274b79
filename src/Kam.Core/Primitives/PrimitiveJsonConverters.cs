using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kam.Core;

/// <summary>
/// Base of Kam.Core's converters for values that are written as a JSON string: turns a
/// <see cref="KamValidationException"/> raised while parsing into a <see cref="JsonException"/>, so that the
/// serializer adds the JSON path and <c>KamJson</c> can report it with the original error code.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class KamStringJsonConverter<T> : JsonConverter<T>
{
    /// <summary>Gets an example of the JSON text, used in error messages (for example <c>"\"CNY\""</c>).</summary>
    protected abstract string Example { get; }

    /// <inheritdoc />
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, for example {Example}.");
        }

        return ParseOrThrow(reader.GetString()!);
    }

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <inheritdoc />
    public sealed override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParseOrThrow(reader.GetString()!);

    /// <inheritdoc />
    public sealed override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Format(value));
    }

    /// <summary>Parses the string form.</summary>
    /// <param name="text">The JSON string's value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KamValidationException">The text is not a valid value.</exception>
    protected abstract T Parse(string text);

    /// <summary>Formats the value as its string form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text to write.</returns>
    protected abstract string Format(T value);

    internal static JsonException Wrap(KamValidationException exception) => new(exception.Errors[0].Message, exception);

    private T ParseOrThrow(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (KamValidationException ex)
        {
            throw Wrap(ex);
        }
    }
}

/// <summary>Reads and writes a strongly typed identifier as its text.</summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal sealed class IdentifierJsonConverter<T> : KamStringJsonConverter<T>
    where T : struct, IKamIdentifier<T>
{
    /// <inheritdoc />
    protected override string Example => "\"ACME-001\"";

    /// <inheritdoc />
    protected override T Parse(string text) => T.Parse(text);

    /// <inheritdoc />
    protected override string Format(T value) => value.Value;
}

/// <summary>Reads and writes a <see cref="Currency"/> as its ISO 4217 code.</summary>
internal sealed class CurrencyJsonConverter : KamStringJsonConverter<Currency>
{
    /// <inheritdoc />
    protected override string Example => "\"CNY\"";

    /// <inheritdoc />
    protected override Currency Parse(string text) => Currency.Parse(text);

    /// <inheritdoc />
    protected override string Format(Currency value) => value.Code;
}

/// <summary>Reads and writes a <see cref="Percentage"/> as <c>"75%"</c>.</summary>
internal sealed class PercentageJsonConverter : KamStringJsonConverter<Percentage>
{
    /// <inheritdoc />
    protected override string Example => "\"75%\"";

    /// <inheritdoc />
    protected override Percentage Parse(string text) => Percentage.Parse(text);

    /// <inheritdoc />
    protected override string Format(Percentage value) => value.ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>Reads and writes a <see cref="Ratio"/> as <c>"120%"</c>.</summary>
internal sealed class RatioJsonConverter : KamStringJsonConverter<Ratio>
{
    /// <inheritdoc />
    protected override string Example => "\"120%\"";

    /// <inheritdoc />
    protected override Ratio Parse(string text) => Ratio.Parse(text);

    /// <inheritdoc />
    protected override string Format(Ratio value) => value.ToString(null, CultureInfo.InvariantCulture);
}
