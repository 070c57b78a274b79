using System.Globalization;
using Kam.Cli.Demo.Sample;
using Kam.Cli.Output;
using Kam.Cli.Report;
using Kam.Cli.Report.Charts;
using Kam.Core;

namespace Kam.Cli.Demo;

/// <summary>Builds <c>kam demo --out report.html</c>: the report sections that the data available without the engines supports.</summary>
/// <remarks>
/// Today: the embedded portfolio's revenue shares (Pareto) with its account table, and a description of the
/// generated sample (revenue Pareto of its accounts, monthly purchases, two-year spend per customer). The engine
/// sections (tiers, funnel, forecast, anomalies, pay, survival and lifetime value) are added through
/// <see cref="KamReportSections"/> as the engines are wired.
/// </remarks>
internal static class DemoReport
{
    /// <summary>Builds the report.</summary>
    /// <param name="portfolio">The embedded portfolio.</param>
    /// <param name="sample">The generated sample.</param>
    /// <returns>The report.</returns>
    public static HtmlReport Build(SamplePortfolio portfolio, SampleDataSet sample)
    {
        var report = new HtmlReport("kam demo report", $"{portfolio.Name}, as of {portfolio.AsOf:yyyy-MM-dd}; generated sample of seed {sample.Seed.ToString(CultureInfo.InvariantCulture)}.");
        var accounts = portfolio.Accounts.OrderByDescending(a => a.Revenue).ThenBy(a => a.Id).ToArray();
        var total = accounts.Sum(a => a.Revenue);
        var table = new ResultTable("accounts", "Accounts by revenue", ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("industry"),
            ResultColumn.Number("revenue", "N0"), ResultColumn.Number("share %", "0.0"), ResultColumn.Number("contribution", "N0"));
        foreach (var a in accounts)
        {
            table.Add(a.Id.Value, a.Name, a.Industry, a.Revenue, Math.Round(a.Revenue / total * 100, 1), a.GrossProfit - a.CostToServe);
        }

        report.Add(KamReportSections.TierDistribution(
            new ParetoChartData("Revenue share by account", accounts.Select(a => a.Name).ToArray(), accounts.Select(a => (double)a.Revenue).ToArray(), portfolio.Currency.Code),
            detail: table));

        var generated = new ReportSection("sample", "The generated sample portfolio",
            $"{sample.Accounts.Count} accounts, {sample.Salespeople.Count} salespeople, {sample.Opportunities.Count} opportunities, {sample.Deals.Count} deals, {sample.Transactions.Count} purchases over two years (seeded, deterministic).");
        var ranked = sample.Accounts.OrderByDescending(a => a.Revenue).ThenBy(a => a.Id).ToArray();
        generated.Add(ParetoChart.Render(new ParetoChartData("Sample accounts: revenue share", ranked.Select(a => a.Id.Value).ToArray(), ranked.Select(a => (double)a.Revenue).ToArray(), sample.Currency.Code)));
        var months = sample.Transactions.GroupBy(t => (t.Date.Year, t.Date.Month)).OrderBy(g => g.Key).ToArray();
        generated.Add(BarChart.Render(new BarChartData(
            "Sample purchases per month",
            months.Select(g => $"{g.Key.Year}-{g.Key.Month:00}").ToArray(),
            [new ChartSeries("purchases", months.Select(g => (double)g.Count()).ToArray())],
            "purchases")));
        var spend = sample.Transactions.GroupBy(t => t.Customer).Select(g => (double)g.Sum(t => t.Amount.Amount)).ToArray();
        generated.Add(Histogram.Render(new HistogramData("Sample customers: two-year spend", spend, 24, sample.Currency.Code)));
        report.Add(generated);
        return report;
    }
}
