using Kam.Cli.Features.Shared;

namespace Kam.Cli.Features.Init;

/// <summary>
/// The JSON Schemas of the rule files, shipped in the tool (generated from the library's JSON contracts; a test keeps
/// them identical): <c>kam init</c> writes each next to its rule file and points the file at it with a top-level
/// <c>"$schema"</c> member, so that an editor validates and completes the file. The readers ignore that member.
/// </summary>
internal static class RuleFileSchemas
{
    private const string Suffix = ".schema.json";

    /// <summary>Gets the shipped schema of a rule file, or <see langword="null"/> when it has none.</summary>
    /// <param name="ruleFileName">The rule file's name (<c>tier-policy.json</c>).</param>
    /// <returns>The schema's text.</returns>
    public static string? For(string ruleFileName)
    {
        using var stream = typeof(RuleFileSchemas).Assembly.GetManifestResourceStream(ResourceName(ruleFileName));
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Adds, for each rule file that has a schema, the schema file and the file's reference to it.</summary>
    /// <param name="ruleFiles">The rule files.</param>
    /// <returns>The rule files, each followed by its schema.</returns>
    public static InitTemplate[] Attach(IEnumerable<InitTemplate> ruleFiles) =>
        [.. ruleFiles.SelectMany(file => For(file.FileName) is { } schema
            ? new[] { file with { Content = WithReference(file.Content, SchemaFileName(file.FileName)) }, new InitTemplate(SchemaFileName(file.FileName), schema) }
            : [file])];

    /// <summary>The schema file's name beside a rule file (<c>tier-policy.schema.json</c>).</summary>
    /// <param name="ruleFileName">The rule file's name.</param>
    /// <returns>The schema's file name.</returns>
    public static string SchemaFileName(string ruleFileName) => Path.GetFileNameWithoutExtension(ruleFileName) + Suffix;

    private static string ResourceName(string ruleFileName) => "schemas/" + SchemaFileName(ruleFileName);

    /// <summary>Inserts <c>"$schema": "./x.schema.json"</c> as the first member of the file's top-level object (after its comment header).</summary>
    private static string WithReference(string content, string schemaFileName)
    {
        var open = content.IndexOf("\n{", StringComparison.Ordinal) is var at and >= 0 ? at + 1 : content.StartsWith('{') ? 0 : -1;
        return open < 0 ? content : string.Concat(content.AsSpan(0, open + 1), $"\n  \"$schema\": \"./{schemaFileName}\",", content.AsSpan(open + 1));
    }
}
