namespace Kam.Cli.Reporting.Charts;

/// <summary>One assessed cell of a heat map.</summary>
/// <param name="Row">The row index.</param>
/// <param name="Column">The column index.</param>
/// <param name="State">The cell's state (its colour): Ours, Competitor, OpenOpportunity, NotApplicable or WhiteSpace.</param>
/// <param name="Value">The value that shades a white-space cell (0 for the others).</param>
/// <param name="Detail">A short text in the cell (the competitor, the opportunity or the value).</param>
internal sealed record HeatMapCell(int Row, int Column, string State, double Value, string Detail);

/// <summary>A heat map of a grid (the whitespace grid: offerings × the account's business units).</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Rows">The row labels.</param>
/// <param name="Columns">The column labels.</param>
/// <param name="Cells">The assessed cells; a pair without a cell is drawn as not assessed.</param>
/// <param name="RowTotals">The total per row (shown at the right).</param>
/// <param name="ColumnTotals">The total per column (shown at the bottom).</param>
/// <param name="States">The states and their colours (the legend), or <see langword="null"/> for the whitespace grid's.</param>
internal sealed record HeatMapData(string Title, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<HeatMapCell> Cells, IReadOnlyList<double> RowTotals, IReadOnlyList<double> ColumnTotals, IReadOnlyList<(string State, string Colour)>? States = null);

/// <summary>
/// Renders a heat map: one coloured square per cell by state (white space in orange, darker the larger its value; ours
/// blue; competitor's vermilion; an open opportunity green; not applicable grey; not assessed white), its detail inside,
/// row and column totals at the edges and a legend.
/// </summary>
internal static class HeatMap
{
    private static readonly (string State, string Colour)[] States =
    [
        ("Ours", "#0072B2"), ("Competitor", "#D55E00"), ("OpenOpportunity", "#009E73"), ("WhiteSpace", "#E69F00"), ("NotApplicable", "#cfd4dc"),
    ];

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A cell lies outside the grid, or a value is not finite.</exception>
    public static Chart Render(HeatMapData data)
    {
        Svg.RequireFinite(data.Cells.Select(c => c.Value), "heat map values");
        if (data.Cells.Any(c => c.Row < 0 || c.Row >= data.Rows.Count || c.Column < 0 || c.Column >= data.Columns.Count))
        {
            throw new ArgumentException("A heat map cell lies outside the grid.", nameof(data));
        }

        var svg = new Svg("heatmap", data.Title);
        if (data.Rows.Count == 0 || data.Columns.Count == 0)
        {
            return svg.NoData().Build();
        }

        var states = data.States ?? States;
        svg.Legend(states.Select(s => s.State).ToArray(), states.Select(s => s.Colour).ToArray());
        var left = Math.Clamp(16 + (7.4 * data.Rows.Max(r => Math.Min(r.Length, 28))), 100, 240);
        const double right = Svg.Width - 90, top = 78, bottom = Svg.Height - 30;
        var cellWidth = (right - left) / data.Columns.Count;
        var cellHeight = Math.Min(64, (bottom - top) / data.Rows.Count);
        var maxValue = data.Cells.Where(c => c.State == "WhiteSpace").Select(c => c.Value).DefaultIfEmpty(0).Max();
        for (var c = 0; c < data.Columns.Count; c++)
        {
            var label = data.Columns[c].Length > 22 ? data.Columns[c][..21] + "…" : data.Columns[c];
            svg.Text(left + ((c + 0.5) * cellWidth), top - 8, label, "stage-label", "middle");
        }

        for (var r = 0; r < data.Rows.Count; r++)
        {
            var y = top + (r * cellHeight);
            var label = data.Rows[r].Length > 28 ? data.Rows[r][..27] + "…" : data.Rows[r];
            svg.Text(left - 8, y + (cellHeight / 2) + 4, label, "stage-label", "end");
            svg.Text(right + 8, y + (cellHeight / 2) + 4, r < data.RowTotals.Count ? Svg.Compact(data.RowTotals[r]) : string.Empty, "stage-value");
            for (var c = 0; c < data.Columns.Count; c++)
            {
                svg.Rect(left + (c * cellWidth) + 1, y + 1, cellWidth - 2, cellHeight - 2, "heat-cell heat-none", "#ffffff", $"{data.Rows[r]} × {data.Columns[c]}: not assessed");
            }
        }

        foreach (var cell in data.Cells)
        {
            var colour = states.FirstOrDefault(s => s.State == cell.State).Colour ?? "#cfd4dc";
            var opacity = cell.State == "WhiteSpace" && maxValue > 0 ? 0.3 + (0.5 * cell.Value / maxValue) : 0.45; // light enough for the dark label
            var x = left + (cell.Column * cellWidth) + 1;
            var y = top + (cell.Row * cellHeight) + 1;
            svg.Rect(x, y, cellWidth - 2, cellHeight - 2, "heat-cell", Shade(colour, opacity), $"{data.Rows[cell.Row]} × {data.Columns[cell.Column]}: {cell.State}{(cell.Detail.Length > 0 ? " — " + cell.Detail : string.Empty)}");
            var text = cell.Detail.Length > 0 ? cell.Detail : cell.State;
            svg.Text(x + ((cellWidth - 2) / 2), y + (cellHeight / 2) + 3, text.Length > 18 ? text[..17] + "…" : text, "tick", "middle");
        }

        for (var c = 0; c < data.Columns.Count && c < data.ColumnTotals.Count; c++)
        {
            svg.Text(left + ((c + 0.5) * cellWidth), top + (data.Rows.Count * cellHeight) + 16, Svg.Compact(data.ColumnTotals[c]), "stage-value", "middle");
        }

        return svg.Build();
    }

    // Mixes a colour with white: opacity 1 keeps it, lower fades it (an SVG fill without an opacity attribute).
    private static string Shade(string colour, double opacity)
    {
        var rgb = Convert.FromHexString(colour.AsSpan(1));
        var mixed = rgb.Select(b => (byte)Math.Round(255 - ((255 - b) * Math.Clamp(opacity, 0, 1)))).ToArray();
        return "#" + Convert.ToHexString(mixed);
    }
}
