using System.Globalization;
using System.Text;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Review;

/// <summary>
/// Writes one panel of the account review page: a heading, then figures (term and value pairs), graphics with their
/// keys, and one-line notes, in the order added. The panel is one <c>&lt;section class="panel"&gt;</c> that printing
/// never splits.
/// </summary>
internal sealed class ReviewPanel
{
    private readonly StringBuilder _html;
    private readonly ReviewPageInfo _info;
    private bool _inFigures;

    /// <summary>Opens a panel.</summary>
    /// <param name="html">The page being written.</param>
    /// <param name="info">What the page knows beyond the review (why parts are absent).</param>
    /// <param name="id">The panel's id (letters and dashes).</param>
    /// <param name="heading">The heading.</param>
    public ReviewPanel(StringBuilder html, ReviewPageInfo info, string id, string heading)
    {
        _html = html;
        _info = info;
        _html.Append("<section class=\"panel\" id=\"").Append(id).Append("\"><h2>").Append(Svg.Escape(heading)).Append("</h2>\n");
    }

    /// <summary>Adds a figure: a term and its value; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="term">What the figure is.</param>
    /// <param name="value">The value, as printed.</param>
    /// <param name="tone">A CSS class for the value (<c>bad</c>, <c>warn</c>, <c>good</c>), or <see langword="null"/>.</param>
    /// <returns>This panel.</returns>
    public ReviewPanel Figure(string term, string? value, string? tone = null)
    {
        if (value is null)
        {
            return this;
        }

        if (!_inFigures)
        {
            _html.Append("<dl>");
            _inFigures = true;
        }

        _html.Append("<div><dt>").Append(Svg.Escape(term)).Append("</dt><dd").Append(tone is null ? string.Empty : " class=\"" + tone + "\"").Append('>')
            .Append(Svg.Escape(value)).Append("</dd></div>");
        return this;
    }

    /// <summary>Adds a graphic (an SVG element of <see cref="ReviewGraphics"/>) and the key of its parts, if any.</summary>
    /// <param name="svg">The SVG element.</param>
    /// <param name="key">The parts to name under it, with their values.</param>
    /// <returns>This panel.</returns>
    public ReviewPanel Graphic(string svg, params IEnumerable<(string Label, string Colour)> key)
    {
        EndFigures();
        _html.Append("<figure>").Append(svg);
        var items = key.ToArray();
        if (items.Length > 0)
        {
            _html.Append("<figcaption>");
            foreach (var (label, colour) in items)
            {
                _html.Append("<span class=\"key\"><i style=\"background:").Append(colour).Append("\"></i>").Append(Svg.Escape(label)).Append("</span> ");
            }

            _html.Append("</figcaption>");
        }

        _html.Append("</figure>\n");
        return this;
    }

    /// <summary>Adds a one-line note.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cssClass">The note's class (<c>note</c>, <c>absent</c>, <c>bad</c>).</param>
    /// <returns>This panel.</returns>
    public ReviewPanel Note(string text, string cssClass = "note")
    {
        EndFigures();
        _html.Append("<p class=\"").Append(cssClass).Append("\">").Append(Svg.Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds the line saying a part is absent, and why.</summary>
    /// <param name="part">The part.</param>
    /// <returns>This panel.</returns>
    public ReviewPanel Absent(ReviewPart part) => Note(ReviewPage.PartName(part) + ": absent (" + _info.WhyAbsent(part) + ").", "absent");

    /// <summary>Closes the panel.</summary>
    public void End()
    {
        EndFigures();
        _html.Append("</section>\n");
    }

    /// <summary>Formats an amount with thousands separators and no decimals: 1,234,568.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public static string Amount(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Formats an amount with thousands separators and no decimals.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public static string Amount(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Formats a fraction as a percentage: 0.292 → 29.2%.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a fraction as a percentage: 0.292 → 29.2%.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a number with up to two decimals.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats a number with up to two decimals.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private void EndFigures()
    {
        if (_inFigures)
        {
            _html.Append("</dl>\n");
            _inFigures = false;
        }
    }
}
