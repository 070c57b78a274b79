#if NET9_0_OR_GREATER
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Kam.Core.Compensation.Serialization;
using Kam.Core.Stages.Serialization;
using Kam.Core.Tiering.Serialization;
using NodaTime;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// Generates the JSON Schema of each rule file <c>kam init</c> writes from the JSON contract the library reads it with
/// (its source-generated metadata), so that a schema cannot drift from the reader: <see cref="RuleFileSchemaTests"/>
/// compares the generated text with the schema shipped in the tool (<c>src/Kam.Cli/Features/Init/Schemas/</c>, read by <c>Kam.Cli.Features.Init.RuleFileSchemas</c>), and
/// rewrites the shipped files when the environment variable <c>KAM_UPDATE_SCHEMAS=1</c> is set.
/// </summary>
internal static class RuleFileSchemaGenerator
{
    private const string AmountPattern = @"^\s*-?[0-9]+(\.[0-9]+)?\s+[A-Z]{3}\s*$";

    private const string PercentPattern = @"^\s*-?[0-9]+(\.[0-9]+)?\s*%\s*$";

    /// <summary>Gets each rule file: its name without extension, its JSON contract and its title.</summary>
    public static IReadOnlyList<(string Name, JsonTypeInfo Contract, string Title, string Description)> Files { get; } =
    [
        ("tier-policy", TieringJsonContext.Strict.TieringOptionsDto, "kam tier policy",
            "The tier policy of `kam tier --policy`: one optional section per tiering engine (a missing section is that engine's default policy)."),
        ("playbook", PlaybookJsonContext.Shared.PlaybookDto, "kam playbook",
            "The eight-stage playbook of `kam pipeline --playbook`: per sales stage, its win probability, milestone items and success criteria."),
        ("pay-plan", CompensationJsonContext.Shared.PayPlanDto, "kam pay plan",
            "The pay plan of `kam pay`: its currency, rounding, effective dates and pay components."),
    ];

    /// <summary>Generates one rule file's schema as indented JSON text ending with a line break.</summary>
    /// <param name="name">The rule file's name without extension (<c>tier-policy</c>).</param>
    /// <returns>The schema's text.</returns>
    public static string Generate(string name)
    {
        var file = Files.Single(f => f.Name == name);
        var options = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
        var generated = (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(file.Contract, options);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://github.com/kam-core/kam-core/schemas/{name}.schema.json",
            ["title"] = file.Title,
            ["description"] = file.Description,
        };
        foreach (var (key, value) in generated.ToArray())
        {
            generated.Remove(key);
            schema[key] = value;
        }

        // An editor's reference to this schema is allowed at the top of the file (the reader ignores it).
        var properties = (JsonObject)schema["properties"]!;
        properties.Insert(0, "$schema", new JsonObject { ["type"] = "string", ["description"] = "The file's JSON Schema, for editors." });
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Describes the values Kam.Core reads with its own converters, which the exporter sees as "anything".</summary>
    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        var nullable = type != context.TypeInfo.Type;
        JsonObject? described = type switch
        {
            _ when type == typeof(Money) => new JsonObject
            {
                ["description"] = "An amount in a currency: \"1234.50 CNY\" or { \"amount\": 1234.5, \"currency\": \"CNY\" }.",
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["pattern"] = AmountPattern },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["amount"] = new JsonObject { ["type"] = "number" }, ["currency"] = Currency() },
                        ["required"] = new JsonArray("amount", "currency"),
                        ["additionalProperties"] = false,
                    }),
            },
            _ when type == typeof(Percentage) || type == typeof(Ratio) => new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = PercentPattern,
                ["description"] = "A number followed by a percent sign, for example \"75%\".",
            },
            _ when type == typeof(Currency) => Currency(),
            _ when type == typeof(LocalDate) => new JsonObject { ["type"] = "string", ["format"] = "date", ["description"] = "An ISO date, for example \"2026-01-01\"." },
            _ when type == typeof(YearMonth) => new JsonObject { ["type"] = "string", ["pattern"] = @"^[0-9]{4}-[0-9]{2}$", ["description"] = "A month, for example \"2026-01\"." },
            _ => null,
        };
        if (described is null)
        {
            return schema;
        }

        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(described, new JsonObject { ["type"] = "null" }) } : described;
    }

    private static JsonObject Currency() => new() { ["type"] = "string", ["pattern"] = "^[A-Z]{3}$", ["description"] = "An ISO 4217 currency code, for example \"CNY\"." };
}
#endif
