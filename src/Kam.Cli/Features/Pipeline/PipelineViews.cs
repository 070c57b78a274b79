using System.Globalization;
using System.Text;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.DealControl;

namespace Kam.Cli.Features.Pipeline;

/// <summary>
/// The deal-control views of replayed opportunities as result tables and report sections: each opportunity's
/// progress, the open pipeline by stage, funnel state and salesperson, the anomalies, the forecast by period and the
/// conversion of the closed ones.
/// </summary>
internal sealed class PipelineViews
{
    private const string Amount = "N0";
    private const string Percent = "0.##'%'";

    private PipelineViews(DealControlSummary summary, IReadOnlyList<(ReplayedOpportunity Opportunity, OpportunityProgress Progress)> progress)
    {
        Summary = summary;
        Progress = progress;
        Anomalies = summary.Anomalies
            .OrderBy(a => a.Opportunity is null)
            .ThenBy(a => a.Opportunity?.Value, StringComparer.Ordinal)
            .ThenBy(a => a.Owner)
            .ThenBy(a => a.Kind)
            .ToArray();
    }

    /// <summary>Gets the summary the views show.</summary>
    public DealControlSummary Summary { get; }

    /// <summary>Gets every opportunity with its progress view, in input order.</summary>
    public IReadOnlyList<(ReplayedOpportunity Opportunity, OpportunityProgress Progress)> Progress { get; }

    /// <summary>Gets the anomalies: the opportunities' in identifier order, then the salespeople's.</summary>
    public IReadOnlyList<PipelineAnomaly> Anomalies { get; }

    private string Currency => Summary.Currency.ToString();

    /// <summary>Computes the views.</summary>
    /// <param name="analyzer">The analyzer (playbook, policies, calendar, currency).</param>
    /// <param name="opportunities">The replayed opportunities.</param>
    /// <param name="asOf">The moment of the view.</param>
    /// <returns>The views.</returns>
    public static PipelineViews Build(IPipelineAnalyzer analyzer, IReadOnlyList<ReplayedOpportunity> opportunities, Instant asOf)
    {
        var summary = analyzer.Summarize(opportunities.Select(o => o.State), asOf);
        return new PipelineViews(summary, opportunities.Select(o => (o, analyzer.Progress(o.State, asOf))).ToArray());
    }

    /// <summary>Gets a stable lower-case code of an enum value (<c>InFunnel</c> → <c>in_funnel</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The code.</returns>
    public static string Code(Enum value)
    {
        var name = value.ToString();
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(name[i]));
        }

        return code.ToString();
    }

    /// <summary>Gets every table of <c>kam pipeline</c>, in output order.</summary>
    /// <param name="by">Whether the per-subject table is per salesperson (<c>by_salesperson</c>) or per account (<c>by_account</c>).</param>
    /// <returns>The tables.</returns>
    public IReadOnlyList<ResultTable> Tables(PipelineBy by = PipelineBy.Owner) =>
        [Opportunities(Progress), ByStage(), ByFunnel(), by == PipelineBy.Account ? ByAccount() : BySalesperson(), AnomalyTable(Anomalies), Forecast(), Conversion()];

    /// <summary>Gets the progress table of some opportunities.</summary>
    /// <param name="rows">The opportunities.</param>
    /// <param name="title">The table's title, or <see langword="null"/> for the standard one.</param>
    /// <returns>The table.</returns>
    public static ResultTable Opportunities(IEnumerable<(ReplayedOpportunity Opportunity, OpportunityProgress Progress)> rows, string? title = null)
    {
        var table = new ResultTable("opportunities", title ?? "Opportunities (stage entered, stage completed, probability earned and band, what is required next)",
            ResultColumn.Text("opportunity"), ResultColumn.Text("account"), ResultColumn.Text("owner"), ResultColumn.Text("status"),
            ResultColumn.Number("value", Amount), ResultColumn.Text("expected_close"),
            ResultColumn.Number("stage"), ResultColumn.Number("completed_stage"), ResultColumn.Number("probability_pct", Percent), ResultColumn.Text("band"),
            ResultColumn.Text("funnel"), ResultColumn.Number("days_in_stage"), ResultColumn.Number("procurement_stage"), ResultColumn.Text("alignment"),
            ResultColumn.Text("next_required"));
        foreach (var (opportunity, view) in rows)
        {
            var record = opportunity.Record;
            table.Add(
                view.Opportunity.Value,
                record.Account.Value,
                view.Owner.Value,
                Code(view.Status),
                opportunity.State.Value.Amount,
                opportunity.State.ExpectedClose.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                view.Stage?.Number(),
                view.CompletedStage?.Number(),
                Plain(view.Probability.Percent),
                view.Band.ToString(),
                Code(view.Funnel),
                view.DaysInStage,
                view.Progress.ProcurementStage?.Number(),
                Code(view.Progress.Alignment),
                view.Status == OpportunityStatus.Open ? string.Join(" ", view.NextRequiredItems.Select(i => i.Key)) : string.Empty);
        }

        return table;
    }

    /// <summary>Gets the open pipeline by entered stage (a row for projects before stage 1, then stages 1 to 8).</summary>
    /// <returns>The table.</returns>
    public ResultTable ByStage()
    {
        var table = new ResultTable("by_stage", $"Open pipeline by stage ({Currency}; weighted = value x probability earned)",
            [ResultColumn.Number("stage"), ResultColumn.Text("name"), ResultColumn.Text("funnel"), .. FigureColumns()]);
        foreach (var row in Summary.ByStage())
        {
            table.Add([row.Stage?.Number(), row.Stage?.EnglishName() ?? "(before stage 1)", Code(row.Stage?.Funnel() ?? FunnelState.Search), .. Figures(row.Figures)]);
        }

        return table;
    }

    /// <summary>Gets the open pipeline by funnel state.</summary>
    /// <returns>The table.</returns>
    public ResultTable ByFunnel()
    {
        var table = new ResultTable("by_funnel", $"Open pipeline by funnel state ({Currency}; search = stages 1-2, in funnel = 3-5, best = 6-8)",
            [ResultColumn.Text("funnel"), .. FigureColumns()]);
        foreach (var row in Summary.ByFunnel())
        {
            table.Add([Code(row.Funnel), .. Figures(row.Figures)]);
        }

        return table;
    }

    /// <summary>Gets the open opportunities of each salesperson by stage.</summary>
    /// <returns>The table.</returns>
    public ResultTable BySalesperson()
    {
        var stages = Enumerable.Range(0, StageExtensions.StageCount + 1).Select(k => ResultColumn.Number(k == 0 ? "before_s1" : "s" + k.ToString(CultureInfo.InvariantCulture)));
        var table = new ResultTable("by_salesperson", $"Open opportunities per salesperson by stage ({Currency})",
            [ResultColumn.Text("owner"), .. stages, ResultColumn.Number("open"), ResultColumn.Number("value", Amount), ResultColumn.Number("weighted", Amount)]);
        foreach (var owner in Summary.ByOwner())
        {
            var counts = Summary.ByStage(owner.Owner).Select(s => (object?)s.Figures.Count);
            table.Add([owner.Owner.Value, .. counts, owner.Figures.Count, Plain(owner.Figures.Value.Amount), Plain(owner.Figures.Weighted.Amount)]);
        }

        return table;
    }

    /// <summary>Gets the open opportunities of each account by stage, in account identifier order.</summary>
    /// <returns>The table.</returns>
    public ResultTable ByAccount()
    {
        var stages = Enumerable.Range(0, StageExtensions.StageCount + 1).Select(k => ResultColumn.Number(k == 0 ? "before_s1" : "s" + k.ToString(CultureInfo.InvariantCulture)));
        var table = new ResultTable("by_account", $"Open opportunities per account by stage ({Currency})",
            [ResultColumn.Text("account"), .. stages, ResultColumn.Number("open"), ResultColumn.Number("value", Amount), ResultColumn.Number("weighted", Amount)]);
        foreach (var account in Summary.ByAccount())
        {
            var counts = Summary.ByStageOf(account.Account).Select(s => (object?)s.Figures.Count);
            table.Add([account.Account.Value, .. counts, account.Figures.Count, Plain(account.Figures.Value.Amount), Plain(account.Figures.Weighted.Amount)]);
        }

        return table;
    }

    /// <summary>Gets a table of anomalies.</summary>
    /// <param name="anomalies">The anomalies.</param>
    /// <param name="title">The title, or <see langword="null"/> for the standard one.</param>
    /// <returns>The table.</returns>
    public static ResultTable AnomalyTable(IEnumerable<PipelineAnomaly> anomalies, string? title = null)
    {
        var table = new ResultTable("anomalies", title ?? "Anomalies (open opportunities and salespeople's pipelines that need attention)",
            ResultColumn.Text("code"), ResultColumn.Text("opportunity"), ResultColumn.Text("owner"), ResultColumn.Number("measure"), ResultColumn.Text("why"));
        foreach (var anomaly in anomalies)
        {
            table.Add(anomaly.Code, anomaly.Opportunity?.Value, anomaly.Owner.Value, anomaly.Measure, anomaly.Reason);
        }

        return table;
    }

    /// <summary>Gets the forecast by period of expected close.</summary>
    /// <returns>The table.</returns>
    public ResultTable Forecast()
    {
        var table = new ResultTable("forecast", $"Forecast by period of expected close ({Currency}; commit: earned >= 75%; best case: band reaches >= 50%)",
            [ResultColumn.Text("period"), .. FigureColumns()]);
        foreach (var row in Summary.Forecast())
        {
            table.Add([row.Period.ToString(), .. Figures(row.Figures)]);
        }

        return table;
    }

    /// <summary>Gets the conversion statistics of the closed opportunities.</summary>
    /// <returns>The table.</returns>
    public ResultTable Conversion()
    {
        var conversion = Summary.Conversion;
        var table = new ResultTable("conversion", $"Conversion of the {conversion.Closed} closed opportunities ({conversion.Won} won)",
            ResultColumn.Number("stage"), ResultColumn.Text("name"), ResultColumn.Number("entered"), ResultColumn.Number("advanced"),
            ResultColumn.Number("conversion_pct", Percent), ResultColumn.Number("completed"), ResultColumn.Number("won_after_completed"),
            ResultColumn.Number("win_rate_pct", Percent), ResultColumn.Number("mean_days_in_stage", "0.0"));
        foreach (var stage in conversion.Stages)
        {
            table.Add(stage.Stage.Number(), stage.Stage.EnglishName(), stage.Entered, stage.Advanced, Plain(stage.ConversionToNext?.Percent),
                stage.Completed, stage.WonAfterCompleted, Plain(stage.WinRateAfterCompletion?.Percent), stage.MeanDaysInStage is { } days ? Math.Round(days, 1) : null);
        }

        return table;
    }

    /// <summary>Gets the report sections: the funnel by stage and by salesperson (or account), the forecast, the anomalies.</summary>
    /// <param name="by">Whether the stacked bars are per salesperson or per account (the largest accounts, the rest in one bar).</param>
    /// <returns>The sections.</returns>
    public IReadOnlyList<ReportSection> ReportSections(PipelineBy by = PipelineBy.Owner)
    {
        var byStage = Summary.ByStage();
        var funnel = new FunnelChartData(
            "Open opportunities by stage",
            byStage.Select(r => r.Stage is { } s ? $"{s.Number()} {s.EnglishName()}" : "before stage 1").ToArray(),
            byStage.Select(r => (double)r.Figures.Count).ToArray());
        var (subject, names, perSubject) = by == PipelineBy.Account
            ? ("account", Summary.Accounts.Select(a => a.Value).ToArray(), Summary.Accounts.Select(a => Summary.ByStageOf(a)).ToArray())
            : ("salesperson", Summary.Owners.Select(o => o.Value).ToArray(), Summary.Owners.Select(o => Summary.ByStage(o)).ToArray());
        var series = Enumerable.Range(0, StageExtensions.StageCount + 1)
            .Where(k => perSubject.Any(rows => rows[k].Figures.Count > 0))
            .Select(k => new ChartSeries(k == 0 ? "before stage 1" : "stage " + k.ToString(CultureInfo.InvariantCulture), perSubject.Select(rows => (double)rows[k].Figures.Count).ToArray()))
            .ToArray();
        var bySalesperson = new BarChartData($"Open opportunities per {subject} by stage", names, series, "opportunities");
        var forecast = Summary.Forecast();
        var byPeriod = new BarChartData(
            "Forecast by period of expected close",
            forecast.Select(f => f.Period.ToString()).ToArray(),
            [
                new ChartSeries("weighted", forecast.Select(f => (double)f.Figures.Weighted.Amount).ToArray()),
                new ChartSeries("commit", forecast.Select(f => (double)f.Figures.Commit.Amount).ToArray()),
                new ChartSeries("best case", forecast.Select(f => (double)f.Figures.BestCase.Amount).ToArray()),
            ],
            Currency);
        return
        [
            KamReportSections.PipelineFunnel(funnel, series.Length == 0 ? null : bySalesperson, subject),
            KamReportSections.Forecast(byPeriod, Forecast()),
            KamReportSections.Anomalies(AnomalyTable(Anomalies)),
        ];
    }

    // 10.00 → 10: percentages and amounts without the trailing zeros of decimal arithmetic.
    private static decimal? Plain(decimal? value) => value / 1.0000000000000000000000000000m;

    private static ResultColumn[] FigureColumns() =>
    [
        ResultColumn.Number("open"), ResultColumn.Number("value", Amount), ResultColumn.Number("weighted", Amount),
        ResultColumn.Number("commit", Amount), ResultColumn.Number("best_case", Amount),
    ];

    private static object?[] Figures(PipelineFigures figures) =>
        [figures.Count, Plain(figures.Value.Amount), Plain(figures.Weighted.Amount), Plain(figures.Commit.Amount), Plain(figures.BestCase.Amount)];
}
