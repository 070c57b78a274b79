using System.Text;
using Kam.Cli.Reporting.Charts;

namespace Kam.Cli.Reporting;

/// <summary>A section of the <see cref="HtmlReport"/>: a heading, an optional introduction, and blocks (charts, tables, paragraphs) in order.</summary>
internal sealed class ReportSection
{
    private readonly List<Action<StringBuilder>> _blocks = [];
    private readonly List<Chart> _charts = [];
    private readonly List<ResultTable> _tables = [];

    /// <summary>Creates a section.</summary>
    /// <param name="id">The anchor id (letters, digits and dashes), e.g. <c>tiers</c>.</param>
    /// <param name="heading">The heading.</param>
    /// <param name="introduction">A sentence under the heading, or empty.</param>
    public ReportSection(string id, string heading, string introduction = "")
    {
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("A section id is letters, digits and dashes.", nameof(id));
        }

        Id = id;
        Heading = heading;
        Introduction = introduction;
    }

    /// <summary>Gets the anchor id.</summary>
    public string Id { get; }

    /// <summary>Gets the heading.</summary>
    public string Heading { get; }

    /// <summary>Gets the introduction.</summary>
    public string Introduction { get; }

    /// <summary>Gets the charts added, in order.</summary>
    public IReadOnlyList<Chart> Charts => _charts;

    /// <summary>Gets the tables added, in order.</summary>
    public IReadOnlyList<ResultTable> Tables => _tables;

    /// <summary>Adds a chart.</summary>
    public ReportSection Add(Chart chart)
    {
        _charts.Add(chart);
        _blocks.Add(html => html.Append("<figure class=\"chart\" data-chart=\"").Append(chart.Kind).Append("\">").Append(chart.Svg).Append("</figure>\n"));
        return this;
    }

    /// <summary>Adds a table.</summary>
    public ReportSection Add(ResultTable table)
    {
        _tables.Add(table);
        _blocks.Add(html => HtmlReport.RenderTable(html, table));
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    public ReportSection AddParagraph(string text)
    {
        _blocks.Add(html => html.Append("<p>").Append(Svg.Escape(text)).Append("</p>\n"));
        return this;
    }

    internal void Render(StringBuilder html)
    {
        html.Append("<section id=\"").Append(Id).Append("\">\n<h2>").Append(Svg.Escape(Heading)).Append("</h2>\n");
        if (Introduction.Length > 0)
        {
            html.Append("<p>").Append(Svg.Escape(Introduction)).Append("</p>\n");
        }

        foreach (var block in _blocks)
        {
            block(html);
        }

        html.Append("</section>\n");
    }
}
