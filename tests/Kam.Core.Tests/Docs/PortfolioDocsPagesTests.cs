using System.Globalization;
using Kam.Core.Portfolio.Matrices;
using Kam.Core.Tests.Portfolio.Wallet;

namespace Kam.Core.Tests.Docs;

/// <summary>The pages docs/portfolio-matrices.md and docs/share-of-wallet.md show compiled code, and their tables are what it computes.</summary>
public sealed class PortfolioDocsPagesTests
{
    private const string MatricesPage = "docs/portfolio-matrices.md";
    private const string WalletPage = "docs/share-of-wallet.md";

    private static string Amount(Money m) => m.Amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Pct(Ratio? r) => r is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "—";

    [Fact]
    public void The_matrices_page_shows_the_compiled_sample()
    {
        DocSnippets.AssertPageShowsSample("tests/Kam.Core.Tests/Docs/MatricesSample.cs", MatricesPage, "Worked example");
        DocSnippets.AssertPageShowsSample("tests/Kam.Core.Tests/Docs/WalletSample.cs", WalletPage, "Worked example");
    }

    [Fact]
    public void The_matrices_example_tables_are_computed()
    {
        var page = RepositoryFiles.Read(MatricesPage);
        var (fy2026, fy2027, moves) = MatricesSample.Run();
        foreach (var (year, placement) in new[] { ("FY2026", fy2026), ("FY2027", fy2027) })
        {
            foreach (var a in placement.Accounts)
            {
                Assert.Contains($"| {year} | {a.Account} | {Amount(new Money(a.Point.X, Currency.CNY))} | {Amount(new Money(a.Point.Y, Currency.CNY))} | {a.Cell.Name} | `{a.Cell.StrategyCode}` |", page, StringComparison.Ordinal);
            }

            foreach (var t in placement.ByCell)
            {
                Assert.Contains($"| {year} | {t.Cell.Name} | {t.Count} | {Amount(t.Value)} |", page, StringComparison.Ordinal);
            }
        }

        Assert.Contains($"> {fy2026.Find(AccountId.Parse("ALPHA"))!.Reason}", page, StringComparison.Ordinal);
        Assert.Contains(
            "Moved: " + string.Join(", ", moves.Moved.Select(m => $"{m.Account} ({m.From.Name} → {m.To.Name})"))
            + "; entered: " + string.Join(", ", moves.Entered.Select(e => $"{e.Account} ({e.Cell.Name})"))
            + "; left: " + string.Join(", ", moves.Left.Select(e => $"{e.Account} ({e.Cell.Name})")) + ".",
            page,
            StringComparison.Ordinal);
        Assert.Equal(1, moves.Count("star", "star"));
    }

    [Fact]
    public void The_wallet_example_tables_are_computed()
    {
        var page = RepositoryFiles.Read(WalletPage);
        var (summary, rollUp) = WalletSample.Run(WalletScenario.Hierarchy(), WalletScenario.Plans());
        foreach (var l in summary.Lines)
        {
            var spend = l.EstimatedSpend is { } s ? Amount(s) : "—";
            var headroom = l.Headroom is { } h ? Amount(h) : "—";
            var flag = l.EstimateBelowSales ? "estimate below sales" : string.Empty;
            Assert.Contains($"| {l.Account} | {Amount(l.OurSales)} | {spend} | {Pct(l.Share)} | {headroom} | {Amount(l.Whitespace)} | {flag} |".Replace("|  |", "| |", StringComparison.Ordinal), page, StringComparison.Ordinal);
        }

        foreach (var row in rollUp.ByAccountTree().Concat(rollUp.ByUnit()))
        {
            var t = row.Total;
            Assert.Contains($"| {row.Id} | {t.Accounts} | {Amount(t.OurSales)} | {Amount(t.EstimatedSpend)} | {Amount(t.CapturedSpend)} | {Pct(t.Share)} | {Amount(t.Whitespace)} |", page, StringComparison.Ordinal);
        }

        Assert.Contains($"portfolio share {summary.Total.Share:0.#}, headroom {summary.Total.Headroom:N0}, white space {summary.Total.Whitespace:N0}", page, StringComparison.Ordinal);
    }
}
