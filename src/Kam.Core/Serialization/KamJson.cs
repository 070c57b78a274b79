using System.Text;
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
/// matters for rule files: a member the schema does not know, a required member that is missing, or <c>null</c> for a member
/// that is not nullable is an error (the last checked by Kam.Core's own code, identical on net8.0 and net10.0).
/// </para>
/// <para>
/// Reading never throws <see cref="JsonException"/>: every problem becomes a <see cref="KamValidationException"/>
/// whose errors carry the JSON path in the file's own member names (<c>$.stages[2].probability</c>), a code from
/// <see cref="KamErrorCodes"/>, the offending value, and the line and position in the message; no message names an
/// internal type. A value of the wrong JSON type reads, for example, <c>expected a number, found the string "abc"</c>.
/// </para>
/// <para>
/// Before a document is bound, it is checked as a whole: a member name repeated in one object is refused
/// (<see cref="KamErrorCodes.Duplicate"/>, at the path of the second occurrence), and so is any number or amount
/// (<c>"1234.50 CNY"</c>) whose absolute value exceeds <see cref="Money.MaxAmount"/> (10^15,
/// <see cref="KamErrorCodes.OutOfRange"/>). The check is Kam.Core's own code, so it behaves the same on every target
/// framework. A root-level <c>"$schema"</c> string (an editor's reference to the file's JSON Schema) is allowed in every
/// rule file and ignored.
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

            // Rule files carry Chinese names (the source book's terms, docs/bibliography.md): write them as text, not \uXXXX escapes. HTML-sensitive
            // characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
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
        return Deserialize(Encoding.UTF8.GetBytes(json), typeInfo);
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
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Deserialize(buffer.ToArray(), typeInfo);
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
    public static KamValidationException ToValidationException(JsonException exception) => ToValidationException(exception, default, null);

    private static KamValidationException ToValidationException(JsonException exception, ReadOnlySpan<byte> document, JsonTypeInfo? typeInfo)
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
        const string missing = "missing required properties";
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
            var list = message.IndexOf(':', missingAt);
            var names = message[(list < 0 ? missingAt + missing.Length : list + 1)..]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '.', ' '))
                .Where(n => n.Length > 0);
            var objectPath = path.Length > 0 ? path : "$";
            return new KamValidationException(names.Select(n =>
                new KamValidationError($"{objectPath}.{n}", KamErrorCodes.JsonMissingMember, null, $"The required member '{n}' is missing{where}.")));
        }

        if (!document.IsEmpty && typeInfo is not null && RuleFileText.Mismatch(document, path, typeInfo) is { } mismatch)
        {
            return new KamValidationException(path, KamErrorCodes.JsonInvalid, mismatch.Value, mismatch.Message + where);
        }

        return new KamValidationException(path, KamErrorCodes.JsonInvalid, null, RuleFileText.WithoutTypeNames(FirstSentence(message)) + where);
    }

    /// <summary>
    /// Reads a rule file and builds the domain object from it; validation errors the build raises with JSON paths are
    /// given the file's own member names (a path segment the file does not spell that way is matched to the member the
    /// file has, for example <c>cuts</c> to <c>shareCuts</c>) and, when they carry no value, the value found there.
    /// </summary>
    /// <typeparam name="TDto">The JSON form.</typeparam>
    /// <typeparam name="TResult">The domain object.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="typeInfo">The JSON form's metadata.</param>
    /// <param name="build">Builds and validates the domain object, reporting paths that start with <c>$</c>.</param>
    /// <returns>The domain object.</returns>
    internal static TResult Read<TDto, TResult>(string json, JsonTypeInfo<TDto> typeInfo, Func<TDto, TResult> build)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var utf8 = Encoding.UTF8.GetBytes(json);
        var dto = Deserialize(utf8, typeInfo);
        try
        {
            return build(dto);
        }
        catch (KamValidationException ex)
        {
            throw RuleFileText.InFileTerms(ex, utf8);
        }
    }

    /// <summary>Runs a domain factory and rewrites its member paths (<c>targets[2].value</c>) as JSON paths under <paramref name="prefix"/> (<c>$.targets[2].value</c>).</summary>
    /// <typeparam name="T">What the factory builds.</typeparam>
    /// <param name="prefix">The JSON path the member paths are appended to (<c>$.</c>).</param>
    /// <param name="create">Builds and validates.</param>
    /// <returns>What the factory built.</returns>
    internal static T AtPath<T>(string prefix, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = prefix + e.Path }));
        }
    }

    /// <summary>Runs a nested part's factory; its errors go to <paramref name="errors"/> under <paramref name="prefix"/> (<c>id</c> → <c>units[3].id</c>), so every part's problems are reported together.</summary>
    /// <typeparam name="T">The part.</typeparam>
    /// <param name="errors">Collects the errors.</param>
    /// <param name="prefix">The part's path (<c>units[3]</c>).</param>
    /// <param name="create">Builds and validates the part.</param>
    /// <returns>The part, or <see langword="null"/> when it is invalid.</returns>
    internal static T? Nested<T>(ValidationCollector errors, string prefix, Func<T?> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Path = $"{prefix}.{e.Path}" }));
            return null;
        }
    }

    /// <summary>
    /// Builds one optional section of a combined rule file (a capability's options): <see langword="null"/> when the
    /// section is absent; otherwise the part, or <see langword="null"/> with the part's errors added, their paths
    /// re-rooted at the section (<c>$.stages[0]</c> → <c>$.playbook.stages[0]</c>, <c>maxDaysInStage</c> →
    /// <c>$.anomalies.maxDaysInStage</c>), so that every section's problems are reported together.
    /// </summary>
    /// <typeparam name="TDto">The section's JSON form.</typeparam>
    /// <typeparam name="T">The part.</typeparam>
    /// <param name="errors">Collects the errors of every section.</param>
    /// <param name="prefix">The section's path (<c>$.playbook</c>).</param>
    /// <param name="dto">The section, or <see langword="null"/> when absent.</param>
    /// <param name="build">Builds and validates the part.</param>
    /// <returns>The part, or <see langword="null"/>.</returns>
    internal static T? Section<TDto, T>(List<KamValidationError> errors, string prefix, TDto? dto, Func<TDto, T> build)
        where TDto : class
        where T : class
    {
        if (dto is null)
        {
            return null;
        }

        try
        {
            return build(dto);
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Path = e.Path.StartsWith('$') ? prefix + e.Path[1..] : prefix + "." + e.Path }));
            return null;
        }
    }

    private static T Deserialize<T>(byte[] utf8, JsonTypeInfo<T> typeInfo)
    {
        var text = RuleFileText.WithoutBom(utf8);
        RuleFileText.ThrowIfRefused(text);
        text = RuleFileText.WithoutSchemaReference(text);
        try
        {
            var value = JsonSerializer.Deserialize(text, typeInfo) ?? throw NullDocument();
            RuleFileText.ThrowIfNullNotAllowed(text, typeInfo);
            return value;
        }
        catch (JsonException ex)
        {
            throw RuleFileText.InFileTerms(ToValidationException(ex, text, typeInfo), text.ToArray());
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
