using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

public sealed class StagesDocsTests
{
    private static string[] Page => RepositoryFiles.Read("docs/stages.md").Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void The_worked_example_computes_what_the_page_says()
    {
        var (afterDemo, designing, screened) = StagesDocSample.Run();
        Assert.Equal((SalesStage.SolutionDemonstration, SalesStage.SolutionDemonstration), (afterDemo.Stage!.Value, afterDemo.CompletedStage!.Value));
        Assert.Equal("30%", afterDemo.Band.ToString());
        Assert.Equal(SalesStage.FormalSolutionDesign, designing.Stage);
        Assert.Equal("30%–50%", designing.Band.ToString());
        Assert.Equal(Percentage.FromPercent(50), screened.Probability);
    }

    [Fact]
    public void The_page_shows_the_compiled_worked_example()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests/Kam.Core.Tests/Stages/StagesDocSample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// <docs>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </docs>");
        Assert.Equal(Dedent(source[(start + 1)..end]), Dedent(Block(Page, "## Worked example", "```csharp")));
    }

    [Fact]
    public void The_page_shows_the_diagram_the_playbook_draws()
    {
        var documented = string.Join("\n", Block(Page, "## State diagram", "```mermaid"));
        Assert.Equal(Playbook.Default.ToMermaid().TrimEnd().ReplaceLineEndings("\n"), documented);
    }

    [Fact]
    public void The_page_lists_the_default_playbook_item_by_item()
    {
        // Every row of the page's item table, in order, against the default playbook: the stage number, the kind, the
        // key, both names and whether the item is required. A changed key or text on either side fails here. The table is
        // built afresh (not the cached Playbook.Default), so that a mutation tester reusing its test host sees a change.
        var documented = Page
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("| `s", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => string.Join(" | ", c[1], c[2], c[3].Trim('`'), c[4], c[5], c[6]))
            .ToArray();
        var expected = Playbook.BuildDefault().Items
            .Select(i => string.Join(
                " | ",
                ((int)i.Stage).ToString(System.Globalization.CultureInfo.InvariantCulture),
                i.Kind == StageItemKind.Milestone ? "milestone" : "success",
                i.Key,
                i.ChineseName,
                i.EnglishName,
                i.Required ? "yes" : "no"))
            .ToArray();
        Assert.Equal(expected, documented);
    }

    [Fact]
    public void The_default_playbook_is_the_freshly_built_table()
    {
        static (string, SalesStage, StageItemKind, string, string, bool) Parts(PlaybookItem i) => (i.Key, i.Stage, i.Kind, i.ChineseName, i.EnglishName, i.Required);
        var fresh = Playbook.BuildDefault();
        Assert.NotSame(Playbook.Default, fresh);
        Assert.Equal(Playbook.Default.Items.Select(Parts), fresh.Items.Select(Parts));
        Assert.Equal(Playbook.Default.Probabilities, fresh.Probabilities);
    }

    private static string[] Block(string[] page, string heading, string fence)
    {
        var at = Array.FindIndex(page, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, $"docs/stages.md has no '{heading}' section.");
        var open = Array.FindIndex(page, at, l => l.StartsWith(fence, StringComparison.Ordinal));
        var close = Array.FindIndex(page, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return page[(open + 1)..close];
    }

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }
}
