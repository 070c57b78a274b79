using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core;
using Kam.Core.Portfolio.Matrices;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Portfolio;

/// <summary>The tables and report sections of <c>kam portfolio</c>: the ranked risks and opportunities, the accounts' cells in the two matrices (with the scatter plots), and the parts read or absent.</summary>
internal static class PortfolioViews
{
    /// <summary>The most points a scatter plot draws (the largest values, and every labelled one).</summary>
    public const int ChartedPoints = 1500;

    /// <summary>How many of the top risks the scatter plots name.</summary>
    public const int LabelledRisks = 10;

    /// <summary>What the attractiveness × strength chart means (the report's text under it).</summary>
    public const string StrengthText = "Each circle is an account: to the right the more attractive it is to us, higher up the stronger the customer rates us against competitors; the dashed lines are the thresholds (5 on both scales) and each quarter names its cell and strategy — invest in the strategic accounts (top right), build the development ones, maintain status accounts and serve the streamline ones at least cost. The largest circles earn the most revenue; the accounts named are the top risks of the dashboard.";

    /// <summary>What the current × future value chart means (the report's text under it).</summary>
    public const string ValueText = "Each circle is an account: to the right the more revenue it brings now, higher up the more it is expected to spend over the next 12 months; the dashed lines are the portfolio's medians and each quarter names its cell and strategy — focus on stars and cash cows, control spending on dogs, drop wildcats. The accounts named are the top risks of the dashboard.";

    private const string Amount = "N0";

    /// <summary>Gets every table, in output order.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">How many entries the risk and opportunity tables show one by one (0: every one).</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> Tables(PortfolioResult result, int top = PortfolioCommand.DefaultTop) =>
        [Ranking(result, "risks", result.Dashboard.Risks, top), Ranking(result, "opportunities", result.Dashboard.Opportunities, top), Matrix(result), Cells(result), Parts(result)];

    /// <summary>Gets the ranked risks or opportunities: the first <paramref name="top"/> one by one, the others as one row.</summary>
    /// <param name="result">The result.</param>
    /// <param name="name">The table's name: <c>risks</c> or <c>opportunities</c>.</param>
    /// <param name="entries">The ranked entries.</param>
    /// <param name="top">How many one by one (0: every one).</param>
    /// <returns>The table.</returns>
    public static ResultTable Ranking(PortfolioResult result, string name, IReadOnlyList<DashboardEntry> entries, int top)
    {
        var shown = top <= 0 ? entries.Count : Math.Min(top, entries.Count);
        var what = name == "risks" ? "Risks" : "Opportunities";
        var title = Invariant($"{what} as of {result.Data.AsOf:yyyy-MM-dd}: accounts ranked by score (the weights of the rules that fired), then value at stake ({result.Data.Currency})");
        var table = new ResultTable(name, shown < entries.Count ? Invariant($"{title}: the first {shown}, then the other {entries.Count - shown}") : title,
            ResultColumn.Number("rank"), ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("owner"), ResultColumn.Number("score", "0.##"),
            ResultColumn.Number("value_at_stake", Amount), ResultColumn.Text("rules"), ResultColumn.Text("reasons"), ResultColumn.Text("action"));
        for (var i = 0; i < shown; i++)
        {
            var e = entries[i];
            table.Add(
                i + 1, e.Account.Value, result.Data.Names.GetValueOrDefault(e.Account, string.Empty), Owner(result, e.Account), Round(e.Score), Round(e.ValueAtStake),
                string.Join(", ", e.Findings.Select(f => f.Rule.Code)),
                string.Join(" | ", e.Findings.Select(f => f.Rule.Code + ": " + string.Join("; ", f.Conditions))),
                string.Join(" | ", e.Findings.Select(f => f.Rule.Action)));
        }

        if (shown < entries.Count)
        {
            var rest = entries.Skip(shown).ToArray();
            var counts = rest.SelectMany(e => e.Findings).GroupBy(f => f.Rule.Code, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
            table.Add(
                null, Invariant($"(other {rest.Length})"), string.Empty, string.Empty, Round(rest.Sum(e => e.Score)), Round(rest.Sum(e => e.ValueAtStake)),
                string.Join(", ", counts.Select(g => Invariant($"{g.Key} {g.Count()}"))), string.Empty, string.Empty);
        }

        return table;
    }

    /// <summary>Gets each account's cell in each matrix.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Matrix(PortfolioResult result)
    {
        var table = new ResultTable("matrix", Invariant($"Each account's cell in the portfolio matrices as of {result.Data.AsOf:yyyy-MM-dd} (x, y: the account's place on the matrix's axes; value: what it weighs, {result.Data.Currency})"),
            ResultColumn.Text("matrix"), ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("x_axis"), ResultColumn.Number("x", "#,0.##"), ResultColumn.Text("y_axis"),
            ResultColumn.Number("y", "#,0.##"), ResultColumn.Number("value", Amount), ResultColumn.Text("cell"), ResultColumn.Text("strategy"));
        foreach (var view in Views(result))
        {
            var matrix = view.Placement.Matrix;
            foreach (var a in view.Placement.Accounts)
            {
                table.Add(
                    matrix.Name, a.Account.Value, result.Data.Names.GetValueOrDefault(a.Account, string.Empty), matrix.X.Name, Plain(a.Point.X), matrix.Y.Name, Plain(a.Point.Y),
                    Plain(a.Point.Value.Amount), a.Cell.Name, a.Cell.StrategyCode);
            }
        }

        return table;
    }

    /// <summary>Gets each cell's count and value, empty cells included.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Cells(PortfolioResult result)
    {
        var table = new ResultTable("cells", Invariant($"The accounts and value in each cell ({result.Data.Currency}; the value matrix's thresholds are the portfolio's medians)"),
            ResultColumn.Text("matrix"), ResultColumn.Text("cell"), ResultColumn.Text("x_band"), ResultColumn.Text("y_band"), ResultColumn.Text("strategy"), ResultColumn.Number("accounts"),
            ResultColumn.Number("value", Amount), ResultColumn.Text("thresholds"));
        foreach (var view in Views(result))
        {
            var matrix = view.Placement.Matrix;
            var thresholds = Invariant($"{matrix.X.Name} {string.Join("/", matrix.X.Thresholds.Select(t => Plain(t).ToString("#,0.##", CultureInfo.InvariantCulture)))}; {matrix.Y.Name} {string.Join("/", matrix.Y.Thresholds.Select(t => Plain(t).ToString("#,0.##", CultureInfo.InvariantCulture)))}");
            foreach (var c in view.Placement.ByCell)
            {
                table.Add(matrix.Name, c.Cell.Name, matrix.X.BandName(c.Cell.XBand), matrix.Y.BandName(c.Cell.YBand), c.Cell.StrategyCode, c.Count, Plain(c.Value.Amount), thresholds);
            }
        }

        return table;
    }

    /// <summary>Gets the parts of the review: present (and from which files) or absent (and why).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Parts(PortfolioResult result)
    {
        var data = result.Data;
        var read = data.FilesRead.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var table = new ResultTable("parts", Invariant($"The parts of the account review: what was read from {(Path.GetDirectoryName(data.FilesRead[0]) is { Length: > 0 } dir ? dir : ".")} and what is absent"),
            ResultColumn.Text("part"), ResultColumn.Text("present"), ResultColumn.Text("files"), ResultColumn.Text("why_absent"));
        foreach (var part in Enum.GetValues<ReviewPart>().Where(p => p != ReviewPart.Extension))
        {
            var why = data.WhyAbsent(part);
            var files = PortfolioFiles.Feeds[part].Where(f => read.Contains(f));
            table.Add(part.ToString(), why is null ? "yes" : "no", why is null ? string.Join(' ', files) : string.Empty, why ?? string.Empty);
        }

        return table;
    }

    /// <summary>Gets the scatter plot of a matrix: one circle per account (the largest values when there are many), the top risks named.</summary>
    /// <param name="result">The result.</param>
    /// <param name="view">The matrix.</param>
    /// <returns>The chart.</returns>
    public static Chart Scatter(PortfolioResult result, MatrixView view)
    {
        var placement = view.Placement;
        var matrix = placement.Matrix;
        var cells = matrix.Cells.ToList();
        var risks = result.Dashboard.TopRisks(LabelledRisks).Select(e => e.Account).ToHashSet();
        var shown = placement.Accounts
            .OrderByDescending(a => risks.Contains(a.Account)).ThenByDescending(a => a.Point.Value.Amount).ThenBy(a => a.Account.Value, StringComparer.Ordinal)
            .Take(ChartedPoints).ToArray();
        var points = shown.Select(a => new ScatterPoint(
            a.Account.Value, (double)a.Point.X, (double)a.Point.Y, Math.Max(0, (double)a.Point.Value.Amount), cells.IndexOf(a.Cell),
            Invariant($"{result.Label(a.Account)}: {a.Cell.Name} — {matrix.X.Name} {Svg.Exact((double)a.Point.X)}, {matrix.Y.Name} {Svg.Exact((double)a.Point.Y)}, value {Svg.Exact((double)a.Point.Value.Amount)}"),
            risks.Contains(a.Account))).ToArray();
        var title = placement.Accounts.Count > shown.Length
            ? Invariant($"{Capital(matrix.X.Name)} x {matrix.Y.Name}: the {shown.Length:N0} largest of {placement.Accounts.Count:N0} accounts")
            : Invariant($"{Capital(matrix.X.Name)} x {matrix.Y.Name}: {placement.Accounts.Count} accounts");
        return ScatterChart.Render(new ScatterChartData(
            title,
            Axis(matrix.X, view.Log, view.Log ? result.Data.Currency.Code : "score"),
            Axis(matrix.Y, view.Log, view.Log ? result.Data.Currency.Code : "score"),
            points,
            [.. matrix.Cells.Select(c => new ScatterRegion(c.XBand, c.YBand, c.Name, c.StrategyCode))]));
    }

    /// <summary>Gets the report sections: the dashboard, the two matrices with their charts, and the parts.</summary>
    /// <param name="result">The result.</param>
    /// <param name="tables">The tables (of <see cref="Tables"/>), by name.</param>
    /// <returns>The sections.</returns>
    public static IReadOnlyList<ReportSection> ReportSections(PortfolioResult result, IReadOnlyList<ResultTable> tables)
    {
        ResultTable Table(string name) => tables.First(t => t.Name == name);
        var d = result.Dashboard;
        var sections = new List<ReportSection>
        {
            new ReportSection("portfolio-risks", "Risks: the accounts to act on first",
                    Invariant($"{d.Risks.Count} of {d.AccountCount} accounts fire at least one risk rule; each row lists the rules that fired with the values that made them fire, the value at stake and the action."))
                .Add(Table("risks")),
            new ReportSection("portfolio-opportunities", "Opportunities", Invariant($"{d.Opportunities.Count} of {d.AccountCount} accounts fire at least one opportunity rule."))
                .Add(Table("opportunities")),
        };

        var matrices = new ReportSection("portfolio-matrices", "The portfolio matrices", result.MovementsWhy);
        foreach (var (view, why, text) in new[] { (result.Strength, result.StrengthWhy, StrengthText), (result.Value, result.ValueWhy, ValueText) })
        {
            if (view is null)
            {
                matrices.AddParagraph(why ?? string.Empty);
                continue;
            }

            matrices.Add(Scatter(result, view)).AddParagraph(text + " " + view.Derivation);
            if (view.UnplacedWhy is { } unplaced)
            {
                matrices.AddParagraph(unplaced);
            }
        }

        matrices.Add(Table("cells")).Add(Table("matrix"));
        sections.Add(matrices);
        sections.Add(new ReportSection("portfolio-parts", "What the review is built from",
                Invariant($"Files read: {string.Join(", ", result.Data.FilesRead.Select(Path.GetFileName))}. As of {result.Data.AsOf:yyyy-MM-dd}; amounts in {result.Data.Currency}."))
            .Add(Table("parts")));
        return sections;
    }

    private static IEnumerable<MatrixView> Views(PortfolioResult result) => new[] { result.Strength, result.Value }.OfType<MatrixView>();

    private static ScatterAxis Axis(MatrixAxis axis, bool log, string unit) =>
        new(Invariant($"{Capital(axis.Name)} ({unit})"), [.. axis.Thresholds.Select(t => (double)t)], axis.Min is { } min ? (double)min : null, axis.Max is { } max ? (double)max : null, log);

    private static string Owner(PortfolioResult result, AccountId account) =>
        result.Data.Hierarchy is { } h && h.Contains(account) ? h.Account(account).Owner.Value : string.Empty;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // 10.00 → 10: amounts without the trailing zeros of decimal arithmetic.
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    private static double Round(double value) => Math.Round(value, 2);
}
