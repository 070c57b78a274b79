namespace Kam.Cli.Reporting.Charts;

/// <summary>One point of a scatter plot.</summary>
/// <param name="Id">The point's identifier (an account), shown in its tooltip and, when labelled, beside it.</param>
/// <param name="X">The horizontal value.</param>
/// <param name="Y">The vertical value.</param>
/// <param name="Size">What the point's area shows (a value, 0 or more).</param>
/// <param name="Group">The index of its group (its quadrant): the colour.</param>
/// <param name="Tooltip">The tooltip text.</param>
/// <param name="Label">Whether to write <paramref name="Id"/> beside the point.</param>
internal sealed record ScatterPoint(string Id, double X, double Y, double Size, int Group, string Tooltip, bool Label = false);

/// <summary>A labelled region of a scatter plot: one cell of a matrix, between thresholds.</summary>
/// <param name="XBand">The band of the horizontal axis (0 = left of the first threshold).</param>
/// <param name="YBand">The band of the vertical axis (0 = below the first threshold).</param>
/// <param name="Name">The cell's name.</param>
/// <param name="Note">A second line (the strategy).</param>
internal sealed record ScatterRegion(int XBand, int YBand, string Name, string Note);

/// <summary>One axis of a scatter plot.</summary>
/// <param name="Title">The axis title.</param>
/// <param name="Thresholds">Where the quadrant lines are, ascending.</param>
/// <param name="Min">The lowest value shown, or <see langword="null"/> for the data's.</param>
/// <param name="Max">The highest value shown, or <see langword="null"/> for the data's.</param>
/// <param name="Log">Whether the axis is logarithmic (amounts spread over orders of magnitude): at most four decades, smaller values (and those at or below 0) drawn at its lower end.</param>
internal sealed record ScatterAxis(string Title, IReadOnlyList<double> Thresholds, double? Min = null, double? Max = null, bool Log = false);

/// <summary>Data of a scatter plot with quadrant lines.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="X">The horizontal axis.</param>
/// <param name="Y">The vertical axis.</param>
/// <param name="Points">The points; those labelled are drawn last.</param>
/// <param name="Regions">The regions' labels.</param>
internal sealed record ScatterChartData(string Title, ScatterAxis X, ScatterAxis Y, IReadOnlyList<ScatterPoint> Points, IReadOnlyList<ScatterRegion> Regions);

/// <summary>
/// Renders a scatter plot of a portfolio matrix: dashed lines at the thresholds, each cell's name and strategy in its
/// corner (over the points, on a white halo), one circle per account whose area shows its value and whose colour its cell, and the labelled points named
/// beside them where the name fits without covering another.
/// </summary>
internal static class ScatterChart
{
    private const double Left = 72, Top = 44, Right = Svg.Width - 16, Bottom = Svg.Height - 46;
    private const double MaxRadius = 12, MinRadius = 2.2;
    private const int MaxDecades = 4;

    /// <summary>Renders the chart.</summary>
    /// <param name="data">The data.</param>
    /// <returns>The SVG chart.</returns>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static Chart Render(ScatterChartData data)
    {
        Svg.RequireFinite(data.Points.SelectMany(p => new[] { p.X, p.Y }), "scatter values", allowNegative: true);
        Svg.RequireFinite(data.Points.Select(p => p.Size), "scatter sizes");
        var svg = new Svg("scatter", data.Title);
        if (data.Points.Count == 0)
        {
            return svg.NoData().Build();
        }

        var x = Scale.Of(data.X, data.Points.Select(p => p.X), Left, Right);
        var y = Scale.Of(data.Y, data.Points.Select(p => p.Y), Bottom, Top);
        x.Draw(svg, horizontal: true);
        y.Draw(svg, horizontal: false);
        svg.Text(Left + ((Right - Left) / 2), Svg.Height - 8, data.X.Title, "axis-title", "middle");
        svg.Text(16, Top + ((Bottom - Top) / 2), data.Y.Title, "axis-title", "middle", -90);

        // The quadrant lines and the cells' names, each in the corner of its cell away from the centre.
        var xCuts = new[] { Left }.Concat(data.X.Thresholds.Select(x.Map)).Append(Right).ToArray();
        var yCuts = new[] { Bottom }.Concat(data.Y.Thresholds.Select(y.Map)).Append(Top).ToArray();
        foreach (var cut in xCuts[1..^1])
        {
            svg.Line(cut, Top, cut, Bottom, "threshold");
        }

        foreach (var cut in yCuts[1..^1])
        {
            svg.Line(Left, cut, Right, cut, "threshold");
        }

        var taken = new List<(double X0, double Y0, double X1, double Y1)>();
        var names = new List<(double X, double Y, string Name, string Note, string Anchor)>(); // drawn last, over the points
        foreach (var region in data.Regions)
        {
            if (region.XBand + 1 >= xCuts.Length || region.YBand + 1 >= yCuts.Length)
            {
                continue;
            }

            var (x0, x1) = (xCuts[region.XBand], xCuts[region.XBand + 1]);
            var (yLow, yHigh) = (yCuts[region.YBand], yCuts[region.YBand + 1]);
            var right = region.XBand > 0 && region.XBand == xCuts.Length - 2;
            var top = region.YBand == yCuts.Length - 2;
            var tx = right ? x1 - 6 : x0 + 6;
            var ty = top ? yHigh + 14 : yLow - 20;
            var anchor = right ? "end" : "start";
            names.Add((tx, ty, region.Name, region.Note, anchor));
            var width = Math.Max(region.Name.Length * 6.8, region.Note.Length * 5.6);
            taken.Add((right ? tx - width : tx, ty - 11, right ? tx : tx + width, ty + 15));
        }

        var maxSize = data.Points.Max(p => p.Size);
        double Radius(double size) => maxSize <= 0 ? MinRadius : MinRadius + ((MaxRadius - MinRadius) * Math.Sqrt(size / maxSize));
        foreach (var p in data.Points.Where(p => !p.Label).OrderByDescending(p => p.Size))
        {
            svg.Circle(x.Map(p.X), y.Map(p.Y), Radius(p.Size), "point", Svg.Palette[p.Group % Svg.Palette.Length], p.Tooltip);
        }

        var labelled = data.Points.Where(p => p.Label).ToArray();
        foreach (var p in labelled)
        {
            svg.Circle(x.Map(p.X), y.Map(p.Y), Radius(p.Size), "point point-marked", Svg.Palette[p.Group % Svg.Palette.Length], p.Tooltip);
        }

        // Labels: beside the point (right, left, above, below), only where they cover no other label or cell name.
        foreach (var p in labelled)
        {
            var (cx, cy, r) = (x.Map(p.X), y.Map(p.Y), Radius(p.Size));
            var width = (p.Id.Length * 6.4) + 2;
            (double X, double Y, string Anchor)[] places = [(cx + r + 3, cy + 4, "start"), (cx - r - 3, cy + 4, "end"), (cx, cy - r - 4, "middle"), (cx, cy + r + 12, "middle")];
            foreach (var (lx, ly, anchor) in places)
            {
                var x0 = anchor switch { "start" => lx, "end" => lx - width, _ => lx - (width / 2) };
                var box = (X0: x0, Y0: ly - 10, X1: x0 + width, Y1: ly + 3);
                if (box.X0 < Left || box.X1 > Right || box.Y0 < Top || box.Y1 > Bottom || taken.Any(t => t.X0 < box.X1 && box.X0 < t.X1 && t.Y0 < box.Y1 && box.Y0 < t.Y1))
                {
                    continue;
                }

                taken.Add(box);
                svg.Text(lx, ly, p.Id, "point-label", anchor);
                break;
            }
        }

        foreach (var (tx, ty, name, note, anchor) in names)
        {
            svg.Text(tx, ty, name, "quadrant-label", anchor);
            svg.Text(tx, ty + 12, note, "quadrant-note", anchor);
        }

        return svg.Build();
    }

    /// <summary>One axis's mapping of values to coordinates, linear or logarithmic, with its ticks.</summary>
    private sealed class Scale
    {
        private readonly double _min;
        private readonly double _max;
        private readonly double _from;
        private readonly double _to;
        private readonly bool _log;
        private readonly double[] _ticks;

        private Scale(double min, double max, double from, double to, bool log, double[] ticks)
        {
            (_min, _max, _from, _to, _log, _ticks) = (min, max, from, to, log, ticks);
        }

        public static Scale Of(ScatterAxis axis, IEnumerable<double> values, double from, double to)
        {
            var all = values.Concat(axis.Thresholds).ToArray();
            if (axis.Log)
            {
                var positive = all.Where(v => v > 0).DefaultIfEmpty(1).ToArray();
                var high = Math.Pow(10, Math.Ceiling(Math.Log10(positive.Max())));
                var low = Math.Max(Math.Pow(10, Math.Floor(Math.Log10(positive.Min()))), high / Math.Pow(10, MaxDecades)); // smaller values sit on the axis
                high = high <= low ? low * 10 : high;
                var ticks = new List<double>();
                for (var t = low; t <= high * 1.0001; t *= 10)
                {
                    ticks.Add(t);
                }

                return new Scale(Math.Log10(low), Math.Log10(high), from, to, true, [.. ticks]);
            }

            var min = axis.Min ?? Math.Min(0, all.Min());
            var max = axis.Max ?? all.Max();
            var linear = axis.Min is not null && axis.Max is not null ? Svg.Ticks(min, max, (int)Math.Max(1, Math.Min(10, max - min))) : Svg.Ticks(min, max);
            return new Scale(axis.Min ?? linear[0], axis.Max ?? linear[^1], from, to, false, linear);
        }

        public double Map(double value)
        {
            var v = _log ? Math.Log10(Math.Max(value, Math.Pow(10, _min))) : value;
            var share = _max > _min ? (Math.Clamp(v, _min, _max) - _min) / (_max - _min) : 0.5;
            return _from + ((_to - _from) * share);
        }

        public void Draw(Svg svg, bool horizontal)
        {
            foreach (var tick in _ticks)
            {
                var at = Map(tick);
                var first = tick == _ticks[0];
                if (horizontal)
                {
                    svg.Line(at, Top, at, Bottom, first ? "axis" : "grid");
                    svg.Text(at, Bottom + 14, Svg.Compact(tick), "tick", "middle");
                }
                else
                {
                    svg.Line(Left, at, Right, at, first ? "axis" : "grid");
                    svg.Text(Left - 6, at + 4, Svg.Compact(tick), "tick", "end");
                }
            }
        }
    }
}
