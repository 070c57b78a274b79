using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Portfolio;
using Kam.Core.Stages;

namespace Kam.Cli.Features.WinLoss;

/// <summary>The tables and report sections of <c>kam winloss</c>: the totals, each breakdown, and the trend by period.</summary>
internal static class WinLossViews
{
    /// <summary>What the trend chart means (the report's text under it).</summary>
    public const string TrendText = "Each pair of bars is one period: the share of the opportunities closed in it that were won, and the share of their value. A value rate below the count rate means the large deals are lost more often than the small ones; a falling pair over several periods is the signal to look at the reasons below.";

    /// <summary>What the chart of value by reason means (the report's text under it).</summary>
    public const string ReasonText = "The value of the opportunities lost and abandoned, by the reason recorded when they closed, largest first: the reasons at the left cost the most, and are the first to act on (price, solution fit, relationships at the decision level). \"(no code)\" is what closed without a reason code: a long bar there means the reasons are not being recorded.";

    /// <summary>What the chart of value by competitor means (the report's text under it).</summary>
    public const string CompetitorText = "The value of the opportunities lost, by the competitor who won them, largest first: who takes our business, and how much. \"(none named)\" are the losses without a named winner — the customer bought nothing, or the competitor was not recorded.";

    private const string Amount = "N0";
    private const string Percent = "0.#'%'";
    private const string Days = "0.#";
    private const string NoCode = "(no code)";
    private const string NoneNamed = "(none named)";
    private const string NotRecorded = "(not recorded)";

    /// <summary>Gets every table, in output order (by industry only when the accounts were given).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> Tables(WinLossResult result) =>
    [
        Summary(result), ByReason(result), ByCause(result), ByCompetitor(result), ByStage(result), ByOwner(result), BySizeBand(result),
        .. result.HasIndustry ? [ByIndustry(result)] : Array.Empty<ResultTable>(),
        ByPeriod(result),
    ];

    /// <summary>Gets the totals.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Summary(WinLossResult result)
    {
        var table = new ResultTable("winloss", string.Create(CultureInfo.InvariantCulture, $"Closed opportunities by {result.AsOf:yyyy-MM-dd} ({result.Currency}; win rate = won / closed, an abandon counts as not won; cycle = days from opening to closing)"),
            FigureColumns());
        table.Add(Figures(result.Summary.Total));
        return table;
    }

    /// <summary>Gets the breakdown by close reason, in the reason list's order.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByReason(WinLossResult result)
    {
        var reasons = result.Summary.Options.Reasons;
        var table = new ResultTable("by_reason", "By close reason (the code recorded when the opportunity closed)",
            [ResultColumn.Text("reason_code"), ResultColumn.Text("outcome"), ResultColumn.Text("cause"), ResultColumn.Text("label"), .. FigureColumns()]);
        foreach (var row in result.Summary.ByReason)
        {
            var reason = row.Key is null ? null : reasons.Find(row.Key);
            table.Add([row.Key ?? NoCode, reason?.Outcome.ToString().ToLowerInvariant(), reason?.CauseGroup, reason?.Label, .. Figures(row.Figures)]);
        }

        return table;
    }

    /// <summary>Gets the breakdown by cause group.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByCause(WinLossResult result) =>
        Keyed("by_cause", "By cause group (related reasons together)", "cause", result.Summary.ByCause, k => k ?? NoCode);

    /// <summary>Gets the breakdown by the competitor who won.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByCompetitor(WinLossResult result) =>
        Keyed("by_competitor", $"By the competitor who won the business; {NoneNamed}: the won, the abandoned and the losses without a named winner", "competitor", result.Summary.ByCompetitor, k => k ?? NoneNamed);

    /// <summary>Gets the breakdown by the stage reached.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByStage(WinLossResult result)
    {
        var table = new ResultTable("by_stage", "By the highest stage reached when the opportunity closed (0: before stage 1)",
            [ResultColumn.Number("stage"), ResultColumn.Text("name"), .. FigureColumns()]);
        foreach (var row in result.Summary.ByStage)
        {
            table.Add([row.Key is { } s ? s.Number() : 0, row.Key is { } n ? n.EnglishName() : "before stage 1", .. Figures(row.Figures)]);
        }

        return table;
    }

    /// <summary>Gets the breakdown by owner.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByOwner(WinLossResult result) =>
        Keyed("by_owner", "By the salesperson who owned the opportunity", "owner", result.Summary.ByOwner, k => k.Value);

    /// <summary>Gets the breakdown by size band, every band included.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable BySizeBand(WinLossResult result)
    {
        var table = new ResultTable("by_size_band", $"By size band of the opportunity's value ({result.Currency}; from inclusive, to exclusive)",
            [ResultColumn.Text("band"), ResultColumn.Number("from", Amount), ResultColumn.Number("to", Amount), .. FigureColumns()]);
        foreach (var row in result.Summary.BySizeBand)
        {
            table.Add([row.Key.Name, Plain(row.Key.From), Plain(row.Key.To), .. Figures(row.Figures)]);
        }

        return table;
    }

    /// <summary>Gets the breakdown by the account's industry.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByIndustry(WinLossResult result) =>
        Keyed("by_industry", "By the account's industry (accounts.csv)", "industry", result.Summary.ByIndustry, k => k ?? NotRecorded);

    /// <summary>Gets the trend: every period from the first to the last with closings, with the change from the one before.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable ByPeriod(WinLossResult result)
    {
        var table = new ResultTable("by_period", $"Trend by period of closing, with the change from the period before ({result.Currency}; change in percentage points)",
            [ResultColumn.Text("period"), .. FigureColumns(), ResultColumn.Number("closed_change"), ResultColumn.Number("win_rate_change_pts", "+0.#;-0.#;0"), ResultColumn.Number("won_value_change", Amount)]);
        foreach (var row in result.Summary.ByPeriod)
        {
            table.Add([row.Period.ToString(), .. Figures(row.Figures), row.ClosedChange, row.WinRateChange is { } c ? Plain(Math.Round(c * 100m, 2)) : null, Plain(row.WonValueChange.Amount)]);
        }

        return table;
    }

    /// <summary>Gets the trend chart: the win rate by count and by value per period.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The chart.</returns>
    public static Chart TrendChart(WinLossResult result)
    {
        var periods = result.Summary.ByPeriod;
        return BarChart.Render(new BarChartData(
            "Win rate by period of closing: by count and by value",
            periods.Select(p => p.Period.ToString()).ToArray(),
            [
                new ChartSeries("won / closed", periods.Select(p => Rate(p.Figures.WinRate)).ToArray()),
                new ChartSeries("won value / closed value", periods.Select(p => Rate(p.Figures.WinRateByValue)).ToArray()),
            ],
            "win rate %"));
    }

    /// <summary>Gets the chart of the value lost and abandoned by close reason, largest first.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The chart.</returns>
    public static Chart ReasonChart(WinLossResult result)
    {
        var rows = result.Summary.ByReason.Where(r => r.Figures.Lost + r.Figures.Abandoned > 0)
            .OrderByDescending(r => r.Figures.LostValue.Amount + r.Figures.AbandonedValue.Amount).ToArray();
        return BarChart.Render(new BarChartData(
            "Value lost and abandoned by close reason",
            rows.Select(r => r.Key ?? NoCode).ToArray(),
            [
                new ChartSeries("lost", rows.Select(r => (double)r.Figures.LostValue.Amount).ToArray()),
                new ChartSeries("abandoned", rows.Select(r => (double)r.Figures.AbandonedValue.Amount).ToArray()),
            ],
            result.Currency.ToString(),
            Stacked: true));
    }

    /// <summary>Gets the chart of the value lost by winning competitor, largest first.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The chart.</returns>
    public static Chart CompetitorChart(WinLossResult result)
    {
        var rows = result.Summary.ByCompetitor.Where(r => r.Figures.Lost > 0).OrderByDescending(r => r.Figures.LostValue.Amount).ToArray();
        return BarChart.Render(new BarChartData(
            "Value lost by the competitor who won",
            rows.Select(r => r.Key ?? NoneNamed).ToArray(),
            [new ChartSeries("lost value", rows.Select(r => (double)r.Figures.LostValue.Amount).ToArray())],
            result.Currency.ToString()));
    }

    /// <summary>Gets the report sections: the trend with its chart, the reasons with theirs, the competitors and the other breakdowns.</summary>
    /// <param name="result">The result.</param>
    /// <param name="tables">The tables (of <see cref="Tables"/>), by name.</param>
    /// <returns>The sections.</returns>
    public static IReadOnlyList<ReportSection> ReportSections(WinLossResult result, IReadOnlyList<ResultTable> tables)
    {
        ResultTable Table(string name) => tables.First(t => t.Name == name);
        var total = result.Summary.Total;
        var trend = new ReportSection("winloss-trend", "Win rate over time", string.Create(CultureInfo.InvariantCulture,
                $"{total.Closed} opportunities closed by {result.AsOf:yyyy-MM-dd}: {total.Won} won, {total.Lost} lost, {total.Abandoned} abandoned; win rate {Text(total.WinRate)} by count, {Text(total.WinRateByValue)} by value."))
            .Add(TrendChart(result)).AddParagraph(TrendText).Add(Table("winloss")).Add(Table("by_period"));
        var reasons = new ReportSection("winloss-reasons", "Why we win and lose", "Each closing carries a code of the close-reason list; the cause groups total related reasons.")
            .Add(ReasonChart(result)).AddParagraph(ReasonText).Add(Table("by_reason")).Add(Table("by_cause"));
        var competitors = new ReportSection("winloss-competitors", "Who wins when we lose", "The competitor recorded on each lost opportunity.")
            .Add(CompetitorChart(result)).AddParagraph(CompetitorText).Add(Table("by_competitor"));
        var breakdowns = new ReportSection("winloss-breakdowns", "Where we win and lose", "The same figures by the stage the opportunities reached, their owner, their size and, with the accounts, their industry.")
            .Add(Table("by_stage")).Add(Table("by_owner")).Add(Table("by_size_band"));
        if (result.HasIndustry)
        {
            breakdowns.Add(Table("by_industry"));
        }

        return [trend, reasons, competitors, breakdowns];
    }

    private static ResultTable Keyed<TKey>(string name, string title, string keyColumn, IReadOnlyList<WinLossRow<TKey>> rows, Func<TKey, string> key)
    {
        var table = new ResultTable(name, title, [ResultColumn.Text(keyColumn), .. FigureColumns()]);
        foreach (var row in rows)
        {
            table.Add([key(row.Key), .. Figures(row.Figures)]);
        }

        return table;
    }

    private static ResultColumn[] FigureColumns() =>
    [
        ResultColumn.Number("closed"), ResultColumn.Number("won"), ResultColumn.Number("lost"), ResultColumn.Number("abandoned"),
        ResultColumn.Number("win_rate_pct", Percent), ResultColumn.Number("value_win_rate_pct", Percent),
        ResultColumn.Number("closed_value", Amount), ResultColumn.Number("won_value", Amount), ResultColumn.Number("lost_value", Amount),
        ResultColumn.Number("median_cycle_days", Days), ResultColumn.Number("mean_cycle_days", Days),
    ];

    private static object?[] Figures(WinLossFigures f) =>
    [
        f.Closed, f.Won, f.Lost, f.Abandoned, Pct(f.WinRate), Pct(f.WinRateByValue),
        Plain(f.ClosedValue.Amount), Plain(f.WonValue.Amount), Plain(f.LostValue.Amount),
        f.MedianCycleDays is { } m ? Math.Round(m, 1) : null, f.MeanCycleDays is { } a ? Math.Round(a, 1) : null,
    ];

    private static decimal? Pct(Kam.Core.Ratio? rate) => rate is { } r ? Plain(Math.Round(r.Percent, 2)) : null;

    private static double Rate(Kam.Core.Ratio? rate) => rate is { } r ? (double)Math.Round(r.Percent, 2) : 0d;

    private static string Text(Kam.Core.Ratio? rate) => rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.Percent:0.#}%") : "n/a";

    // 10.00 → 10: amounts without the trailing zeros of decimal arithmetic.
    private static decimal? Plain(decimal? value) => value / 1.0000000000000000000000000000m;
}
