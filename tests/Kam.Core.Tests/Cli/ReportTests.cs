using System.Text.RegularExpressions;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;

namespace Kam.Core.Tests.Cli;

public sealed partial class ReportTests
{
    private static int Count(string svg, string pattern) => Regex.Count(svg, pattern);

    [Fact]
    public void A_bar_chart_draws_one_bar_per_category_and_series_with_a_legend_for_several_series()
    {
        var single = BarChart.Render(new BarChartData("Forecast", ["Q1", "Q2", "Q3"], [new ChartSeries("weighted", [1, 2, 3])]));
        Assert.Equal(3, Count(single.Svg, "class=\"bar series-0\""));
        Assert.DoesNotContain("legend", single.Svg, StringComparison.Ordinal);

        var grouped = BarChart.Render(new BarChartData("Forecast", ["Q1", "Q2"], [new ChartSeries("weighted", [1, 2]), new ChartSeries("committed", [0.5, 1])]));
        Assert.Equal(2, Count(grouped.Svg, "class=\"bar series-1\""));
        Assert.Contains(">committed</text>", grouped.Svg, StringComparison.Ordinal);
        Assert.Contains("<title>Q2 — committed: 1</title>", grouped.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacked_bars_sit_on_each_other()
    {
        var chart = BarChart.Render(new BarChartData("By salesperson", ["S1"], [new ChartSeries("stage 1", [2]), new ChartSeries("stage 2", [3])], Stacked: true));
        var rects = RectRegex().Matches(chart.Svg).Where(m => m.Groups["class"].Value.StartsWith("bar", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, rects.Length);
        var lowerTop = double.Parse(rects[0].Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var upperBottom = double.Parse(rects[1].Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(rects[1].Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(lowerTop, upperBottom, 1);
    }

    [Fact]
    public void A_pareto_chart_sorts_descending_and_its_cumulative_line_ends_at_100_percent()
    {
        var chart = ParetoChart.Render(new ParetoChartData("Revenue", ["small", "big", "mid"], [1, 6, 3]));
        Assert.Equal("pareto", chart.Kind);
        Assert.True(chart.Svg.IndexOf(">big</text>", StringComparison.Ordinal) < chart.Svg.IndexOf(">mid</text>", StringComparison.Ordinal));
        Assert.Contains("<title>big: 6 (60.0%; cumulative 60.0%)</title>", chart.Svg, StringComparison.Ordinal);
        Assert.Contains("cumulative 100.0%", chart.Svg, StringComparison.Ordinal);
        var points = PolylineRegex().Match(chart.Svg).Groups["points"].Value.Split(' ');
        Assert.Equal(3, points.Length);
        Assert.Equal("56", points[^1].Split(',')[1]); // the plot's top edge = 100%
        Assert.Contains("80% of total", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_funnel_draws_bands_proportional_to_the_values()
    {
        var chart = FunnelChart.Render(new FunnelChartData("Funnel", ["1", "2", "3"], [10, 5, 0]));
        var widths = RectRegex().Matches(chart.Svg).Select(m => double.Parse(m.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, widths.Length);
        Assert.Equal(widths[0] / 2, widths[1], 1);
        Assert.Contains("(50% of first)", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_chart_draws_one_polyline_per_series_and_percent_ticks_for_survival()
    {
        var chart = LineChart.Render(new LineChartData("Survival", [new LineSeries("2024 cohort", [0, 1, 2], [1, 0.8, 0.7]), new LineSeries("2025 cohort", [0, 1], [1, 0.9])], "year", "surviving", YAsPercent: true));
        Assert.Equal(2, Count(chart.Svg, "<polyline"));
        Assert.Contains(">100%</text>", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_bins_count_every_value_once_with_the_maximum_in_the_last_bin()
    {
        var (lower, width, counts) = Histogram.Bin([0, 1, 2, 3, 4, 10], 5);
        Assert.Equal(6, counts.Sum());
        Assert.Equal(2, width);
        Assert.Equal([0d, 2, 4, 6, 8], lower);
        Assert.Equal([2, 2, 1, 0, 1], counts);
        Assert.Equal([6], Histogram.Bin([3, 3, 3, 3, 3, 3], 1).Counts);
        Assert.Equal(24, Count(Histogram.Render(new HistogramData("LTV", Enumerable.Range(0, 100).Select(i => (double)i).ToArray(), 24)).Svg, "class=\"bin\""));
    }

    [Fact]
    public void Bad_chart_data_is_refused_and_empty_data_says_so()
    {
        Assert.Throws<ArgumentException>(() => BarChart.Render(new BarChartData("x", ["a", "b"], [new ChartSeries("s", [1])])));
        Assert.Throws<ArgumentException>(() => ParetoChart.Render(new ParetoChartData("x", ["a"], [double.NaN])));
        Assert.Throws<ArgumentException>(() => FunnelChart.Render(new FunnelChartData("x", ["a"], [-1])));
        Assert.Throws<ArgumentException>(() => LineChart.Render(new LineChartData("x", [new LineSeries("s", [1, 2], [1])])));
        Assert.Throws<ArgumentException>(() => Histogram.Render(new HistogramData("x", [double.PositiveInfinity])));
        Assert.Contains(">no data</text>", ParetoChart.Render(new ParetoChartData("x", [], [])).Svg, StringComparison.Ordinal);
        Assert.Contains(">no data</text>", Histogram.Render(new HistogramData("x", [])).Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_one_self_contained_deterministic_page_with_escaped_text()
    {
        var report = Gallery.Build();
        var html = report.Render();
        Assert.Equal(html, Gallery.Build().Render());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(html, "https?://"), m => Assert.Equal("http://www.w3.org/2000/svg", html.Substring(m.Index, 26)));
        Assert.Contains("&lt;b&gt;Bold &amp; Co&lt;/b&gt;", html, StringComparison.Ordinal);
        foreach (var kind in new[] { "pareto", "bar", "funnel", "line", "histogram" })
        {
            Assert.Contains($"data-chart=\"{kind}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(["tiers", "pipeline", "forecast", "anomalies", "pay", "value"], report.Sections.Select(s => s.Id).ToArray());
        Assert.Contains("<td class=\"num\">12,000</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_writes_its_report_only_with_out_and_keeps_its_table_output()
    {
        using var temp = new TempFolder();
        var path = temp.File("demo.html");
        var (exit, output, error) = CliHarness.Run("demo", "--out", path);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(CliHarness.Run("demo").Out, output);
        var html = File.ReadAllText(path);
        Assert.Contains("The generated sample portfolio", html, StringComparison.Ordinal);

        var (badExit, _, badError) = CliHarness.Run("demo", "--out", Path.Combine(temp.Path, "missing", "r.html"));
        Assert.Equal(2, badExit);
        Assert.Contains("does not exist", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_funnel_leaves_room_for_its_longest_label()
    {
        const string longest = "5 Needs analysis & formal solution design";
        var chart = FunnelChart.Render(new FunnelChartData("Funnel", ["1 Plan", longest], [10, 5]));
        var label = Regex.Match(chart.Svg, "<text class=\"stage-label\" x=\"(?<x>[0-9.]+)\"[^>]*>" + Regex.Escape(System.Net.WebUtility.HtmlEncode(longest)) + "</text>");
        Assert.True(label.Success, chart.Svg);
        var x = double.Parse(label.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(x - (6.5 * longest.Length) >= 0, $"the label ends at x = {x}, too near the left edge for {longest.Length} characters");
    }

    [Fact]
    public void Long_text_cells_wrap_and_short_ones_stay_on_one_line()
    {
        var table = new ResultTable("t", "T", ResultColumn.Text("code"), ResultColumn.Text("why"), ResultColumn.Number("n"));
        table.Add("stuck", new string('x', 60), 3);
        var html = new System.Text.StringBuilder();
        HtmlReport.RenderTable(html, table);
        Assert.Contains("<td>stuck</td>", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("<td class=\"wrap\">" + new string('x', 60), html.ToString(), StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3</td>", html.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<rect class=\"(?<class>[^\"]+)\" x=\"(?<x>[^\"]+)\" y=\"(?<y>[^\"]+)\" width=\"(?<w>[^\"]+)\" height=\"(?<h>[^\"]+)\"")]
    private static partial Regex RectRegex();

    [GeneratedRegex("<polyline class=\"cumulative\"[^>]*points=\"(?<points>[^\"]+)\"")]
    private static partial Regex PolylineRegex();
}

/// <summary>A report with every standard section, from fixed data: the reusable components' gallery.</summary>
internal static class Gallery
{
    public static HtmlReport Build()
    {
        var report = new HtmlReport("kam report gallery", "every section, fixed data");
        var accounts = Enumerable.Range(1, 30).Select(i => $"A{i:00}").Append("<b>Bold & Co</b>").ToArray();
        var values = Enumerable.Range(1, 31).Select(i => 1_000_000.0 / i).ToArray();
        var tiers = new ResultTable("tiers", "Accounts per tier", ResultColumn.Text("tier"), ResultColumn.Number("accounts"), ResultColumn.Number("revenue", "N0"));
        tiers.Add("A", 6, 12000m).Add("B", 9, 8000m).Add("C", 16, 3000m);
        report.Add(KamReportSections.TierDistribution(
            new ParetoChartData("Revenue share by account", accounts, values, "CNY"),
            new BarChartData("Accounts per tier", ["A", "B", "C"], [new ChartSeries("accounts", [6, 9, 16])], "accounts"),
            tiers));
        string[] stages = ["1 plan", "2 visit", "3 proposal", "4 demo", "5 design", "6 evaluation", "7 negotiation", "8 signed"];
        report.Add(KamReportSections.PipelineFunnel(
            new FunnelChartData("Opportunities by completed stage", stages, [28, 22, 17, 12, 8, 5, 3, 1]),
            new BarChartData("By salesperson", ["Wang Lei", "Li Na", "Zhang Wei"], stages.Select((s, i) => new ChartSeries(s, [8 - i, (i * 7 % 5) + 1, i % 3])).ToArray(), "opportunities")));
        report.Add(KamReportSections.Forecast(new BarChartData("Forecast by quarter", ["FY2026-Q3", "FY2026-Q4", "FY2027-Q1"], [new ChartSeries("weighted", [2.1e6, 3.4e6, 1.2e6]), new ChartSeries("best case", [3.5e6, 5.1e6, 2.8e6])], "CNY")));
        var anomalies = new ResultTable("anomalies", "Anomalies", ResultColumn.Text("opportunity"), ResultColumn.Text("kind"), ResultColumn.Text("reason"));
        anomalies.Add("OP-0007", "stuck", "no event for 94 days at stage 3");
        report.Add(KamReportSections.Anomalies(anomalies));
        var pay = new ResultTable("pay", "Pay statements", ResultColumn.Text("salesperson"), ResultColumn.Number("base", "N0"), ResultColumn.Number("commission", "N0"), ResultColumn.Number("total", "N0"));
        pay.Add("S01", 96000m, 48250.5m, 144250.5m);
        report.Add(KamReportSections.PayStatements(pay));
        report.Add(KamReportSections.CustomerValue(
            new LineChartData("Survival by cohort", [new LineSeries("2024", [0, 1, 2, 3, 4], [1, 0.82, 0.7, 0.62, 0.57]), new LineSeries("2025", [0, 1, 2], [1, 0.86, 0.76])], "years", "still active"),
            new HistogramData("Lifetime value", Enumerable.Range(0, 400).Select(i => Math.Exp((i % 37) / 6.0) * 1000).ToArray(), 24, "CNY")));
        return report;
    }
}
