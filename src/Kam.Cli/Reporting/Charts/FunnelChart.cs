namespace Kam.Cli.Reporting.Charts;

/// <summary>Renders a funnel: one centred band per stage, its width proportional to the stage's value, with the value and the share of the first stage.</summary>
internal static class FunnelChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">Stages and values differ in count, or a value is negative or not finite.</exception>
    public static Chart Render(FunnelChartData data)
    {
        if (data.Stages.Count != data.Values.Count)
        {
            throw new ArgumentException($"{data.Stages.Count} stages for {data.Values.Count} values.", nameof(data));
        }

        Svg.RequireFinite(data.Values, "funnel values");
        var svg = new Svg("funnel", data.Title);
        var max = data.Values.DefaultIfEmpty(0).Max();
        if (data.Stages.Count == 0 || max <= 0)
        {
            return svg.NoData().Build();
        }

        // The labels sit left of the funnel, right-aligned: room for the longest (about 6.6 px a character at 12 px).
        var left = Math.Clamp(16 + (6.6 * data.Stages.Max(s => s.Length)), 120, 320);
        const double right = Svg.Width - 110, top = 44, bottom = Svg.Height - 12;
        var centre = (left + right) / 2;
        var row = (bottom - top) / data.Stages.Count;
        var first = data.Values[0];
        for (var i = 0; i < data.Stages.Count; i++)
        {
            var value = data.Values[i];
            var width = Math.Max(2, value / max * (right - left));
            var y = top + (i * row);
            var share = first > 0 ? " (" + Svg.Percent(value / first) + " of first)" : string.Empty;
            svg.Rect(centre - (width / 2), y + 2, width, row - 4, "stage", Svg.Palette[i % 2 == 0 ? 0 : 5], $"{data.Stages[i]}: {Svg.Exact(value)}{share}");
            svg.Text(left - 10, y + (row / 2) + 4, data.Stages[i], "stage-label", "end");
            svg.Text(right + 10, y + (row / 2) + 4, Svg.Exact(value), "stage-value");
        }

        return svg.Build();
    }
}
