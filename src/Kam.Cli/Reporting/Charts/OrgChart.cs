using System.Globalization;
using System.Text;

namespace Kam.Cli.Reporting.Charts;

/// <summary>A contact in an org chart.</summary>
/// <param name="Id">The contact's identifier.</param>
/// <param name="Name">The name (the box's first line).</param>
/// <param name="Title">The title or function (the second line).</param>
/// <param name="Boss">The identifier of the contact this one reports to, or <see langword="null"/>.</param>
/// <param name="Level">The level: 0 operational, 1 management, 2 decision (the border).</param>
/// <param name="Attitude">The attitude to us: −2 opponent … 2 supporter (the fill).</param>
/// <param name="Note">A short mark under the title (veto, decisions, leaning), or empty.</param>
internal sealed record OrgNode(string Id, string Name, string Title, string? Boss, int Level, int Attitude, string Note);

/// <summary>One of our relationships in an org chart.</summary>
/// <param name="Person">Our person.</param>
/// <param name="Contact">The contact's identifier.</param>
/// <param name="Strength">The strength 1..5 (the line's width).</param>
/// <param name="Covers">Whether the relationship is strong enough to cover the contact (solid line) or not (dashed).</param>
internal sealed record OrgLink(string Person, string Contact, int Strength, bool Covers);

/// <summary>Data of an org chart: a buying center's contacts by reports-to, and our people's relationships with them.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Nodes">The contacts.</param>
/// <param name="Links">Our relationships.</param>
internal sealed record OrgChartData(string Title, IReadOnlyList<OrgNode> Nodes, IReadOnlyList<OrgLink> Links);

/// <summary>
/// Renders a buying center as an org chart: one box per contact under their boss (reports-to), filled by attitude
/// (vermilion opponent … green supporter), bordered by level (thick black for the decision level, dark for management,
/// thin dashed grey for operational); our people along the bottom, joined to the contacts they know by lines as wide as
/// the relationship is strong (solid when it covers the contact, dashed when it does not).
/// </summary>
internal static class OrgChart
{
    /// <summary>The attitudes' names and fills, opponent first.</summary>
    public static readonly (string Name, string Fill)[] Attitudes =
    [
        ("opponent", "#F2B8A0"), ("skeptical", "#F5D9A0"), ("neutral", "#E6E9EE"), ("favorable", "#BFDDF2"), ("supporter", "#A8DCC8"),
    ];

    private const double BoxHeight = 46;
    private const double Top = 70;
    private const double OurRow = Svg.Height - 34;

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    public static Chart Render(OrgChartData data)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kam-chart kam-chart-org\" data-chart=\"org\" viewBox=\"0 0 {Svg.Width} {Svg.Height}\" role=\"img\" aria-label=\"{Svg.Escape(data.Title)}\">");
        text.Append("<title>").Append(Svg.Escape(data.Title)).Append("</title>");
        Text(text, Svg.Width / 2, 22, data.Title, "chart-title", "middle");
        if (data.Nodes.Count == 0)
        {
            Text(text, Svg.Width / 2, Svg.Height / 2, "no contact mapped", "no-data", "middle");
            return new Chart("org", data.Title, text.Append("</svg>").ToString());
        }

        Legend(text);
        var ids = data.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var children = data.Nodes.Where(n => n.Boss is { } b && ids.Contains(b) && b != n.Id).GroupBy(n => n.Boss!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var roots = data.Nodes.Where(n => n.Boss is null || !ids.Contains(n.Boss) || n.Boss == n.Id).ToList();

        // Leaves get equal slots left to right; a boss sits over the middle of their reports.
        var x = new Dictionary<string, double>(StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var slot = 0;
        var maxDepth = 0;
        void Place(OrgNode node, int level)
        {
            if (!depth.TryAdd(node.Id, level))
            {
                return; // a cycle cannot occur in a validated map; guard anyway
            }

            maxDepth = Math.Max(maxDepth, level);
            var reports = children.GetValueOrDefault(node.Id) ?? [];
            if (reports.Count == 0)
            {
                x[node.Id] = slot++;
                return;
            }

            foreach (var r in reports)
            {
                Place(r, level + 1);
            }

            var placed = reports.Where(r => x.ContainsKey(r.Id)).Select(r => x[r.Id]).ToArray();
            x[node.Id] = placed.Length == 0 ? slot++ : (placed.Min() + placed.Max()) / 2;
        }

        foreach (var root in roots)
        {
            Place(root, 0);
        }

        foreach (var node in data.Nodes.Where(n => !x.ContainsKey(n.Id)))
        {
            depth[node.Id] = 0;
            x[node.Id] = slot++;
        }

        const double left = 16, right = Svg.Width - 16;
        var slotWidth = (right - left) / Math.Max(1, slot);
        var boxWidth = Math.Min(150, slotWidth - 8);
        var rowGap = Math.Min(86, (OurRow - 60 - Top - BoxHeight) / Math.Max(1, maxDepth));
        double Cx(string id) => left + ((x[id] + 0.5) * slotWidth);
        double Y(string id) => Top + (depth[id] * rowGap);

        // Reports-to lines (elbows), under the boxes.
        foreach (var node in data.Nodes.Where(n => n.Boss is { } b && ids.Contains(b) && b != n.Id))
        {
            var (bx, by) = (Cx(node.Boss!), Y(node.Boss!) + BoxHeight);
            var (cx, cy) = (Cx(node.Id), Y(node.Id));
            var mid = (by + cy) / 2;
            text.Append(CultureInfo.InvariantCulture, $"<polyline class=\"org-reports\" fill=\"none\" stroke=\"#8a94a3\" stroke-width=\"1.2\" points=\"{Svg.N(bx)},{Svg.N(by)} {Svg.N(bx)},{Svg.N(mid)} {Svg.N(cx)},{Svg.N(mid)} {Svg.N(cx)},{Svg.N(cy)}\"/>");
        }

        // Our people along the bottom, and their relationships.
        var people = data.Links.Select(l => l.Person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var personWidth = (right - left) / Math.Max(1, people.Length);
        double Px(string person) => left + ((Array.IndexOf(people, person) + 0.5) * personWidth);
        foreach (var link in data.Links.Where(l => ids.Contains(l.Contact)))
        {
            var dash = link.Covers ? string.Empty : " stroke-dasharray=\"5 4\"";
            var tip = string.Create(CultureInfo.InvariantCulture, $"{link.Person} – {link.Contact}: strength {link.Strength} of 5{(link.Covers ? ", covers" : ", does not cover")}");
            text.Append(CultureInfo.InvariantCulture, $"<line class=\"org-relationship\" x1=\"{Svg.N(Px(link.Person))}\" y1=\"{Svg.N(OurRow - 9)}\" x2=\"{Svg.N(Cx(link.Contact))}\" y2=\"{Svg.N(Y(link.Contact) + BoxHeight)}\" stroke=\"{Svg.Palette[0]}\" stroke-opacity=\"0.75\" stroke-width=\"{Svg.N(0.8 + (link.Strength * 0.8))}\"{dash}><title>{Svg.Escape(tip)}</title></line>");
        }

        foreach (var person in people)
        {
            var px = Px(person);
            var width = Math.Min(personWidth - 6, 20 + (person.Length * 7));
            text.Append(CultureInfo.InvariantCulture, $"<rect class=\"org-person\" x=\"{Svg.N(px - (width / 2))}\" y=\"{Svg.N(OurRow - 9)}\" width=\"{Svg.N(width)}\" height=\"18\" rx=\"9\" fill=\"{Svg.Palette[0]}\"><title>{Svg.Escape("our person " + person)}</title></rect>");
            text.Append(CultureInfo.InvariantCulture, $"<text class=\"org-person-label\" x=\"{Svg.N(px)}\" y=\"{Svg.N(OurRow + 4)}\" text-anchor=\"middle\" fill=\"#ffffff\" style=\"fill:#ffffff;font-size:11px\">{Svg.Escape(person)}</text>");
        }

        Text(text, left, OurRow - 16, "our people", "tick", "start");

        // The boxes.
        foreach (var node in data.Nodes)
        {
            var (cx, y) = (Cx(node.Id), Y(node.Id));
            var fill = Attitudes[Math.Clamp(node.Attitude + 2, 0, 4)].Fill;
            var (stroke, width, dash) = node.Level switch
            {
                2 => ("#000000", 3.0, string.Empty),
                1 => ("#3d4653", 1.6, string.Empty),
                _ => ("#8a94a3", 1.0, " stroke-dasharray=\"4 3\""),
            };
            var level = node.Level switch { 2 => "decision", 1 => "management", _ => "operational" };
            var tip = $"{node.Name} ({node.Id}), {node.Title}: {level} level, {Attitudes[Math.Clamp(node.Attitude + 2, 0, 4)].Name}{(node.Note.Length > 0 ? "; " + node.Note : string.Empty)}";
            text.Append(CultureInfo.InvariantCulture, $"<rect class=\"org-box org-level-{level}\" x=\"{Svg.N(cx - (boxWidth / 2))}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(boxWidth)}\" height=\"{BoxHeight}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{Svg.N(width)}\"{dash}><title>{Svg.Escape(tip)}</title></rect>");
            var chars = (int)Math.Max(4, boxWidth / 6.4);
            Text(text, cx, y + 15, Clip(node.Name, chars), "stage-label", "middle");
            Text(text, cx, y + 28, Clip(node.Title, chars + 2), "tick", "middle");
            if (node.Note.Length > 0)
            {
                Text(text, cx, y + 40, Clip(node.Note, chars + 2), "tick", "middle");
            }
        }

        return new Chart("org", data.Title, text.Append("</svg>").ToString());
    }

    private static void Legend(StringBuilder text)
    {
        var x = 16.0;
        foreach (var (name, fill) in Attitudes)
        {
            text.Append(CultureInfo.InvariantCulture, $"<rect class=\"legend-swatch\" x=\"{Svg.N(x)}\" y=\"34\" width=\"10\" height=\"10\" fill=\"{fill}\" stroke=\"#8a94a3\" stroke-width=\"0.5\"/>");
            Text(text, x + 14, 43, name, "legend", "start");
            x += 24 + (name.Length * 6.5);
        }

        Text(text, 16, 58, "border: thick = decision, solid = management, dashed = operational · lines: our relationships (dashed: not covering)", "legend", "start");
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..Math.Max(1, length - 1)] + "…" : text;

    private static void Text(StringBuilder text, double x, double y, string content, string cssClass, string anchor) =>
        text.Append(CultureInfo.InvariantCulture, $"<text class=\"{cssClass}\" x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" text-anchor=\"{anchor}\">{Svg.Escape(content)}</text>");
}
