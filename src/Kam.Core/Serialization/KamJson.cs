using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Kam.Core.Serialization;

/// <summary>
/// The one JSON entry point of Kam.Core: every rule set (playbooks, tier policies, pay plans) is read and written
/// through it, with the same settings and the same error model.
/// </summary>
/// <remarks>
/// <para>
/// Settings: camelCase member names, enums as their names (each Kam.Core enum carries its own AOT-safe converter), NodaTime values in ISO form (<c>"2026-11-23"</c>,
/// <c>"2026-11"</c>, <c>"2026-11-23T09:00:00Z"</c>), comments and trailing commas allowed, non-ASCII text (Chinese names) written unescaped, and strictness where it
/// matters for rule files: a member the schema does not know, or a required member that is missing, is an error.
/// </para>
/// <para>
/// Reading never throws <see cref="JsonException"/>: every problem becomes a <see cref="KamValidationException"/>
/// whose errors carry the JSON path (<c>$.stages[2].probability</c>), a code from <see cref="KamErrorCodes"/>, and the
/// line and position in the message.
/// </para>
/// <para>
/// Trimming and native AOT: the methods take a <see cref="JsonTypeInfo{T}"/> from a source-generated
/// <see cref="JsonSerializerContext"/> built over <see cref="CreateOptions"/>, so no reflection is needed.
/// </para>
/// </remarks>
public static class KamJson
{
    /// <summary>Creates a new, mutable copy of Kam.Core's JSON settings, for building a source-generated context.</summary>
    /// <returns>New serializer options.</returns>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,

            // Rule files carry Chinese names (the seed's terms): write them as text, not \uXXXX escapes. HTML-sensitive
            // characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
#if NET9_0_OR_GREATER
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
#endif
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>Reads a value from JSON text.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="typeInfo">The type's metadata, from a context built over <see cref="CreateOptions"/>.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="KamValidationException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Read(() => JsonSerializer.Deserialize(json, typeInfo));
    }

    /// <summary>Reads a value from a UTF-8 JSON stream.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <param name="typeInfo">The type's metadata, from a context built over <see cref="CreateOptions"/>.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="KamValidationException">The stream is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(Stream utf8Json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Read(() => JsonSerializer.Deserialize(utf8Json, typeInfo));
    }

    /// <summary>Writes a value as indented JSON text.</summary>
    /// <typeparam name="T">The type to write.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's metadata, from a context built over <see cref="CreateOptions"/>.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.Serialize(value, typeInfo);
    }

    /// <summary>
    /// Converts a serializer error into the validation model: the JSON path, a code (unknown member, missing member,
    /// or the code of the Kam.Core value that failed to parse), and the line and position.
    /// </summary>
    /// <param name="exception">The serializer error.</param>
    /// <returns>The equivalent validation exception.</returns>
    public static KamValidationException ToValidationException(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path ?? "$";
        var where = exception.LineNumber is { } line
            ? $" (line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1})"
            : string.Empty;

        if (exception.InnerException is KamValidationException inner)
        {
            return new KamValidationException(inner.Errors.Select(e => e with { Path = path, Message = e.Message + where }));
        }

        var message = exception.Message;
        const string unmapped = "could not be mapped to any .NET member";
        const string missing = "missing required properties including: ";
        if (message.Contains(unmapped, StringComparison.Ordinal))
        {
            var name = Quoted(message, 0);
            var memberPath = name is null || path.EndsWith(name, StringComparison.Ordinal) || path.EndsWith($"['{name}']", StringComparison.Ordinal)
                ? path
                : $"{path}.{name}";
            return new KamValidationException(memberPath, KamErrorCodes.JsonUnknownMember, name, $"The member '{name}' is not part of this rule file's schema{where}.");
        }

        var missingAt = message.IndexOf(missing, StringComparison.Ordinal);
        if (missingAt >= 0)
        {
            var names = message[(missingAt + missing.Length)..]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '.', ' '))
                .Where(n => n.Length > 0);
            var objectPath = path.Length > 0 ? path : "$";
            return new KamValidationException(names.Select(n =>
                new KamValidationError($"{objectPath}.{n}", KamErrorCodes.JsonMissingMember, null, $"The required member '{n}' is missing{where}.")));
        }

        return new KamValidationException(path, KamErrorCodes.JsonInvalid, null, FirstSentence(message) + where);
    }

    private static T Read<T>(Func<T?> deserialize)
    {
        try
        {
            return deserialize() ?? throw NullDocument();
        }
        catch (JsonException ex)
        {
            throw ToValidationException(ex);
        }
    }

    private static KamValidationException NullDocument() =>
        new("$", KamErrorCodes.Required, "null", "The document is null; expected a JSON object.");

    private static string? Quoted(string message, int from)
    {
        var start = message.IndexOf('\'', from);
        if (start < 0)
        {
            return null;
        }

        var end = message.IndexOf('\'', start + 1);
        return end < 0 ? null : message[(start + 1)..end];
    }

    private static string FirstSentence(string message)
    {
        var pathNote = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return pathNote > 0 ? message[..pathNote] : message;
    }
}
