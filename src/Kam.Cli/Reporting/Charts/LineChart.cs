namespace Kam.Cli.Reporting.Charts;

/// <summary>Renders line charts: one polyline per series over a shared numeric x axis (survival and retention curves, trends).</summary>
internal static class LineChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A series has different x and y counts, or a value is not finite.</exception>
    public static Chart Render(LineChartData data)
    {
        foreach (var series in data.Series)
        {
            if (series.X.Count != series.Y.Count)
            {
                throw new ArgumentException($"Series '{series.Name}' has {series.X.Count} x values and {series.Y.Count} y values.", nameof(data));
            }

            Svg.RequireFinite(series.X, "x values", allowNegative: true);
            Svg.RequireFinite(series.Y, "y values", allowNegative: true);
        }

        var svg = new Svg("line", data.Title);
        var points = data.Series.SelectMany(s => s.X.Zip(s.Y)).ToArray();
        if (points.Length == 0)
        {
            return svg.NoData().Build();
        }

        var plot = PlotArea.For(points.Min(p => p.Second), data.YAsPercent ? Math.Max(1, points.Max(p => p.Second)) : points.Max(p => p.Second), bottom: 60);
        plot.DrawYAxis(svg, data.YAxis, data.YAsPercent ? v => Svg.Percent(v) : null);
        var xTicks = Svg.Ticks(points.Min(p => p.First), points.Max(p => p.First), 8);
        double X(double x) => plot.Left + ((x - xTicks[0]) / (xTicks[^1] - xTicks[0]) * plot.Width);
        foreach (var tick in xTicks)
        {
            svg.Text(X(tick), plot.Bottom + 16, Svg.Compact(tick), "tick", "middle");
        }

        if (data.XAxis.Length > 0)
        {
            svg.Text(plot.Left + (plot.Width / 2), plot.Bottom + 38, data.XAxis, "axis-title", "middle");
        }

        for (var s = 0; s < data.Series.Count; s++)
        {
            var series = data.Series[s];
            svg.Polyline(series.X.Zip(series.Y).Select(p => (X(p.First), plot.Y(p.Second))), $"line series-{s}", Svg.Palette[s % Svg.Palette.Length]);
        }

        svg.Legend(data.Series.Select(s => s.Name).ToArray(), data.Series.Select((_, i) => Svg.Palette[i % Svg.Palette.Length]).ToArray());
        return svg.Build();
    }
}
