using Kam.Core.Accounts;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio.Wallet;

namespace Kam.Core.Tests.Docs;

/// <summary>The worked example of docs/share-of-wallet.md, compiled and run by <see cref="PortfolioDocsPagesTests"/>.</summary>
internal static class WalletSample
{
    public static (WalletSummary Summary, WalletRollUp RollUp) Run(AccountHierarchy hierarchy, IReadOnlyList<KeyAccountPlan> plans)
    {
        // <doc>
        Money Cny(decimal amount) => new(amount, Currency.CNY);
        AccountWallet[] wallets =
        [
            new(AccountId.Parse("HQ"), ourSales: Cny(2_000_000m), estimatedSpend: Cny(5_000_000m), spendSource: "annual report"),
            new(AccountId.Parse("B1"), Cny(600_000m), Cny(1_500_000m), "buyer interview"),
            new(AccountId.Parse("B2"), Cny(900_000m), Cny(800_000m), "buyer interview"),
            new(AccountId.Parse("SOLO"), Cny(300_000m)), // no estimate yet
        ];

        var summary = WalletSummary.Of(Currency.CNY, wallets, plans); // plans: the key-account plans of FY2026
        var rollUp = new WalletRollUp(hierarchy, summary);

        Console.WriteLine($"portfolio share {summary.Total.Share:0.#}, headroom {summary.Total.Headroom:N0}, white space {summary.Total.Whitespace:N0}");
        Console.WriteLine($"group GRP share {rollUp.AccountTree(AccountId.Parse("GRP")).Share:0.#}");
        // </doc>
        return (summary, rollUp);
    }
}
