using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using NodaTime;

namespace Kam.Core.Serialization;

/// <summary>
/// The rule-file checks <see cref="KamJson"/> makes on the document itself, independent of the serializer and so the
/// same on every target framework: duplicate member names, amounts beyond <see cref="Money.MaxAmount"/>, and the
/// wording of errors in the file's own terms (member names as written, the value found, no internal type names).
/// </summary>
internal static partial class RuleFileText
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Skips a UTF-8 byte order mark.</summary>
    /// <param name="utf8">The document.</param>
    /// <returns>The document without the mark.</returns>
    public static ReadOnlySpan<byte> WithoutBom(byte[] utf8) =>
        utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8.AsSpan(3) : utf8;

    /// <summary>
    /// Blanks a root-level <c>"$schema"</c> member whose value is a string (the reference an editor follows to validate
    /// and complete the file), so that the document binds as if the member were absent. The member and one adjacent
    /// comma become spaces: the document keeps its length and line breaks, so lines and positions in messages stay right.
    /// </summary>
    /// <param name="utf8">The document (already checked by <see cref="ThrowIfRefused"/>).</param>
    /// <returns>The document, or a blanked copy when it has the member.</returns>
    public static ReadOnlySpan<byte> WithoutSchemaReference(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOf("\"$schema\""u8) < 0)
        {
            return utf8;
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return utf8;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                var isSchema = reader.ValueTextEquals("$schema"u8);
                if (!reader.Read())
                {
                    return utf8;
                }

                if (isSchema && reader.TokenType == JsonTokenType.String)
                {
                    var copy = utf8.ToArray();
                    var end = (int)reader.BytesConsumed;
                    Blank(copy, start, end);
                    var after = end;
                    while (after < copy.Length && copy[after] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                    {
                        after++;
                    }

                    if (after < copy.Length && copy[after] == (byte)',')
                    {
                        copy[after] = (byte)' ';
                        return copy;
                    }

                    var before = start - 1;
                    while (before >= 0 && copy[before] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                    {
                        before--;
                    }

                    if (before >= 0 && copy[before] == (byte)',')
                    {
                        copy[before] = (byte)' ';
                    }

                    return copy;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the serializer's to report.
        }

        return utf8;
    }

    private static void Blank(byte[] utf8, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (utf8[i] is not ((byte)'\r' or (byte)'\n'))
            {
                utf8[i] = (byte)' ';
            }
        }
    }

    /// <summary>
    /// Refuses a document with a member name repeated in one object (at the path of the repetition) or a number or
    /// amount text beyond <see cref="Money.MaxAmount"/> (except ±<see cref="double.MaxValue"/>, an unbounded limit).
    /// Malformed JSON is left for the serializer to report.
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <exception cref="KamValidationException">A duplicate member or an amount out of range.</exception>
    public static void ThrowIfRefused(ReadOnlySpan<byte> utf8)
    {
        var errors = new List<KamValidationError>();
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Name = reader.GetString()!;
                        if (!frame.Names!.Add(frame.Name))
                        {
                            errors.Add(new KamValidationError(PathOf(frames), KamErrorCodes.Duplicate, frame.Name,
                                string.Create(CultureInfo.InvariantCulture, $"The member '{frame.Name}' occurs more than once in this object (line {LineOf(utf8, reader.TokenStartIndex)}); a rule file names each member once.")));
                        }

                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count > 0 && frames[^1].Names is null)
                {
                    frames[^1].Index++;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        frames.Add(new Frame { Names = new HashSet<string>(StringComparer.Ordinal) });
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame());
                        break;
                    case JsonTokenType.Number:
                        var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                        if (reader.TryGetDecimal(out var number) ? Math.Abs(number) > Money.MaxAmount : !IsNoLimit(ref reader))
                        {
                            errors.Add(TooLarge(PathOf(frames), raw));
                        }

                        break;
                    case JsonTokenType.String:
                        var text = reader.GetString()!;
                        if (IsAmountBeyondMaximum(text))
                        {
                            errors.Add(TooLarge(PathOf(frames), text));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the serializer reports it, with its line and position.
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }

    /// <summary>
    /// Describes a value of the wrong JSON type at <paramref name="path"/>: what the rule file expects there and what
    /// it found (<c>expected a number, found the string "abc"</c>).
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <param name="path">The JSON path of the value.</param>
    /// <param name="root">The metadata of the document's type.</param>
    /// <returns>The sentence and the value found, or <see langword="null"/> when the path does not lead to a value.</returns>
    public static (string Message, string? Value)? Mismatch(ReadOnlySpan<byte> utf8, string path, JsonTypeInfo root)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
            var segments = Segments(path);
            if (segments is null || Locate(document.RootElement, segments) is not { } found)
            {
                return null;
            }

            var expected = TypeAt(root, segments) is { } type ? Expected(type, root.Options.GetTypeInfo(type).Kind) : null;
            return expected is null ? null : ($"expected {expected}, found {Describe(found)}", ValueText(found));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Rewrites the JSON paths of errors into the file's own member names and fills in the value found at the path
    /// where an error carries none.
    /// </summary>
    /// <param name="exception">The errors.</param>
    /// <param name="utf8">The document.</param>
    /// <returns>The errors in the file's terms.</returns>
    public static KamValidationException InFileTerms(KamValidationException exception, byte[] utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(utf8).ToArray(), DocumentOptions);
        }
        catch (JsonException)
        {
            return exception;
        }

        using (document)
        {
            return new KamValidationException(exception.Errors.Select(e => InFileTerms(e, document.RootElement)));
        }
    }

    /// <summary>Removes internal type names (<c>Kam.Core.Compensation.Serialization.PayComponentDto</c>) from a serializer message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message with each type name replaced by "this value's type".</returns>
    public static string WithoutTypeNames(string message) => TypeName().Replace(message, "the expected type");

    private static KamValidationError InFileTerms(KamValidationError error, JsonElement root)
    {
        // A missing or unknown member is named by the serializer as the file spells it (or would): keep it.
        if (!error.Path.StartsWith('$') || error.Code is KamErrorCodes.JsonMissingMember or KamErrorCodes.JsonUnknownMember || Segments(error.Path) is not { } segments)
        {
            return error;
        }

        var current = (JsonElement?)root;
        var written = new StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment.Index is { } index)
            {
                written.Append(CultureInfo.InvariantCulture, $"[{index}]");
                current = current is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
                continue;
            }

            var name = segment.Name!;
            if (current is { ValueKind: JsonValueKind.Object } obj)
            {
                name = MemberName(obj, name);
                current = obj.TryGetProperty(name, out var child) ? child : null;
            }
            else
            {
                name = CamelCase(name);
                current = null;
            }

            AppendName(written, name);
        }

        var value = error.AttemptedValue ?? (current is { } element ? ValueText(element) : null);
        return error with { Path = written.ToString(), AttemptedValue = value, Message = WithoutTypeNames(error.Message) };
    }

    /// <summary>The member of <paramref name="obj"/> a validation path segment means: as spelt, in camelCase, or the one member whose name ends with it (<c>cuts</c> → <c>shareCuts</c>).</summary>
    private static string MemberName(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out _))
        {
            return name;
        }

        var camel = CamelCase(name);
        if (obj.TryGetProperty(camel, out _))
        {
            return camel;
        }

        var matches = obj.EnumerateObject().Select(p => p.Name).Where(n => n.EndsWith(name, StringComparison.OrdinalIgnoreCase)).Take(2).ToArray();
        return matches.Length == 1 ? matches[0] : camel;
    }

    private static string CamelCase(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static JsonElement? Locate(JsonElement root, IReadOnlyList<Segment> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (segment.Index is { } index)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment.Name!, out var member))
            {
                return null;
            }
            else
            {
                current = member;
            }
        }

        return current;
    }

    private static Type? TypeAt(JsonTypeInfo root, IReadOnlyList<Segment> segments)
    {
        var type = root.Type;
        try
        {
            foreach (var segment in segments)
            {
                var info = root.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
                if (segment.Index is not null)
                {
                    if (info.Kind != JsonTypeInfoKind.Enumerable)
                    {
                        return null;
                    }

                    type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
                }
                else if (info.Kind == JsonTypeInfoKind.Dictionary)
                {
                    type = type.GetGenericArguments()[^1];
                }
                else if (info.Kind == JsonTypeInfoKind.Object
                         && info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment.Name, StringComparison.Ordinal)) is { } property)
                {
                    type = property.PropertyType;
                }
                else
                {
                    return null;
                }
            }

            return type;
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string Expected(Type type, JsonTypeInfoKind kind)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (kind == JsonTypeInfoKind.Enumerable)
        {
            return "an array";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => $"\"{n}\""));
        }

        return type switch
        {
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(Money) => "an amount such as \"1234.50 CNY\"",
            _ when type == typeof(Currency) => "a currency code such as \"CNY\"",
            _ when type == typeof(Percentage) => "a percentage such as \"75%\"",
            _ when type == typeof(Ratio) => "a ratio such as \"120%\"",
            _ when type == typeof(LocalDate) => "a date such as \"2026-01-02\"",
            _ when type == typeof(YearMonth) => "a month such as \"2026-01\"",
            _ when type == typeof(Instant) => "a time such as \"2026-01-02T09:00:00Z\"",
            _ when type == typeof(AccountId) || type == typeof(PersonId) || type == typeof(OpportunityId) => "an identifier string",
            _ => "an object",
        };
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string ValueText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object or JsonValueKind.Array => Shorten(element.GetRawText()),
        _ => element.GetRawText(),
    };

    private static string Shorten(string raw)
    {
        var flat = string.Join(' ', raw.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 60 ? flat : flat[..57] + "...";
    }

    private static bool IsAmountBeyondMaximum(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space <= 0 || trimmed.Length - space - 1 != 3 || !trimmed[(space + 1)..].All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        var amount = trimmed.AsSpan(0, space);
        return decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? Math.Abs(value) > Money.MaxAmount
            : double.TryParse(amount, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var big) && Math.Abs(big) > (double)Money.MaxAmount;
    }

    private static KamValidationError TooLarge(string path, string value) =>
        new(path, KamErrorCodes.OutOfRange, value,
            $"The value {value} exceeds the largest amount a rule file accepts ({Money.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}, 10^15 in any currency); check the units.");

    /// <summary>
    /// Tells whether a number too large for decimal is ±<see cref="double.MaxValue"/>, the form in which the tier
    /// policies write an unbounded limit (a grade's <c>maxDaysToClose</c>); it is not an amount and stays allowed.
    /// </summary>
    private static bool IsNoLimit(ref Utf8JsonReader reader) => reader.TryGetDouble(out var value) && Math.Abs(value) == double.MaxValue;

    private static int LineOf(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)index].Count((byte)'\n') + 1;

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.Names is null)
            {
                if (frame.Index > 0)
                {
                    path.Append(CultureInfo.InvariantCulture, $"[{frame.Index - 1}]");
                }
            }
            else if (frame.Name is { } name)
            {
                AppendName(path, name);
            }
        }

        return path.ToString();
    }

    /// <summary>Appends a member name as the serializer writes it in paths: <c>.name</c>, or <c>['odd name']</c> when it has special characters.</summary>
    private static void AppendName(StringBuilder path, string name)
    {
        if (name.IndexOfAny(['.', ' ', '\'', '@', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029']) >= 0)
        {
            path.Append("['").Append(name).Append("']");
        }
        else
        {
            path.Append('.').Append(name);
        }
    }

    /// <summary>
    /// Refuses a JSON <c>null</c> given for a member whose type is not nullable (a <c>string</c>, an object or a list
    /// declared without <c>?</c>), with the message a value of the wrong type gets (<c>expected a string, found
    /// null</c>). Kam.Core's own check, made after the document is bound, so that net8.0 and net10.0 behave alike
    /// (the serializer's <c>RespectNullableAnnotations</c> exists from .NET 9 only and is not used).
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <param name="root">The metadata of the document's type.</param>
    /// <exception cref="KamValidationException">A null where the member does not allow one.</exception>
    public static void ThrowIfNullNotAllowed(ReadOnlySpan<byte> utf8, JsonTypeInfo root)
    {
        using var document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
        if (FirstNullNotAllowed(document.RootElement, root, "$") is { } found)
        {
            throw new KamValidationException(found.Path, KamErrorCodes.JsonInvalid, "null", $"expected {found.Expected}, found null");
        }
    }

    private static (string Path, string Expected)? FirstNullNotAllowed(JsonElement element, JsonTypeInfo info, string path)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.Ordinal));
                    if (property is null)
                    {
                        continue;
                    }

                    var memberPath = PathOfMember(path, member.Name);
                    if (member.Value.ValueKind == JsonValueKind.Null)
                    {
                        if (!property.PropertyType.IsValueType && !AllowsNull(property, info.Type))
                        {
                            var type = property.PropertyType;
                            return (memberPath, Expected(type, info.Options.GetTypeInfo(type).Kind));
                        }

                        continue;
                    }

                    if (Walkable(property.PropertyType) && FirstNullNotAllowed(member.Value, info.Options.GetTypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType), memberPath) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && ItemType(info.Type, 0) is { } elementType && Walkable(elementType):
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        // A list of objects never holds a null (the object's members are required by its reader).
                        return (string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), Expected(elementType, info.Options.GetTypeInfo(elementType).Kind));
                    }

                    if (FirstNullNotAllowed(item, info.Options.GetTypeInfo(elementType), string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")) is { } inner)
                    {
                        return inner;
                    }

                    index++;
                }

                return null;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && ItemType(info.Type, 1) is { } valueType && Walkable(valueType):
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Value.ValueKind != JsonValueKind.Null
                        && FirstNullNotAllowed(member.Value, info.Options.GetTypeInfo(valueType), PathOfMember(path, member.Name)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The JSON name of a CLR property under the options' naming policy (or its <c>[JsonPropertyName]</c>).</summary>
    private static string JsonName(System.Reflection.PropertyInfo property, JsonSerializerOptions options) =>
        property.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), inherit: true) is [System.Text.Json.Serialization.JsonPropertyNameAttribute named, ..]
            ? named.Name
            : options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;

    /// <summary>The element type of a list (<paramref name="argument"/> 0) or the value type of a dictionary (1).</summary>
    private static Type? ItemType(Type type, int argument) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is { } arguments && arguments.Length > argument ? arguments[argument] : null;

    /// <summary>Whether a member's type can hold members of its own (a DTO, a list, a dictionary), as opposed to a primitive.</summary>
    private static bool Walkable(Type type) =>
        !type.IsPrimitive && !type.IsEnum && type != typeof(string) && type != typeof(decimal) && Nullable.GetUnderlyingType(type) is null
        && type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) != true
        && type != typeof(Money) && type != typeof(Currency) && type != typeof(Percentage) && type != typeof(Ratio);

    private static string PathOfMember(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    /// <summary>Whether a reference-typed member is declared nullable (<c>string?</c>).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The members of a bound rule-file type are kept: the source-generated context reads and writes them.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The members of a bound rule-file type are kept: the source-generated context reads and writes them.")]
    private static bool AllowsNull(JsonPropertyInfo property, Type declaringType)
    {
        try
        {
            var nullability = new System.Reflection.NullabilityInfoContext();
            var member = property.AttributeProvider as System.Reflection.MemberInfo
                         ?? declaringType.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                             .FirstOrDefault(p => string.Equals(JsonName(p, property.Options), property.Name, StringComparison.Ordinal));
            return member switch
            {
                System.Reflection.PropertyInfo p => nullability.Create(p).WriteState != System.Reflection.NullabilityState.NotNull,
                System.Reflection.FieldInfo f => nullability.Create(f).WriteState != System.Reflection.NullabilityState.NotNull,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // Nullability metadata trimmed away (NullabilityInfoContext.IsSupported = false): accept, as the serializer would.
            return true;
        }
    }

    /// <summary>Splits a JSON path (<c>$.a.b[2]['c d']</c>) into member names and indices; <see langword="null"/> when it is not one.</summary>
    private static List<Segment>? Segments(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                segments.Add(new Segment(path[(i + 1)..end], null));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(new Segment(path[(i + 2)..end], null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    [GeneratedRegex(@"'?\bKam\.Core\.[A-Za-z0-9_.+`\[\]]*'?|'?\b[A-Za-z0-9_]+Dto\b'?", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();

    private sealed record Segment(string? Name, int? Index);

    private sealed class Frame
    {
        public HashSet<string>? Names { get; init; }

        public string? Name { get; set; }

        public int Index { get; set; }
    }
}
