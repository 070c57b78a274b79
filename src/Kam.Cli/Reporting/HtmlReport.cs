using System.Text;
using Kam.Cli.Reporting.Charts;

namespace Kam.Cli.Reporting;

/// <summary>The <c>--out report.html</c> report: one self-contained HTML page of sections holding charts (inline SVG), tables and text.</summary>
/// <remarks>
/// The page loads nothing: the CSS is inline, the charts are SVG elements, there is no script. It renders the
/// same way in a browser, an e-mail client or a printout. Rendering is deterministic: the same sections give the
/// same bytes (the caller puts any date in the subtitle; the report reads no clock).
/// </remarks>
internal sealed class HtmlReport
{
    private readonly List<ReportSection> _sections = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="subtitle">A line under the title (data source, as-of date), or empty.</param>
    public HtmlReport(string title, string subtitle = "")
    {
        Title = title;
        Subtitle = subtitle;
    }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the subtitle.</summary>
    public string Subtitle { get; }

    /// <summary>Gets the sections in order.</summary>
    public IReadOnlyList<ReportSection> Sections => _sections;

    /// <summary>Adds a section.</summary>
    /// <param name="section">The section.</param>
    /// <returns>This report.</returns>
    public HtmlReport Add(ReportSection section)
    {
        _sections.Add(section);
        return this;
    }

    /// <summary>Renders the page.</summary>
    /// <returns>The HTML document.</returns>
    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Svg.Escape(Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<header><h1>").Append(Svg.Escape(Title)).Append("</h1>");
        if (Subtitle.Length > 0)
        {
            html.Append("<p class=\"subtitle\">").Append(Svg.Escape(Subtitle)).Append("</p>");
        }

        html.Append("</header>\n");
        if (_sections.Count > 1)
        {
            html.Append("<nav><ol>");
            foreach (var section in _sections)
            {
                html.Append("<li><a href=\"#").Append(section.Id).Append("\">").Append(Svg.Escape(section.Heading)).Append("</a></li>");
            }

            html.Append("</ol></nav>\n");
        }

        foreach (var section in _sections)
        {
            section.Render(html);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Text cells longer than this many characters may wrap.</summary>
    private const int WrapAfter = 48;

    /// <summary>The most rows the report shows of one table; a longer table shows its first rows and the count.</summary>
    public const int MaxTableRows = 200;

    /// <summary>Renders a result table as an HTML table: its first <see cref="MaxTableRows"/> rows, and a line giving the count when there are more.</summary>
    internal static void RenderTable(StringBuilder html, ResultTable table)
    {
        html.Append("<figure class=\"table\" data-table=\"").Append(Svg.Escape(table.Name)).Append("\"><figcaption>")
            .Append(Svg.Escape(table.Title)).Append("</figcaption>\n<table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.RightAligned ? "<th class=\"num\">" : "<th>").Append(Svg.Escape(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var shown = Math.Min(table.Rows.Count, MaxTableRows);
        for (var r = 0; r < shown; r++)
        {
            var row = table.Rows[r];
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                // Long text (a reason, an explanation) wraps; everything else stays on one line.
                var text = table.Display(i, row[i]);
                var open = table.Columns[i].RightAligned ? "<td class=\"num\">" : text.Length > WrapAfter ? "<td class=\"wrap\">" : "<td>";
                html.Append(open).Append(Svg.Escape(text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>");
        if (shown < table.Rows.Count)
        {
            html.Append("<p class=\"truncated\">").Append(Svg.Escape(ResultWriter.TruncationNote(shown, table.Rows.Count))).Append(".</p>");
        }

        html.Append("</figure>\n");
    }

    private const string Css = """
        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6573; --rule: #d9dee5; --band: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 64px; }
        header h1 { margin: 0 0 4px; font-size: 26px; }
        .subtitle { margin: 0; color: var(--muted); }
        nav ol { display: flex; flex-wrap: wrap; gap: 4px 28px; list-style-position: inside; padding: 10px 0 0; margin: 0 0 8px; color: var(--muted); }
        nav a { color: #0b5cad; text-decoration: none; }
        section { border-top: 1px solid var(--rule); margin-top: 28px; padding-top: 8px; }
        section h2 { font-size: 20px; margin: 8px 0; }
        section p { color: var(--muted); margin: 4px 0 12px; }
        figure { margin: 12px 0 20px; }
        figure.chart svg { width: 100%; height: auto; display: block; background: #fff; border: 1px solid var(--rule); border-radius: 6px; }
        figcaption { font-weight: 600; margin-bottom: 6px; }
        .kam-chart text { font-family: inherit; fill: var(--ink); }
        .kam-chart .chart-title { font-size: 15px; font-weight: 600; }
        .kam-chart .tick, .kam-chart .legend, .kam-chart .stage-value { font-size: 11px; fill: var(--muted); }
        .kam-chart .stage-label { font-size: 12px; }
        .kam-chart .axis-title { font-size: 12px; fill: var(--muted); }
        .kam-chart .grid { stroke: #e8ebf0; stroke-width: 1; }
        .kam-chart .axis { stroke: #8a94a3; stroke-width: 1; }
        .kam-chart .reference { stroke: #8a94a3; stroke-width: 1; stroke-dasharray: 5 4; }
        .kam-chart .reference-label { font-size: 11px; fill: var(--muted); }
        .kam-chart .cumulative, .kam-chart .line { stroke-width: 2.2; stroke-linejoin: round; }
        .kam-chart .no-data { font-size: 14px; fill: var(--muted); }
        .kam-chart .fan-median { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 4 3; }
        .kam-chart .whisker { stroke: #0072B2; stroke-width: 1.5; }
        .kam-chart .reliability-point { fill-opacity: 0.75; }
        .kam-chart .threshold { stroke: #5b6573; stroke-width: 1.2; stroke-dasharray: 6 4; }
        .kam-chart .quadrant-label { font-size: 12px; font-weight: 600; fill: #3a4452; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .kam-chart .quadrant-note { font-size: 10.5px; fill: var(--muted); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .kam-chart .point { fill-opacity: 0.45; stroke: #fff; stroke-width: 0.5; }
        .kam-chart .point-marked { fill-opacity: 0.9; stroke: #1b1f24; stroke-width: 1.2; }
        .kam-chart .point-label { font-size: 10.5px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 2.5px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; white-space: nowrap; }
        td.wrap { white-space: normal; min-width: 12em; overflow-wrap: anywhere; }
        th { background: var(--band); }
        tbody tr:nth-child(even) { background: #fafbfc; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        figure.table { overflow-x: auto; }
        figure.table p.truncated { margin: 6px 0 0; font-size: 13px; }
        @media print { main { max-width: none; } section { break-inside: avoid; } }

        """;
}
