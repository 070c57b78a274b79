namespace Kam.Cli.Reporting.Charts;

/// <summary>One row of a bullet chart: a subject's target, actual and forecast.</summary>
/// <param name="Label">The subject.</param>
/// <param name="Target">The target (the marker).</param>
/// <param name="Actual">The actual to date (the dark inner bar).</param>
/// <param name="Forecast">The forecast (the light outer bar).</param>
internal sealed record BulletRow(string Label, double Target, double Actual, double Forecast);

/// <summary>A bullet chart: one row per subject.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Rows">The rows, top first (the caller caps them: the report draws the largest and one row for the rest).</param>
internal sealed record BulletChartData(string Title, IReadOnlyList<BulletRow> Rows);

/// <summary>
/// Renders a bullet chart: per row a light bar to the forecast, a dark bar to the actual inside it and a black marker at
/// the target, on one shared horizontal scale, with the attainment (actual ÷ target) at the right.
/// </summary>
internal static class BulletChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static Chart Render(BulletChartData data)
    {
        Svg.RequireFinite(data.Rows.SelectMany(r => new[] { r.Target, r.Actual, r.Forecast }), "bullet chart values", allowNegative: true);
        var svg = new Svg("bullet", data.Title);
        var max = data.Rows.SelectMany(r => new[] { r.Target, r.Actual, r.Forecast }).DefaultIfEmpty(0).Max();
        if (data.Rows.Count == 0 || max <= 0)
        {
            return svg.NoData().Build();
        }

        svg.Legend(["forecast", "actual", "target"], [Svg.Palette[5], Svg.Palette[0], Svg.Palette[7]]);
        var left = Math.Clamp(24 + (7.6 * data.Rows.Max(r => Math.Min(r.Label.Length, 28))), 110, 260);
        const double right = Svg.Width - 64, top = 56, bottom = Svg.Height - 28;
        var ticks = Svg.Ticks(0, max);
        var scale = (right - left) / ticks[^1];
        foreach (var tick in ticks)
        {
            var x = left + (tick * scale);
            svg.Line(x, top - 4, x, bottom, tick == 0 ? "axis" : "grid");
            svg.Text(x, bottom + 14, Svg.Compact(tick), "tick", "middle");
        }

        var row = (bottom - top) / data.Rows.Count;
        var height = Math.Min(22, row * 0.8);
        for (var i = 0; i < data.Rows.Count; i++)
        {
            var item = data.Rows[i];
            var y = top + (i * row) + ((row - height) / 2);
            var attainment = item.Target > 0 ? Svg.Percent(item.Actual / item.Target) : "n/a";
            var tooltip = $"{item.Label}: target {Svg.Exact(item.Target)}, actual {Svg.Exact(item.Actual)} ({attainment}), forecast {Svg.Exact(item.Forecast)}";
            svg.Rect(left, y, Math.Max(0, item.Forecast) * scale, height, "bullet-forecast", Svg.Palette[5], tooltip);
            svg.Rect(left, y + (height / 3), Math.Max(0, item.Actual) * scale, height / 3, "bullet-actual", Svg.Palette[0], tooltip);
            svg.Rect(left + (Math.Max(0, item.Target) * scale) - 1.5, y - 2, 3, height + 4, "bullet-target", Svg.Palette[7], tooltip);
            var label = item.Label.Length > 28 ? item.Label[..27] + "…" : item.Label;
            svg.Text(left - 8, y + (height / 2) + 4, label, "stage-label", "end");
            svg.Text(right + 8, y + (height / 2) + 4, attainment, "stage-value");
        }

        return svg.Build();
    }
}
