using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>The Mermaid state diagram of a playbook: its frame, the chain of stages, and which state is highlighted.</summary>
public sealed class PlaybookMermaidTests
{
    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void The_diagram_chains_the_eight_stages_inside_open_and_ends_in_the_three_outcomes()
    {
        var lines = Lines(Playbook.Default.ToMermaid());
        Assert.Equal(["stateDiagram-v2", "    state Open {", "        direction LR"], lines.Take(3));
        Assert.Equal(
            ["    }", "    [*] --> Open", "    Open --> Won : 签约成交", "    Open --> Lost : 丢单", "    Open --> Abandoned : 放弃（原因）", "    Won --> [*]", "    Lost --> [*]", "    Abandoned --> [*]", ""],
            lines.Skip(lines.Length - 9));
        Assert.Equal(3 + (8 * 4) + 9, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("classDef", StringComparison.Ordinal));

        // Stage k is entered from the completion of stage k − 1 (stage 1 from the start) and completed into Ck.
        Assert.StartsWith("        [*] --> S1 : ", lines[5], StringComparison.Ordinal);
        for (var k = 2; k <= 8; k++)
        {
            Assert.Contains(lines, l => l.StartsWith($"        C{k - 1} --> S{k} : ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"        S{k} --> C{k} : ", StringComparison.Ordinal));
        }

        Assert.Contains("        state \"1 完成 10%\" as C1", lines);
        Assert.Contains("        state \"8 签约成交\" as S8", lines);
        // Required items are joined with " + "; a colon in a name would end Mermaid's label, so it is written full-width.
        Assert.Contains(lines, l => l.StartsWith("        [*] --> S1 : ", StringComparison.Ordinal) && l.Contains(" + ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(3).Take(32), l => l[(l.IndexOf(" : ", StringComparison.Ordinal) + 3)..].Contains(':', StringComparison.Ordinal) && l.Contains("-->", StringComparison.Ordinal));
    }

    [Fact]
    public void The_current_state_of_an_opportunity_is_highlighted()
    {
        static string Highlight(OpportunityState state) =>
            Assert.Single(Lines(Playbook.Default.ToMermaid(state)), l => l.StartsWith("    class ", StringComparison.Ordinal));

        Assert.Equal("    class Open current", Highlight(new StageScenario("new").State));
        Assert.Equal("    class S3 current", Highlight(new StageScenario("s3").InStage(3).State));
        Assert.Equal("    class C3 current", Highlight(new StageScenario("c3").InStage(3).Complete(SalesStage.PreliminaryProposal).State));
        Assert.Equal("    class Won current", Highlight(new StageScenario("w").InStage(2).Add(at => new OpportunityWon(at, StageScenario.Alice)).State));
        Assert.Equal("    class Lost current", Highlight(new StageScenario("l").InStage(2).Add(at => new OpportunityLost(at, StageScenario.Alice)).State));
        Assert.Equal("    class Abandoned current", Highlight(new StageScenario("a").Add(at => new OpportunityAbandoned(at, StageScenario.Alice, "budget")).State));
        Assert.Contains("    classDef current fill:#f9d71c,stroke:#333", Lines(Playbook.Default.ToMermaid(new StageScenario("new").State)));
        Assert.DoesNotContain(Lines(Playbook.Default.ToMermaid(OpportunityState.Initial(Playbook.Default))), l => l.StartsWith("    class", StringComparison.Ordinal));
    }
}
