namespace Kam.Core.Tests.Docs;

public sealed class ReadmeSampleTests
{
    [Fact]
    public void Readme_embed_sample_is_the_compiled_sample()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests/Kam.Core.Tests/Docs/ReadmeSample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// <readme>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </readme>");
        var compiled = Dedent(source[(start + 1)..end]);

        var readme = RepositoryFiles.Read("README.md").Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var heading = Array.FindIndex(readme, l => l.StartsWith("## Embed it", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README.md has no '## Embed it' section.");
        var open = Array.FindIndex(readme, heading, l => l.StartsWith("```csharp", StringComparison.Ordinal));
        var close = Array.FindIndex(readme, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        var documented = Dedent(readme[(open + 1)..close].Where(l => !IsUsingDirective(l)).SkipWhile(string.IsNullOrWhiteSpace).ToArray());

        Assert.Equal(compiled, documented);
    }

    [Fact]
    public void Readme_sample_computes_what_it_says()
    {
        var (quarter, commission, calendar) = ReadmeSample.Run();
        Assert.Equal("FY2027-Q3", quarter.ToString());
        Assert.Equal(Money.Of(104_938.27m, "CNY"), commission);
        Assert.Equal(4, calendar.FirstMonth);
    }

    private static bool IsUsingDirective(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^using [A-Za-z0-9_.]+;$");

    internal static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }
}
