namespace Kam.Cli.Reporting.Charts;

/// <summary>The rectangle a chart plots in, and the mapping of values to it along the y axis.</summary>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Right">The right edge.</param>
/// <param name="Bottom">The bottom edge.</param>
/// <param name="YTicks">The y axis ticks; the first maps to <paramref name="Bottom"/>, the last to <paramref name="Top"/>.</param>
internal sealed record PlotArea(double Left, double Top, double Right, double Bottom, double[] YTicks)
{
    /// <summary>Gets the width.</summary>
    public double Width => Right - Left;

    /// <summary>Gets the height.</summary>
    public double Height => Bottom - Top;

    /// <summary>Creates the usual plot area of an <see cref="Svg"/> chart for values up to <paramref name="max"/>.</summary>
    public static PlotArea For(double min, double max, double right = 24, double bottom = 84) =>
        new(72, 56, Svg.Width - right, Svg.Height - bottom, Svg.Ticks(Math.Min(0, min), max));

    /// <summary>Maps a value to a y coordinate.</summary>
    public double Y(double value) => Bottom - ((value - YTicks[0]) / (YTicks[^1] - YTicks[0]) * Height);

    /// <summary>Draws the horizontal grid, the y labels and the axis title.</summary>
    public void DrawYAxis(Svg svg, string title, Func<double, string>? label = null)
    {
        label ??= Svg.Compact;
        foreach (var tick in YTicks)
        {
            var y = Y(tick);
            svg.Line(Left, y, Right, y, tick == 0 ? "axis" : "grid");
            svg.Text(Left - 6, y + 4, label(tick), "tick", "end");
        }

        if (title.Length > 0)
        {
            svg.Text(16, Top + (Height / 2), title, "axis-title", "middle", -90);
        }
    }

    /// <summary>Draws category labels under evenly spaced bands, thinning them when there are too many and slanting long ones.</summary>
    public void DrawCategoryLabels(Svg svg, IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        var band = Width / labels.Count;
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 24d));
        var slant = labels.Count > 6 || labels.Any(l => l.Length * 6.5 > band);
        for (var i = 0; i < labels.Count; i += every)
        {
            var x = Left + ((i + 0.5) * band);
            var text = labels[i].Length > 18 ? labels[i][..17] + "…" : labels[i];
            if (slant)
            {
                svg.Text(x, Bottom + 14, text, "tick", "end", -35);
            }
            else
            {
                svg.Text(x, Bottom + 16, text, "tick", "middle");
            }
        }
    }
}
