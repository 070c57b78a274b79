namespace Kam.Cli.Reporting.Charts;

/// <summary>The steps of a gap waterfall: from the target, what is booked and what the pipeline promises, to the gap.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Target">The target.</param>
/// <param name="Actual">The actual to date.</param>
/// <param name="WeightedPipeline">The weighted pipeline.</param>
internal sealed record WaterfallChartData(string Title, double Target, double Actual, double WeightedPipeline);

/// <summary>
/// Renders a gap waterfall: the target as a full bar, the actual from zero, the weighted pipeline floating on the
/// actual, and the gap (target − actual − weighted) floating from the forecast up to the target, or, when the forecast
/// passes the target, the lead above it in green.
/// </summary>
internal static class WaterfallChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static Chart Render(WaterfallChartData data)
    {
        Svg.RequireFinite([data.Target, data.Actual, data.WeightedPipeline], "waterfall values", allowNegative: true);
        var svg = new Svg("waterfall", data.Title);
        var forecast = data.Actual + data.WeightedPipeline;
        var max = Math.Max(data.Target, forecast);
        if (max <= 0)
        {
            return svg.NoData().Build();
        }

        var gap = data.Target - forecast;
        var steps = new (string Label, double From, double To, string Colour)[]
        {
            ("target", 0, data.Target, Svg.Palette[8]),
            ("actual", 0, data.Actual, Svg.Palette[0]),
            ("weighted pipeline", data.Actual, forecast, Svg.Palette[5]),
            (gap >= 0 ? "gap" : "ahead of target", forecast, data.Target, gap >= 0 ? Svg.Palette[3] : Svg.Palette[2]),
        };
        var plot = PlotArea.For(0, max, bottom: 48);
        plot.DrawYAxis(svg, string.Empty);
        var band = plot.Width / steps.Length;
        for (var i = 0; i < steps.Length; i++)
        {
            var (label, from, to, colour) = steps[i];
            var low = Math.Min(from, to);
            var high = Math.Max(from, to);
            var x = plot.Left + (i * band) + (band * 0.2);
            svg.Rect(x, plot.Y(high), band * 0.6, Math.Max(1, plot.Y(low) - plot.Y(high)), "bar waterfall-step", colour, $"{label}: {Svg.Exact(to - from)}");
            if (i < steps.Length - 1)
            {
                var level = i == 0 ? data.Target : to;
                svg.Line(x + (band * 0.6), plot.Y(i == 0 ? 0 : level), x + band, plot.Y(i == 0 ? 0 : level), "reference");
            }

            svg.Text(x + (band * 0.3), plot.Y(high) - 6, Svg.Compact(to - from), "stage-value", "middle");
            svg.Text(x + (band * 0.3), plot.Bottom + 18, label, "tick", "middle");
        }

        return svg.Build();
    }
}
