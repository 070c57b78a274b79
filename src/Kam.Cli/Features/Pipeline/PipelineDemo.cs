using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Stages;

namespace Kam.Cli.Features.Pipeline;

/// <summary>The pipeline part of <c>kam demo</c>: summaries and a few rows of the views <c>kam pipeline</c> prints in full.</summary>
internal static class PipelineDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="views">The views of the sample's opportunities.</param>
    public static void Write(DemoContext demo, PipelineViews views)
    {
        var output = demo.Output;
        var sample = demo.Sample;
        var status = views.Progress.GroupBy(p => p.Progress.Status).ToDictionary(g => g.Key, g => g.Count());
        demo.Heading("Pipeline — the eight-stage model and deal control (kam pipeline)");
        output.WriteLine(Invariant($"{views.Progress.Count} opportunities replayed on the default playbook as of {sample.AsOf:yyyy-MM-dd}: {status.GetValueOrDefault(OpportunityStatus.Open)} open, {status.GetValueOrDefault(OpportunityStatus.Won)} won, {status.GetValueOrDefault(OpportunityStatus.Lost)} lost, {status.GetValueOrDefault(OpportunityStatus.Abandoned)} abandoned."));
        output.WriteLine();

        var names = sample.Salespeople.ToDictionary(s => s.Id, s => s.Name);
        var anomaliesOf = views.Anomalies.GroupBy(a => a.Owner).ToDictionary(g => g.Key, g => g.Count());
        var top = new ResultTable("top_salespeople", "Top 5 salespeople by weighted pipeline",
            ResultColumn.Text("owner"), ResultColumn.Text("name"), ResultColumn.Number("open"), ResultColumn.Number("value", "N0"),
            ResultColumn.Number("weighted", "N0"), ResultColumn.Number("commit", "N0"), ResultColumn.Number("anomalies"));
        foreach (var owner in views.Summary.ByOwner().OrderByDescending(o => o.Figures.Weighted.Amount).ThenBy(o => o.Owner).Take(5))
        {
            top.Add(owner.Owner.Value, names.GetValueOrDefault(owner.Owner, string.Empty), owner.Figures.Count, owner.Figures.Value.Amount,
                owner.Figures.Weighted.Amount, owner.Figures.Commit.Amount, anomaliesOf.GetValueOrDefault(owner.Owner));
        }

        var byCode = new ResultTable("anomaly_codes", Invariant($"Anomalies by code ({views.Anomalies.Count} in all)"),
            ResultColumn.Text("code"), ResultColumn.Number("count"), ResultColumn.Text("first"));
        foreach (var group in views.Anomalies.GroupBy(a => a.Kind).OrderBy(g => g.Key))
        {
            var first = group.First();
            byCode.Add(first.Code, group.Count(), first.Opportunity?.Value ?? first.Owner.Value);
        }

        var biggest = views.Progress
            .Where(p => p.Progress.Status == OpportunityStatus.Open)
            .OrderByDescending(p => p.Opportunity.State.Value.Amount)
            .ThenBy(p => p.Progress.Opportunity)
            .Take(6);
        var progress = new ResultTable("progress", "The six largest open opportunities (stage entered / completed, probability band, what is required next)",
            ResultColumn.Text("opportunity"), ResultColumn.Text("owner"), ResultColumn.Number("value", "N0"), ResultColumn.Number("stage"),
            ResultColumn.Number("completed"), ResultColumn.Text("band"), ResultColumn.Text("funnel"), ResultColumn.Number("days"),
            ResultColumn.Text("vs customer"), ResultColumn.Text("next required"));
        foreach (var (opportunity, view) in biggest)
        {
            progress.Add(view.Opportunity.Value, view.Owner.Value, opportunity.State.Value.Amount, view.Stage?.Number(), view.CompletedStage?.Number(),
                view.Band.ToString(), PipelineViews.Code(view.Funnel), view.DaysInStage, PipelineViews.Code(view.Progress.Alignment),
                string.Join(" ", view.NextRequiredItems.Select(i => i.Key)));
        }

        ResultWriter.Write(output, OutputFormat.Table, [
            views.ByStage(), views.ByFunnel(), top, views.Forecast(), byCode,
            PipelineViews.AnomalyTable(views.Anomalies.Take(10), "The first 10 anomalies (by opportunity)"), progress]);

        var conversion = views.Summary.Conversion;
        output.WriteLine();
        output.WriteLine(Invariant($"Closed: {conversion.Closed} ({conversion.Won} won). Stage-to-next conversion: {string.Join(", ", conversion.Stages.Take(StageExtensions.StageCount - 1).Select(s => Invariant($"{s.Stage.Number()}>{s.Stage.Number() + 1} {Rate(s.ConversionToNext)}")))}."));

        if (demo.Report is { } report)
        {
            foreach (var section in views.ReportSections())
            {
                report.Add(section);
            }
        }
    }

    private static string Rate(Percentage? rate) => rate?.ToString("0", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
