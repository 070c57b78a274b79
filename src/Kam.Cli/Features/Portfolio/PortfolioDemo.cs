using System.Globalization;
using Kam.Cli.Features.Shared;

namespace Kam.Cli.Features.Portfolio;

/// <summary>The portfolio part of <c>kam demo</c>: a few lines of what <c>kam portfolio</c> prints in full.</summary>
internal static class PortfolioDemo
{
    /// <summary>How many risks and opportunities the part lists.</summary>
    public const int Shown = 5;

    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="result">The portfolio of the sample as of its last day.</param>
    public static void Write(DemoContext demo, PortfolioResult result)
    {
        var output = demo.Output;
        var d = result.Dashboard;
        var data = result.Data;
        demo.Heading("Portfolio — risks, opportunities and the portfolio matrices (kam portfolio)");
        output.WriteLine(Invariant($"{d.AccountCount} accounts reviewed as of {data.AsOf:yyyy-MM-dd} under the default rules; parts absent: {string.Join(", ", data.Absent.Select(a => $"{a.Part} ({a.Why})"))}."));
        output.WriteLine(Invariant($"{d.Risks.Count} accounts fire a risk rule, {d.Opportunities.Count} an opportunity rule; by rule: {string.Join(", ", d.CountsByRule.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"))}."));
        output.WriteLine("Top risks (score = sum of the rules' weights; value at stake):");
        foreach (var e in d.TopRisks(Shown))
        {
            output.WriteLine(Invariant($"  {result.Label(e.Account)}: {e.Score:0.##}, {e.ValueAtStake:N0} — {string.Join(", ", e.Findings.Select(f => f.Rule.Code))}"));
        }

        output.WriteLine("Top opportunities:");
        foreach (var e in d.TopOpportunities(Shown))
        {
            output.WriteLine(Invariant($"  {result.Label(e.Account)}: {e.Score:0.##}, {e.ValueAtStake:N0} — {string.Join(", ", e.Findings.Select(f => f.Rule.Code))}"));
        }

        foreach (var view in new[] { result.Strength, result.Value }.OfType<MatrixView>())
        {
            var cells = string.Join(", ", view.Placement.ByCell.Select(c => Invariant($"{c.Cell.Name} {c.Count}")));
            output.WriteLine(Invariant($"Matrix {view.Placement.Matrix.Name}: {view.Placement.Accounts.Count} accounts placed — {cells}."));
        }

        if (demo.Report is { } report)
        {
            foreach (var section in PortfolioViews.ReportSections(result, PortfolioViews.Tables(result)))
            {
                report.Add(section);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
