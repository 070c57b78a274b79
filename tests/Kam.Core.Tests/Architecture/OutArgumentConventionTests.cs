using System.Text.RegularExpressions;

namespace Kam.Core.Tests.Architecture;

/// <summary>
/// No call in the library or the tool passes the value it is called on as its own out argument
/// (<c>state.TryApply(e, out state, out var error)</c>), and neither does a test (the tests run against the
/// instrumented library too). C# allows it for a struct, and the method then writes the
/// receiver through the out parameter; it works only while the method reads everything before it writes. Code
/// instrumented for mutation testing assigns every out parameter first, so such a call clears the receiver: in
/// December 2026 this made 109 Stages tests fail against the instrumented library with no mutant active, and the
/// mutation score recorded no coverage past every opportunity's first event. The next value goes to its own variable.
/// </summary>
public sealed partial class OutArgumentConventionTests
{
    [Fact]
    public void No_call_passes_its_receiver_as_its_own_out_argument()
    {
        var found = SourceFiles()
            .SelectMany(file => File.ReadAllLines(Path.Combine(RepositoryFiles.Root, file))
                .Select((line, i) => (File: file, Line: i + 1, Text: line)))
            .Where(l => ReceiverAsOut().Match(l.Text) is { Success: true })
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, $"{found.Count} call(s) pass the receiver as an out argument:\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_pattern_finds_the_call_it_forbids_and_passes_the_call_it_asks_for()
    {
        Assert.Matches(ReceiverAsOut(), "if (!state.TryApply(copy[i], out state, out var error))");
        Assert.Matches(ReceiverAsOut(), "ok = x.Next(out x);");
        Assert.DoesNotMatch(ReceiverAsOut(), "if (!state.TryApply(copy[i], out var next, out var error))");
        Assert.DoesNotMatch(ReceiverAsOut(), "if (!states.TryGetValue(key, out state))");
        Assert.True(SourceFiles().Count() > 200, "the walk found too few source files");
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, root), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => !path.EndsWith("/" + nameof(OutArgumentConventionTests) + ".cs", StringComparison.Ordinal));

    // A receiver (identifier) then a call on it whose arguments, before the closing parenthesis, contain "out" and the
    // same identifier as a whole word.
    [GeneratedRegex(@"\b(?<receiver>[A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*\((?:[^()]|\([^()]*\))*?\bout\s+\k<receiver>\b(?!\.)")]
    private static partial Regex ReceiverAsOut();
}
