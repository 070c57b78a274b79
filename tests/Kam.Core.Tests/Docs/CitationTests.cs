using System.Text.RegularExpressions;

namespace Kam.Core.Tests.Docs;

/// <summary>
/// Issue 15 point 7: code, rule files and docs cite the rule book (<c>docs/rules/</c>) and the books by title
/// (<c>docs/bibliography.md</c>), never the specification file, the source-text files and their line numbers, the
/// source texts as "the seed", or the <c>../shared</c> development folder. Scans every <c>.cs</c> and <c>.json</c>
/// file under <c>src/</c>, every file under <c>docs/</c>, and README.md.
/// </summary>
public sealed partial class CitationTests
{
    [Fact]
    public void No_file_cites_the_specification_the_source_texts_or_the_shared_folder()
    {
        var found = Citations().Select(c => c.ToString()).ToList();
        Assert.True(found.Count == 0, $"{found.Count} forbidden citation(s); cite the rule book instead:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("see SPEC.md for the rules")]
    [InlineData("the cut (SPEC §2)")]
    [InlineData("the band (000…txt:2627)")]
    [InlineData("the band (001...txt:217)")]
    [InlineData("as the seed says")]
    [InlineData("The seed's example")]
    [InlineData("data in ../shared/data")]
    public void The_pattern_finds_each_kind_of_citation(string line) => Assert.Matches(Forbidden(), line);

    [Theory]
    [InlineData("The random seed kam demo uses.")]
    [InlineData("new Random(seed)")]
    [InlineData("(rule book: Pareto tiering)")]
    [InlineData("the seeds of the fuzzing corpus")]
    [InlineData("The seed corpus of each target")]
    public void The_pattern_leaves_ordinary_text_alone(string line) => Assert.DoesNotMatch(Forbidden(), line);

    private static IEnumerable<Citation> Citations()
    {
        var root = RepositoryFiles.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(Path.Combine(root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (Forbidden().IsMatch(lines[i]))
                {
                    yield return new Citation(file, i + 1, lines[i].Trim());
                }
            }
        }
    }

    /// <summary><c>SPEC.md</c>, <c>SPEC §n</c>, a source-text line (<c>000…txt:391</c>, <c>txt:12</c>), "the seed" (any case; not "the seeds" nor a fuzzer's "the seed corpus"), <c>../shared</c>.</summary>
    [GeneratedRegex(@"SPEC\.md|SPEC\s*§|(…|\.\.\.|\d)txt\b|\btxt:\d|\bthe seed\b(?!\s+corpus)|\.\./shared", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forbidden();

    private sealed record Citation(string File, int Line, string Text)
    {
        public override string ToString() => $"{File}:{Line}: {Text}";
    }
}
