namespace Kam.Cli.Reporting.Charts;

/// <summary>Renders bar charts: one series, several series side by side, or stacked.</summary>
/// <remarks>
/// More than <see cref="MaxCategories"/> categories draw the <c>MaxCategories</c> largest (by their total over the
/// series, in their given order) and one last category "the other K" holding the rest's totals per series.
/// </remarks>
internal static class BarChart
{
    /// <summary>The most categories drawn on their own.</summary>
    public const int MaxCategories = 50;

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A series does not have one finite, non-negative value per category.</exception>
    public static Chart Render(BarChartData data)
    {
        foreach (var series in data.Series)
        {
            if (series.Values.Count != data.Categories.Count)
            {
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {data.Categories.Count} categories.", nameof(data));
            }

            Svg.RequireFinite(series.Values, "bar values");
        }

        data = Capped(data);
        var svg = new Svg("bar", data.Title);
        if (data.Categories.Count == 0 || data.Series.Count == 0)
        {
            return svg.NoData().Build();
        }

        var max = data.Stacked
            ? Enumerable.Range(0, data.Categories.Count).Max(i => data.Series.Sum(s => s.Values[i]))
            : data.Series.Max(s => s.Values.DefaultIfEmpty(0).Max());
        var plot = PlotArea.For(0, max);
        plot.DrawYAxis(svg, data.ValueAxis);
        var band = plot.Width / data.Categories.Count;
        var groups = data.Stacked ? 1 : data.Series.Count;
        var barWidth = band * 0.8 / groups;
        for (var c = 0; c < data.Categories.Count; c++)
        {
            var stackTop = 0d;
            for (var s = 0; s < data.Series.Count; s++)
            {
                var value = data.Series[s].Values[c];
                var x = plot.Left + (c * band) + (band * 0.1) + (data.Stacked ? 0 : s * barWidth);
                var bottom = data.Stacked ? stackTop : 0;
                var top = bottom + value;
                var tooltip = data.Series.Count > 1 ? $"{data.Categories[c]} — {data.Series[s].Name}: {Svg.Exact(value)}" : $"{data.Categories[c]}: {Svg.Exact(value)}";
                svg.Rect(x, plot.Y(top), barWidth, plot.Y(bottom) - plot.Y(top), $"bar series-{s}", Svg.Palette[s % Svg.Palette.Length], tooltip);
                stackTop = data.Stacked ? top : 0;
            }
        }

        plot.DrawCategoryLabels(svg, data.Categories);
        if (data.Series.Count > 1)
        {
            svg.Legend(data.Series.Select(s => s.Name).ToArray(), data.Series.Select((_, i) => Svg.Palette[i % Svg.Palette.Length]).ToArray());
        }

        return svg.Build();
    }

    // At most MaxCategories categories of their own (the largest totals, in input order; ties to the earlier), then the rest.
    private static BarChartData Capped(BarChartData data)
    {
        var n = data.Categories.Count;
        if (n <= MaxCategories)
        {
            return data;
        }

        var totals = new double[n];
        foreach (var series in data.Series)
        {
            for (var c = 0; c < n; c++)
            {
                totals[c] += series.Values[c];
            }
        }

        var kept = Enumerable.Range(0, n).OrderByDescending(c => totals[c]).ThenBy(c => c).Take(MaxCategories).Order().ToArray();
        var keep = new bool[n];
        foreach (var c in kept)
        {
            keep[c] = true;
        }

        var categories = kept.Select(c => data.Categories[c]).Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the other {n - kept.Length:N0}")).ToArray();
        var capped = data.Series.Select(series => new ChartSeries(
            series.Name,
            kept.Select(c => series.Values[c]).Append(Enumerable.Range(0, n).Where(c => !keep[c]).Sum(c => series.Values[c])).ToArray())).ToArray();
        return data with { Categories = categories, Series = capped };
    }
}
