using System.Globalization;
using System.Net;
using System.Text;

namespace Kam.Cli.Reporting.Charts;

/// <summary>A small writer of SVG markup and the shared geometry of the charts (plot area, nice axis ticks, number labels).</summary>
/// <remarks>Coordinates are written with the invariant culture and at most two decimals, so output is deterministic.</remarks>
internal sealed class Svg
{
    /// <summary>The view box width.</summary>
    public const double Width = 760;

    /// <summary>The view box height.</summary>
    public const double Height = 380;

    /// <summary>The series colours (color-blind-safe Okabe-Ito order).</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#999999"];

    private readonly StringBuilder _text = new();

    /// <summary>Starts an <c>&lt;svg&gt;</c> element with a title.</summary>
    /// <param name="kind">The chart kind.</param>
    /// <param name="title">The title.</param>
    public Svg(string kind, string title)
    {
        Kind = kind;
        Title = title;
        _text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kam-chart kam-chart-{kind}\" data-chart=\"{kind}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\">");
        _text.Append("<title>").Append(Escape(title)).Append("</title>");
        Text(Width / 2, 22, title, "chart-title", "middle");
    }

    /// <summary>Gets the chart kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Escapes text for XML and HTML.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Formats a coordinate.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats a value compactly for axis labels: 1.2M, 350k, 0.25.</summary>
    public static string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "G",
            >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1e4 => (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
            _ => value.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Formats a fraction as a percentage without a space: 0.292 → 29.2%.</summary>
    public static string Percent(double fraction, int decimals = 0) =>
        (fraction * 100).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a value exactly for tooltips: thousands separators, up to two decimals.</summary>
    public static string Exact(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Computes nice axis ticks from 0 (or a negative minimum) to at least <paramref name="max"/>.</summary>
    /// <param name="min">The smallest value to show (0 or less).</param>
    /// <param name="max">The largest value to show.</param>
    /// <param name="count">About how many intervals.</param>
    /// <returns>The tick values, ascending; the first is at most <paramref name="min"/>, the last at least <paramref name="max"/>.</returns>
    public static double[] Ticks(double min, double max, int count = 5)
    {
        if (!(max > min))
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / count);
        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var n = (int)Math.Round((last - first) / step);
        return Enumerable.Range(0, n + 1).Select(i => first + (i * step)).ToArray();
    }

    /// <summary>Checks that values are finite (and, unless allowed, not negative).</summary>
    /// <exception cref="ArgumentException">A value is NaN, infinite or negative.</exception>
    public static void RequireFinite(IEnumerable<double> values, string what, bool allowNegative = false)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || (!allowNegative && v < 0))
            {
                throw new ArgumentException($"The {what} must be finite{(allowNegative ? string.Empty : " and not negative")}; got {v.ToString(CultureInfo.InvariantCulture)}.", nameof(values));
            }
        }
    }

    /// <summary>Appends a rectangle.</summary>
    public Svg Rect(double x, double y, double width, double height, string cssClass, string fill, string? tooltip = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\"");
        return tooltip is null ? Close("/>") : Close("><title>" + Escape(tooltip) + "</title></rect>");
    }

    /// <summary>Appends a line.</summary>
    public Svg Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Close($"<line class=\"{cssClass}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");

    /// <summary>Appends text.</summary>
    public Svg Text(double x, double y, string text, string cssClass, string anchor = "start", double rotate = 0)
    {
        var transform = rotate == 0 ? string.Empty : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"";
        return Close($"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{transform}>{Escape(text)}</text>");
    }

    /// <summary>Appends a polyline through points.</summary>
    public Svg Polyline(IEnumerable<(double X, double Y)> points, string cssClass, string stroke) =>
        Close($"<polyline class=\"{cssClass}\" fill=\"none\" stroke=\"{stroke}\" points=\"{string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))}\"/>");

    /// <summary>Appends a circle.</summary>
    public Svg Circle(double x, double y, double r, string cssClass, string fill, string? tooltip = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<circle class=\"{cssClass}\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"");
        return tooltip is null ? Close("/>") : Close("><title>" + Escape(tooltip) + "</title></circle>");
    }

    /// <summary>Appends a closed polygon.</summary>
    public Svg Polygon(IEnumerable<(double X, double Y)> points, string cssClass, string fill, string? tooltip = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<polygon class=\"{cssClass}\" fill=\"{fill}\" points=\"{string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))}\"");
        return tooltip is null ? Close("/>") : Close("><title>" + Escape(tooltip) + "</title></polygon>");
    }

    /// <summary>Appends a legend (one swatch per name) at the top right.</summary>
    public Svg Legend(IReadOnlyList<string> names, IReadOnlyList<string> colours, double top = 34)
    {
        var x = Width - 20;
        for (var i = names.Count - 1; i >= 0; i--)
        {
            var width = 18 + (names[i].Length * 6.5);
            x -= width;
            Rect(x, top, 10, 10, "legend-swatch", colours[i]);
            Text(x + 14, top + 9, names[i], "legend");
            x -= 10;
        }

        return this;
    }

    /// <summary>Appends a centred "no data" message.</summary>
    public Svg NoData() => Text(Width / 2, Height / 2, "no data", "no-data", "middle");

    /// <summary>Closes the element and returns the chart.</summary>
    public Chart Build() => new(Kind, Title, _text.Append("</svg>").ToString());

    private static double NiceStep(double raw)
    {
        var exponent = Math.Floor(Math.Log10(raw));
        var power = Math.Pow(10, exponent);
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private Svg Close(string text)
    {
        _text.Append(text);
        return this;
    }
}
