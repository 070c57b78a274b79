using System.Globalization;
using System.Text;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Playbooks;

public sealed partial class Playbook
{
    /// <summary>
    /// Draws the stage machine as a Mermaid state diagram: for each stage an "entered" state reached through its
    /// required milestones and a "completed" state (with its win probability) reached through its required success
    /// criteria, inside an <c>Open</c> state that ends as won, lost or abandoned.
    /// </summary>
    /// <param name="current">An opportunity whose position should be highlighted, or null.</param>
    /// <returns>The Mermaid source (<c>stateDiagram-v2</c>).</returns>
    /// <remarks>
    /// The diagram is generated from the playbook itself, so it always shows the rules the engine applies (the
    /// Stateless lesson in STYLE.md). Item names are the Chinese display names; optional items are not drawn.
    /// </remarks>
    public string ToMermaid(OpportunityState? current = null)
    {
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        text.AppendLine("    state Open {");
        text.AppendLine("        direction LR");
        var previous = "[*]";
        foreach (var stage in StageExtensions.AllSalesStages)
        {
            var k = stage.Number();
            Line(text, $"        state \"{k} {stage.ChineseName()}\" as S{k}");
            Line(text, $"        state \"{k} 完成 {Probabilities[stage]}\" as C{k}");
            Line(text, $"        {previous} --> S{k} : {Names(stage, StageItemKind.Milestone)}");
            Line(text, $"        S{k} --> C{k} : {Names(stage, StageItemKind.SuccessCriterion)}");
            previous = "C" + k.ToString(CultureInfo.InvariantCulture);
        }

        text.AppendLine("    }");
        text.AppendLine("    [*] --> Open");
        text.AppendLine("    Open --> Won : 签约成交");
        text.AppendLine("    Open --> Lost : 丢单");
        text.AppendLine("    Open --> Abandoned : 放弃（原因）");
        text.AppendLine("    Won --> [*]");
        text.AppendLine("    Lost --> [*]");
        text.AppendLine("    Abandoned --> [*]");
        if (current is { IsOpened: true } state)
        {
            text.AppendLine("    classDef current fill:#f9d71c,stroke:#333");
            var highlight = state.Status switch
            {
                OpportunityStatus.Won => "Won",
                OpportunityStatus.Lost => "Lost",
                OpportunityStatus.Abandoned => "Abandoned",
                _ when state.Stage is { } s && s != state.CompletedStage => "S" + s.Number().ToString(CultureInfo.InvariantCulture),
                _ when state.CompletedStage is { } c => "C" + c.Number().ToString(CultureInfo.InvariantCulture),
                _ => "Open",
            };
            Line(text, $"    class {highlight} current");
        }

        return text.ToString();
    }

    private string Names(SalesStage stage, StageItemKind kind) =>
        string.Join(" + ", ItemsOf(stage, kind).Where(i => i.Required).Select(i => i.ChineseName.Replace(':', '：').Replace(';', '；')));

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
