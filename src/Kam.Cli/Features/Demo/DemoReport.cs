using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Cli.Sample;

namespace Kam.Cli.Features.Demo;

/// <summary>Starts <c>kam demo --out report.html</c>: the report with a description of the generated sample; each engine's part adds its sections.</summary>
internal static class DemoReport
{
    /// <summary>Creates the report with its first section, the sample itself.</summary>
    /// <param name="sample">The generated sample.</param>
    /// <returns>The report.</returns>
    public static HtmlReport Create(SampleDataSet sample)
    {
        var report = new HtmlReport("kam demo report", $"Generated sample portfolio of seed {sample.Seed.ToString(CultureInfo.InvariantCulture)}, as of {sample.AsOf:yyyy-MM-dd}.");
        var generated = new ReportSection("sample", "The generated sample portfolio",
            $"{sample.Accounts.Count} accounts, {sample.Salespeople.Count} salespeople, {sample.Opportunities.Count} opportunities, {sample.Deals.Count} deals, {sample.Transactions.Count} purchases over two years (seeded, deterministic).");
        var months = sample.Transactions.GroupBy(t => (t.Date.Year, t.Date.Month)).OrderBy(g => g.Key).ToArray();
        generated.Add(BarChart.Render(new BarChartData(
            "Sample purchases per month",
            months.Select(g => $"{g.Key.Year}-{g.Key.Month:00}").ToArray(),
            [new ChartSeries("purchases", months.Select(g => (double)g.Count()).ToArray())],
            "purchases")));
        return report.Add(generated);
    }
}
