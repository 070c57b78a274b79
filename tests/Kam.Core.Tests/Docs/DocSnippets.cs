namespace Kam.Core.Tests.Docs;

/// <summary>Compares a region of compiled sample code (between <c>// &lt;doc&gt;</c> and <c>// &lt;/doc&gt;</c>) with the first C# block under a heading of a docs page, so that the page shows code that compiles and runs.</summary>
internal static class DocSnippets
{
    public static void AssertPageShowsSample(string sampleFile, string page, string heading)
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, sampleFile));
        var start = Array.FindIndex(source, l => l.Trim() == "// <doc>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </doc>");
        Assert.True(start >= 0 && end > start, $"{sampleFile} has no // <doc> region.");
        var compiled = Dedent(source[(start + 1)..end]);
        var lines = RepositoryFiles.Read(page).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var at = Array.FindIndex(lines, l => l.StartsWith('#') && l.TrimStart('#').Trim() == heading);
        Assert.True(at >= 0, $"{page} has no heading '{heading}'.");
        var open = Array.FindIndex(lines, at, l => l.StartsWith("```csharp", StringComparison.Ordinal));
        var close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        Assert.Equal(compiled, Dedent(lines[(open + 1)..close]));
    }

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }
}
