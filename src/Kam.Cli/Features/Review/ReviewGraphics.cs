using System.Globalization;
using System.Text;
using Kam.Cli.Reporting.Charts;

namespace Kam.Cli.Features.Review;

/// <summary>One part of a stacked bar of the account review page: a value, its colour and what it is.</summary>
/// <param name="Label">What the part is (the key under the bar and the tooltip).</param>
/// <param name="Value">The value, not negative.</param>
/// <param name="Colour">The fill colour.</param>
internal readonly record struct BarPart(string Label, double Value, string Colour);

/// <summary>
/// The small graphics of the account review page: a stacked bar, a bullet bar, a sparkline and a step chart, each an
/// inline SVG a panel wide, with the words (keys, values) in HTML beside it so they wrap and print sharply.
/// </summary>
/// <remarks>
/// The SVGs carry no text of their own except the step chart's labels; coordinates are invariant with two decimals, so
/// the same figures give the same bytes. Values that are not finite or are negative draw nothing rather than fail: the
/// page shows the figures in words too.
/// </remarks>
internal static class ReviewGraphics
{
    /// <summary>The view box width of every graphic.</summary>
    public const double Width = 240;

    /// <summary>Dark blue: actuals, the main bar.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Sky blue: forecasts, weighted values.</summary>
    public const string Sky = "#56B4E9";

    /// <summary>Green: what is good (won, not due, contribution).</summary>
    public const string Green = "#009E73";

    /// <summary>Orange: a warning.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Vermillion: what is bad (lost, severely overdue).</summary>
    public const string Red = "#D55E00";

    /// <summary>Grey: neutral parts.</summary>
    public const string Grey = "#9AA3AF";

    /// <summary>Renders a horizontal stacked bar scaled to <paramref name="max"/>, with optional vertical markers (a limit, a threshold).</summary>
    /// <param name="title">The tooltip of the whole bar.</param>
    /// <param name="parts">The parts, left to right.</param>
    /// <param name="max">The value of the full width; at least the sum of the parts and the markers (it is raised to them).</param>
    /// <param name="markers">Values to mark with a black line, with their tooltips.</param>
    /// <returns>The SVG element.</returns>
    public static string Stacked(string title, IReadOnlyList<BarPart> parts, double max, IReadOnlyList<(double Value, string Label)>? markers = null)
    {
        const double height = 16;
        var shown = parts.Where(p => double.IsFinite(p.Value) && p.Value > 0).ToArray();
        var marks = (markers ?? []).Where(m => double.IsFinite(m.Value) && m.Value >= 0).ToArray();
        var full = new[] { max, shown.Sum(p => p.Value) }.Concat(marks.Select(m => m.Value)).Where(double.IsFinite).Max();
        var svg = Open("stacked", title, height + 4);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"0\" y=\"2\" width=\"{Width}\" height=\"{height}\" fill=\"#EEF1F4\"/>");
        if (full > 0)
        {
            var scale = Width / full;
            var x = 0.0;
            foreach (var part in shown)
            {
                var w = part.Value * scale;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(x)}\" y=\"2\" width=\"{Svg.N(w)}\" height=\"{height}\" fill=\"{part.Colour}\"><title>{Svg.Escape(part.Label)}: {Svg.Exact(part.Value)}</title></rect>");
                x += w;
            }

            foreach (var (value, label) in marks)
            {
                var at = Math.Clamp(value * scale, 1, Width - 1);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"marker\" x=\"{Svg.N(at - 1)}\" y=\"0\" width=\"2\" height=\"{height + 4}\" fill=\"#000\"><title>{Svg.Escape(label)}: {Svg.Exact(value)}</title></rect>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Renders a bullet bar: a light bar to the forecast, a dark bar to the actual inside it, a black marker at the target.</summary>
    /// <param name="title">The tooltip.</param>
    /// <param name="target">The target.</param>
    /// <param name="actual">The actual to date.</param>
    /// <param name="forecast">The forecast.</param>
    /// <returns>The SVG element.</returns>
    public static string Bullet(string title, double target, double actual, double forecast)
    {
        const double height = 18;
        var max = new[] { target, actual, forecast }.Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.08;
        var svg = Open("bullet", title, height + 4);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"0\" y=\"2\" width=\"{Width}\" height=\"{height}\" fill=\"#EEF1F4\"/>");
        if (max > 0)
        {
            var scale = Width / max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"2\" width=\"{Svg.N(Positive(forecast) * scale)}\" height=\"{height}\" fill=\"{Sky}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{Svg.N(2 + (height / 3))}\" width=\"{Svg.N(Positive(actual) * scale)}\" height=\"{Svg.N(height / 3)}\" fill=\"{Blue}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"marker\" x=\"{Svg.N(Math.Clamp((Positive(target) * scale) - 1.5, 0, Width - 3))}\" y=\"0\" width=\"3\" height=\"{height + 4}\" fill=\"#000\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Renders a sparkline of a series with its last point marked, on a scale from its minimum to its maximum (or a given range).</summary>
    /// <param name="title">The tooltip.</param>
    /// <param name="values">The values in time order; at least two finite ones draw a line.</param>
    /// <param name="low">The bottom of the scale, or <see langword="null"/> for the series' minimum.</param>
    /// <param name="high">The top of the scale, or <see langword="null"/> for the series' maximum.</param>
    /// <returns>The SVG element.</returns>
    public static string Sparkline(string title, IReadOnlyList<double> values, double? low = null, double? high = null)
    {
        const double height = 28, pad = 3;
        var points = values.Where(double.IsFinite).ToArray();
        var svg = Open("sparkline", title, height);
        if (points.Length < 2)
        {
            return svg.Append("</svg>").ToString();
        }

        var min = Math.Min(low ?? points.Min(), points.Min());
        var max = Math.Max(high ?? points.Max(), points.Max());
        if (max - min < 1e-9)
        {
            (min, max) = (min - 1, max + 1);
        }

        var step = (Width - (2 * pad)) / (points.Length - 1);
        var xy = points.Select((v, i) => (X: pad + (i * step), Y: pad + ((max - v) / (max - min) * (height - (2 * pad))))).ToArray();
        svg.Append("<polyline fill=\"none\" stroke=\"").Append(Blue).Append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\" points=\"")
            .Append(string.Join(" ", xy.Select(p => Svg.N(p.X) + "," + Svg.N(p.Y)))).Append("\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Svg.N(xy[^1].X)}\" cy=\"{Svg.N(xy[^1].Y)}\" r=\"2.6\" fill=\"{Blue}\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Renders a step (waterfall) chart lying down: one row per step, a bar from where the previous step ended to where this one ends, labels on the left.</summary>
    /// <param name="title">The tooltip.</param>
    /// <param name="steps">The steps: a label, the start and end values, and the colour.</param>
    /// <returns>The SVG element.</returns>
    public static string Steps(string title, IReadOnlyList<(string Label, double From, double To, string Colour)> steps)
    {
        const double row = 11, left = 78;
        var finite = steps.Where(s => double.IsFinite(s.From) && double.IsFinite(s.To)).ToArray();
        var svg = Open("steps", title, (row * finite.Length) + 2);
        var lo = Math.Min(0, finite.SelectMany(s => new[] { s.From, s.To }).DefaultIfEmpty(0).Min());
        var hi = finite.SelectMany(s => new[] { s.From, s.To }).DefaultIfEmpty(0).Max();
        if (hi - lo <= 0)
        {
            return svg.Append("</svg>").ToString();
        }

        var scale = (Width - left - 2) / (hi - lo);
        for (var i = 0; i < finite.Length; i++)
        {
            var (label, from, to, colour) = finite[i];
            var y = 1 + (i * row);
            var x = left + ((Math.Min(from, to) - lo) * scale);
            var w = Math.Max(0.8, Math.Abs(to - from) * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Svg.N(left - 4)}\" y=\"{Svg.N(y + 8.2)}\" text-anchor=\"end\">{Svg.Escape(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y + 1)}\" width=\"{Svg.N(w)}\" height=\"{row - 2}\" fill=\"{colour}\"><title>{Svg.Escape(label)}: {Svg.Exact(to - from)}</title></rect>");
        }

        if (lo < 0)
        {
            var zero = left - (lo * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(zero)}\" y1=\"0\" x2=\"{Svg.N(zero)}\" y2=\"{Svg.N((row * finite.Length) + 2)}\" stroke=\"#000\" stroke-width=\"0.8\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Renders a row of small squares, one per period, coloured by how it went (met, missed, …).</summary>
    /// <param name="title">The tooltip.</param>
    /// <param name="cells">The periods in time order: a tooltip and a colour each.</param>
    /// <returns>The SVG element.</returns>
    public static string Cells(string title, IReadOnlyList<(string Label, string Colour)> cells)
    {
        const double size = 12, gap = 3;
        var shown = cells.TakeLast((int)(Width / (size + gap))).ToArray();
        var svg = Open("cells", title, size + 2);
        for (var i = 0; i < shown.Length; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(i * (size + gap))}\" y=\"1\" width=\"{size}\" height=\"{size}\" rx=\"2\" fill=\"{shown[i].Colour}\"><title>{Svg.Escape(shown[i].Label)}</title></rect>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static double Positive(double value) => double.IsFinite(value) && value > 0 ? value : 0;

    private static StringBuilder Open(string kind, string title, double height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mini mini-{kind}\" data-chart=\"{kind}\" viewBox=\"0 0 {Width} {Svg.N(height)}\" role=\"img\" aria-label=\"{Svg.Escape(title)}\"><title>{Svg.Escape(title)}</title>");
}
