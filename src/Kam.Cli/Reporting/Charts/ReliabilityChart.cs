namespace Kam.Cli.Reporting.Charts;

/// <summary>One band of a reliability diagram.</summary>
/// <param name="Label">The band (<c>10%–20%</c>).</param>
/// <param name="Predicted">The mean predicted probability, 0 to 1.</param>
/// <param name="Observed">The observed rate, 0 to 1.</param>
/// <param name="Low">The low end of the observed rate's interval.</param>
/// <param name="High">The high end of the observed rate's interval.</param>
/// <param name="Count">How many outcomes the band holds.</param>
internal sealed record ReliabilityPoint(string Label, double Predicted, double Observed, double Low, double High, long Count);

/// <summary>Data of a reliability diagram: predicted probability against observed rate per band.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Points">The bands with outcomes.</param>
internal sealed record ReliabilityChartData(string Title, IReadOnlyList<ReliabilityPoint> Points);

/// <summary>
/// Renders a reliability diagram: on a square of 0–100% by 0–100%, the diagonal (perfect calibration) dashed, and each
/// band as a point at (mean predicted, observed), sized by its count and labelled with it, with its interval as a whisker.
/// </summary>
internal static class ReliabilityChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A value is not finite or outside 0 to 1.</exception>
    public static Chart Render(ReliabilityChartData data)
    {
        foreach (var p in data.Points)
        {
            Svg.RequireFinite([p.Predicted, p.Observed, p.Low, p.High], "reliability values");
            if (new[] { p.Predicted, p.Observed, p.Low, p.High }.Any(v => v > 1))
            {
                throw new ArgumentException("Reliability values are fractions from 0 to 1.", nameof(data));
            }
        }

        var svg = new Svg("reliability", data.Title);
        if (data.Points.Count == 0)
        {
            return svg.NoData().Build();
        }

        const double top = 56, bottom = Svg.Height - 52;
        var size = bottom - top;
        var left = (Svg.Width - size) / 2;
        var right = left + size;
        double X(double v) => left + (v * size);
        double Y(double v) => bottom - (v * size);
        for (var k = 0; k <= 10; k += 2)
        {
            var v = k / 10d;
            svg.Line(left, Y(v), right, Y(v), k == 0 ? "axis" : "grid");
            svg.Line(X(v), top, X(v), bottom, k == 0 ? "axis" : "grid");
            svg.Text(left - 6, Y(v) + 4, Svg.Percent(v), "tick", "end");
            svg.Text(X(v), bottom + 16, Svg.Percent(v), "tick", "middle");
        }

        svg.Text(left + (size / 2), bottom + 38, "predicted win probability (mean of the band)", "axis-title", "middle");
        svg.Text(left - 44, top + (size / 2), "observed win rate", "axis-title", "middle", -90);
        svg.Line(X(0), Y(0), X(1), Y(1), "reference");
        svg.Text(X(0.97), Y(0.97) + 16, "calibrated", "reference-label", "end");
        var most = Math.Max(1, data.Points.Max(p => p.Count));
        var points = data.Points.OrderBy(p => p.Predicted).Select(p => (Point: p, X: X(p.Predicted), Y: Y(p.Observed), R: 3 + (9 * Math.Sqrt(p.Count / (double)most)))).ToArray();
        foreach (var (p, x, y, r) in points)
        {
            var tooltip = $"{p.Label}: predicted {Svg.Percent(p.Predicted, 1)}, observed {Svg.Percent(p.Observed, 1)} ({Svg.Percent(p.Low)}–{Svg.Percent(p.High)}), {p.Count} closed";
            svg.Line(x, Y(p.Low), x, Y(p.High), "whisker");
            svg.Circle(x, y, r, "reliability-point", Svg.Palette[0], tooltip);
        }

        // Each count just right of its whisker above its point, moved up a line while it would cover a point or a count placed before.
        var placed = new List<(double Left, double Right, double Top, double Bottom)>();
        foreach (var (p, x, y, r) in points)
        {
            var text = "n=" + p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var textFrom = x + 3;
            var textTo = textFrom + (text.Length * 6.5);
            var baseline = y - r - 3;
            bool Covers(double b) =>
                placed.Any(l => textFrom < l.Right && textTo > l.Left && b - 10 < l.Bottom && b + 2 > l.Top)
                || points.Any(c => textFrom < c.X + c.R && textTo > c.X - c.R && b - 10 < c.Y + c.R && b + 2 > c.Y - c.R);
            while (Covers(baseline) && baseline > top)
            {
                baseline -= 13;
            }

            placed.Add((textFrom, textTo, baseline - 10, baseline + 2));
            svg.Text(textFrom, baseline, text, "stage-value");
        }

        return svg.Build();
    }
}
