using System.Globalization;
using Kam.Core.Portfolio;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Tests.Portfolio;

/// <summary>The worked examples of docs/portfolio.md are what the library computes.</summary>
public sealed class PortfolioDocsTests
{
    private static readonly string Page = RepositoryFiles.Read("docs/portfolio.md");

    private static string Pct(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Amount(Money m) => m.Amount.ToString("#,0", CultureInfo.InvariantCulture);

    [Fact]
    public void The_win_loss_example_is_computed()
    {
        var s = new WinLossAnalyzer(Currency.CNY).Analyze(WinLossScenario.DocExample(), WinLossScenario.DocAccounts());
        var t = s.Total;
        Assert.Contains($"{t.Closed} closed: {t.Won} won, {t.Lost} lost, {t.Abandoned} abandoned", Page, StringComparison.Ordinal);
        Assert.Contains($"win rate **{Pct(t.WinRate!.Value.Fraction)}** by count and **{Pct(Math.Round(t.WinRateByValue!.Value.Fraction, 3))}** by value ({Amount(t.WonValue)} of {Amount(t.ClosedValue)})", Page, StringComparison.Ordinal);
        Assert.Contains($"median **{t.MedianCycleDays}** days, mean **{t.MeanCycleDays}** days", Page, StringComparison.Ordinal);
        foreach (var row in s.ByPeriod)
        {
            var change = row.WinRateChange is { } c ? "+" + (c * 100m).ToString("0.#", CultureInfo.InvariantCulture) + " points" : "—";
            Assert.Contains($"| {row.Period} | {row.Figures.Closed} | {row.Figures.Won} | {Pct(row.Figures.WinRate!.Value.Fraction)} | {Amount(row.Figures.WonValue)} | {change} |", Page, StringComparison.Ordinal);
        }

        foreach (var row in s.BySizeBand)
        {
            Assert.Contains($"| {row.Key.Name} | {row.Figures.Closed} | {row.Figures.Won} | {Pct(row.Figures.WinRate!.Value.Fraction)} |", Page, StringComparison.Ordinal);
        }

        var rival = s.ByCompetitor[0];
        Assert.Contains($"{rival.Key} won {rival.Figures.Lost} worth {Amount(rival.Figures.LostValue)}", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_churn_example_is_computed()
    {
        var (revenue, losses, accounts) = ChurnTests.DocExample();
        var analyzer = new ChurnAnalyzer(CloseReasonCatalog.Default, FiscalCalendar.Calendar, PeriodKind.Half, Currency.CNY);
        var row = Assert.Single(analyzer.Analyze(revenue, losses, accounts));
        Assert.Contains($"{row.Lost} of the {row.Base} accounts: a churn rate of **{Pct(row.ChurnRate!.Value.Fraction)}**", Page, StringComparison.Ordinal);
        Assert.Contains($"{Amount(row.LostRevenue)} of {Amount(row.BaseRevenue)} (**{Pct(row.RevenueChurnRate!.Value.Fraction)}**)", Page, StringComparison.Ordinal);
        var r = analyzer.Retention(revenue, row.Period.Previous, row.Period);
        Assert.Contains($"GRR = ({Amount(r.StartRevenue)} − {Amount(r.Lost)} − {Amount(r.Downgrade)}) / {Amount(r.StartRevenue)} = **{Pct(r.GrossRetention!.Value.Fraction)}**", Page, StringComparison.Ordinal);
        Assert.Contains($"NRR = ({Amount(r.StartRevenue)} − {Amount(r.Lost)} − {Amount(r.Downgrade)} + {Amount(r.Expansion)}) / {Amount(r.StartRevenue)} = **{Pct(r.NetRetention!.Value.Fraction)}**", Page, StringComparison.Ordinal);
        var p = ChurnAnalyzer.Project(new ShiftedBetaGeometricModel(1d, 3d), 3);
        Assert.Contains(string.Join(", ", p.Points.Select(x => Pct(Math.Round((decimal)x.SurvivingShare, 4)))), Page, StringComparison.Ordinal);
    }
}
