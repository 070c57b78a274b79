namespace Kam.Cli.Reporting.Charts;

/// <summary>A named series of values, one per category (bar charts) or one per point (line charts with <see cref="LineSeries"/>).</summary>
/// <param name="Name">The legend name.</param>
/// <param name="Values">The values; finite.</param>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>Data of a bar chart: categories along the x axis and one or more series (grouped side by side, or stacked).</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Categories">The category labels.</param>
/// <param name="Series">The series; each has one value per category, all non-negative.</param>
/// <param name="ValueAxis">The value axis label (e.g. <c>CNY</c>, <c>opportunities</c>).</param>
/// <param name="Stacked">Whether the series are stacked instead of grouped.</param>
internal sealed record BarChartData(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string ValueAxis = "", bool Stacked = false);

/// <summary>Data of a Pareto chart: one value per item; the chart sorts them descending and adds the cumulative share line.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Labels">The item labels (accounts).</param>
/// <param name="Values">The non-negative values (revenue, profit).</param>
/// <param name="ValueAxis">The value axis label.</param>
/// <param name="ReferenceShare">A cumulative share drawn as a dashed reference line (the 80 of 80/20), or <see langword="null"/>.</param>
internal sealed record ParetoChartData(string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string ValueAxis = "", double? ReferenceShare = 0.8);

/// <summary>Data of a funnel: ordered stages with a count (or value) each.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Stages">The stage labels, top to bottom.</param>
/// <param name="Values">The non-negative count or value per stage.</param>
internal sealed record FunnelChartData(string Title, IReadOnlyList<string> Stages, IReadOnlyList<double> Values);

/// <summary>A line of a line chart: points (x, y) in x order.</summary>
/// <param name="Name">The legend name.</param>
/// <param name="X">The x values, non-decreasing.</param>
/// <param name="Y">The y values, one per x.</param>
internal sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Data of a line chart (survival and retention curves, trends).</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Series">The lines.</param>
/// <param name="XAxis">The x axis label.</param>
/// <param name="YAxis">The y axis label.</param>
/// <param name="YAsPercent">Whether y values are fractions shown as percentages (survival 1.0 = 100%).</param>
internal sealed record LineChartData(string Title, IReadOnlyList<LineSeries> Series, string XAxis = "", string YAxis = "", bool YAsPercent = false);

/// <summary>Data of a histogram: raw values binned into equal-width bins.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Values">The finite values (e.g. one lifetime value per customer).</param>
/// <param name="Bins">The number of bins, at least 1.</param>
/// <param name="ValueAxis">The label of the binned quantity.</param>
internal sealed record HistogramData(string Title, IReadOnlyList<double> Values, int Bins = 20, string ValueAxis = "");

/// <summary>A rendered chart: inline SVG markup ready to embed in HTML.</summary>
/// <param name="Kind">The chart kind (<c>bar</c>, <c>pareto</c>, <c>funnel</c>, <c>line</c>, <c>histogram</c>), also the SVG's <c>data-chart</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Svg">The <c>&lt;svg&gt;</c> element.</param>
internal sealed record Chart(string Kind, string Title, string Svg);
