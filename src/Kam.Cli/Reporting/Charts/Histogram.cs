namespace Kam.Cli.Reporting.Charts;

/// <summary>Renders a histogram: values counted into equal-width bins between their minimum and maximum.</summary>
internal static class Histogram
{
    /// <summary>Counts values into <paramref name="bins"/> equal-width bins from the minimum to the maximum (the last bin includes the maximum).</summary>
    /// <param name="values">The finite values.</param>
    /// <param name="bins">The number of bins, at least 1.</param>
    /// <returns>The bins' lower edges, their width and the counts; empty for no values.</returns>
    public static (double[] Lower, double Width, int[] Counts) Bin(IReadOnlyList<double> values, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Svg.RequireFinite(values, "histogram values", allowNegative: true);
        if (values.Count == 0)
        {
            return ([], 0, []);
        }

        var min = values.Min();
        var max = values.Max();
        var width = max > min ? (max - min) / bins : 1;
        var counts = new int[bins];
        foreach (var v in values)
        {
            counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
        }

        return (Enumerable.Range(0, bins).Select(i => min + (i * width)).ToArray(), width, counts);
    }

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A value is not finite, or there are fewer than one bin.</exception>
    public static Chart Render(HistogramData data)
    {
        var (lower, width, counts) = Bin(data.Values, data.Bins);
        var svg = new Svg("histogram", data.Title);
        if (counts.Length == 0)
        {
            return svg.NoData().Build();
        }

        var plot = PlotArea.For(0, counts.Max(), bottom: 60);
        plot.DrawYAxis(svg, "count");
        var band = plot.Width / counts.Length;
        for (var i = 0; i < counts.Length; i++)
        {
            svg.Rect(plot.Left + (i * band), plot.Y(counts[i]), band - 1, plot.Bottom - plot.Y(counts[i]), "bin", Svg.Palette[2],
                $"{Svg.Exact(lower[i])} – {Svg.Exact(lower[i] + width)}: {counts[i]}");
        }

        var every = Math.Max(1, counts.Length / 8);
        for (var i = 0; i <= counts.Length; i += every)
        {
            svg.Text(plot.Left + (i * band), plot.Bottom + 16, Svg.Compact(lower[0] + (i * width)), "tick", "middle");
        }

        if (data.ValueAxis.Length > 0)
        {
            svg.Text(plot.Left + (plot.Width / 2), plot.Bottom + 38, data.ValueAxis, "axis-title", "middle");
        }

        return svg.Build();
    }
}
