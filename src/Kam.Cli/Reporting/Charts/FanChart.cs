namespace Kam.Cli.Reporting.Charts;

/// <summary>Data of a fan chart: per period the mean, the median and a band from a low to a high percentile, and an optional target.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Periods">The period labels, in time order.</param>
/// <param name="Mean">The mean of each period.</param>
/// <param name="Low">The low end of each period's band (P10).</param>
/// <param name="Median">The median of each period (P50).</param>
/// <param name="High">The high end of each period's band (P90).</param>
/// <param name="ValueAxis">The value axis label (the currency).</param>
/// <param name="Target">A target per period, drawn as a dashed line, or <see langword="null"/>.</param>
internal sealed record FanChartData(
    string Title,
    IReadOnlyList<string> Periods,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Low,
    IReadOnlyList<double> Median,
    IReadOnlyList<double> High,
    string ValueAxis = "",
    double? Target = null);

/// <summary>
/// Renders a fan chart: the band from P10 to P90 of each period (a shaded area joining the periods, or a shaded bar for
/// a single period), the mean as a line with points, the median as short dashes, and the target as a dashed line.
/// </summary>
internal static class FanChart
{
    private const string BandFill = "rgba(0, 114, 178, 0.18)";

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">The series do not have one finite, non-negative value per period.</exception>
    public static Chart Render(FanChartData data)
    {
        foreach (var series in new[] { data.Mean, data.Low, data.Median, data.High })
        {
            if (series.Count != data.Periods.Count)
            {
                throw new ArgumentException($"A series has {series.Count} values for {data.Periods.Count} periods.", nameof(data));
            }

            Svg.RequireFinite(series, "fan chart values");
        }

        if (data.Target is { } t)
        {
            Svg.RequireFinite([t], "target");
        }

        var svg = new Svg("fan", data.Title);
        var n = data.Periods.Count;
        if (n == 0)
        {
            return svg.NoData().Build();
        }

        var max = Math.Max(data.High.Max(), data.Mean.Max());
        if (data.Target is { } target)
        {
            max = Math.Max(max, target);
        }

        var plot = PlotArea.For(0, max, bottom: 60);
        plot.DrawYAxis(svg, data.ValueAxis);
        var band = plot.Width / n;
        double X(int i) => plot.Left + ((i + 0.5) * band);
        if (n == 1)
        {
            svg.Rect(X(0) - (band * 0.2), plot.Y(data.High[0]), band * 0.4, plot.Y(data.Low[0]) - plot.Y(data.High[0]), "fan-band", BandFill, Tooltip(data, 0));
        }
        else
        {
            var upper = Enumerable.Range(0, n).Select(i => (X(i), plot.Y(data.High[i])));
            var lower = Enumerable.Range(0, n).Reverse().Select(i => (X(i), plot.Y(data.Low[i])));
            svg.Polygon(upper.Concat(lower), "fan-band", BandFill, "P10 to P90");
            svg.Polyline(Enumerable.Range(0, n).Select(i => (X(i), plot.Y(data.Mean[i]))), "line", Svg.Palette[0]);
        }

        for (var i = 0; i < n; i++)
        {
            svg.Line(X(i) - (band * 0.12), plot.Y(data.Median[i]), X(i) + (band * 0.12), plot.Y(data.Median[i]), "fan-median");
            svg.Circle(X(i), plot.Y(data.Mean[i]), 4, "fan-mean", Svg.Palette[0], Tooltip(data, i));
        }

        if (data.Target is { } line)
        {
            // The label sits under the line at the left, clear of the legend above the plot.
            svg.Line(plot.Left, plot.Y(line), plot.Right, plot.Y(line), "reference");
            svg.Text(plot.Left + 6, plot.Y(line) + 14, "target " + Svg.Compact(line), "reference-label");
        }

        plot.DrawCategoryLabels(svg, data.Periods);
        svg.Legend(["P10 to P90", "mean", "median"], [BandFill, Svg.Palette[0], "#1d2430"]);
        return svg.Build();
    }

    private static string Tooltip(FanChartData data, int i) =>
        $"{data.Periods[i]}: mean {Svg.Exact(data.Mean[i])}, P10 {Svg.Exact(data.Low[i])}, P50 {Svg.Exact(data.Median[i])}, P90 {Svg.Exact(data.High[i])}";
}
