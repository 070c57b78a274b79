using System.Globalization;

namespace Kam.Cli.Reporting.Charts;

/// <summary>Renders a Pareto chart: items as bars in descending order, and the cumulative share as a line on a 0–100% right axis.</summary>
/// <remarks>
/// Ties keep their input order (stable sort). A dashed line marks <see cref="ParetoChartData.ReferenceShare"/> (80%
/// by default). More than <see cref="MaxBars"/> items draw the largest <c>MaxBars</c> and one last bar
/// "the other K" holding the rest's total, so the cumulative line still ends at 100%.
/// </remarks>
internal static class ParetoChart
{
    /// <summary>The most items drawn as bars of their own.</summary>
    public const int MaxBars = 50;

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">Labels and values differ in count, or a value is negative or not finite.</exception>
    public static Chart Render(ParetoChartData data)
    {
        if (data.Labels.Count != data.Values.Count)
        {
            throw new ArgumentException($"{data.Labels.Count} labels for {data.Values.Count} values.", nameof(data));
        }

        Svg.RequireFinite(data.Values, "Pareto values");
        var svg = new Svg("pareto", data.Title);
        var total = data.Values.Sum();
        if (data.Values.Count == 0 || total <= 0)
        {
            return svg.NoData().Build();
        }

        var items = Largest(data);
        var plot = PlotArea.For(0, items.Max(i => i.Second), right: 56);
        plot.DrawYAxis(svg, data.ValueAxis);
        for (var p = 0; p <= 100; p += 20)
        {
            svg.Text(plot.Right + 6, plot.Bottom - (p / 100d * plot.Height) + 4, p.ToString(CultureInfo.InvariantCulture) + "%", "tick");
        }

        var band = plot.Width / items.Length;
        var points = new List<(double X, double Y)>(items.Length);
        var cumulative = 0d;
        for (var i = 0; i < items.Length; i++)
        {
            var (label, value) = items[i];
            cumulative += value;
            var share = cumulative / total;
            var x = plot.Left + (i * band);
            svg.Rect(x + (band * 0.1), plot.Y(value), band * 0.8, plot.Bottom - plot.Y(value), "bar", Svg.Palette[0],
                $"{label}: {Svg.Exact(value)} ({Svg.Percent(value / total, 1)}; cumulative {Svg.Percent(share, 1)})");
            points.Add((x + (band / 2), plot.Bottom - (share * plot.Height)));
        }

        if (data.ReferenceShare is { } reference)
        {
            var y = plot.Bottom - (reference * plot.Height);
            svg.Line(plot.Left, y, plot.Right, y, "reference");
            svg.Text(plot.Right - 4, y - 4, Svg.Percent(reference) + " of total", "reference-label", "end");
        }

        svg.Polyline(points, "cumulative", Svg.Palette[3]);
        if (items.Length <= 40)
        {
            foreach (var (x, y) in points)
            {
                svg.Circle(x, y, 2.5, "cumulative-point", Svg.Palette[3]);
            }
        }

        plot.DrawCategoryLabels(svg, items.Select(i => i.First).ToArray());
        svg.Legend(["value", "cumulative share"], [Svg.Palette[0], Svg.Palette[3]]);
        return svg.Build();
    }

    /// <summary>The items in descending order (ties in input order), at most <see cref="MaxBars"/> of them and one item for the rest.</summary>
    private static (string First, double Second)[] Largest(ParetoChartData data)
    {
        // The largest MaxBars in one pass: a short list kept in order; an item enters after its equals (input order).
        var top = new List<int>(MaxBars + 1);
        var values = data.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (top.Count == MaxBars && value <= values[top[^1]])
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && values[top[at - 1]] < value)
            {
                at--;
            }

            top.Insert(at, i);
            if (top.Count > MaxBars)
            {
                top.RemoveAt(MaxBars);
            }
        }

        var items = top.Select(i => (data.Labels[i], values[i])).ToList();
        if (values.Count > top.Count)
        {
            var rest = 0d;
            var shown = new HashSet<int>(top);
            for (var i = 0; i < values.Count; i++)
            {
                rest += shown.Contains(i) ? 0 : values[i];
            }

            items.Add((string.Create(CultureInfo.InvariantCulture, $"the other {values.Count - top.Count:N0}"), rest));
        }

        return [.. items];
    }
}
