using Kam.Core.Accounts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Portfolio.Wallet;
using static Kam.Core.Tests.Portfolio.Wallet.WalletScenario;

namespace Kam.Core.Tests.Portfolio.Wallet;

/// <summary>The laws of share of wallet: shares between 0 and 100%, summaries independent of order and mergeable over any partition, and roll-ups that conserve every amount.</summary>
public sealed class WalletProperties
{
    private static readonly string[] Ids = ["GRP", "HQ", "B1", "B2", "SOLO"];

    private static readonly Gen<AccountWallet> Wallet =
        from sales in Gen.Choose(0, 2_000_000)
        from kind in Gen.Choose(0, 3)
        from spend in Gen.Choose(0, 3_000_000)
        select new AccountWallet(A("X"), Cny(sales), kind switch { 0 => null, 1 => Cny(0m), _ => Cny(spend) });

    // Wallets of distinct accounts: a subset of the scenario's accounts, in any order.
    private static readonly Gen<AccountWallet[]> Wallets =
        from picks in Gen.ArrayOf(Gen.Elements(true, false), Ids.Length)
        from wallets in Gen.ArrayOf(Wallet, Ids.Length)
        from seed in Gen.Choose(0, int.MaxValue)
        select Ids.Select((id, i) => (id, i)).Where(x => picks[x.i])
            .Select(x => new AccountWallet(A(x.id), wallets[x.i].OurSales, wallets[x.i].EstimatedSpend))
            .OrderBy(w => HashCode.Combine(seed, w.Account.Value))
            .ToArray();

    private static string Fingerprint(WalletFigures f) =>
        $"{f.Accounts}/{f.AccountsWithEstimate}/{f.AccountsEstimateBelowSales}/{f.OurSales}/{f.EstimatedSpend}/{f.CapturedSpend}/{f.Whitespace}/{f.Share}";

    private static string Fingerprint(WalletSummary s) =>
        string.Join(";", s.Lines.Select(l => $"{l.Account}:{Fingerprint(l.Figures)}")) + "|" + Fingerprint(s.Total);

    [Property(MaxTest = 100)]
    public Property Shares_lie_between_0_and_1_and_equal_sales_over_spend_when_spend_covers_sales() =>
        Prop.ForAll(Wallets.ToArbitrary(), wallets =>
        {
            var s = WalletSummary.Of(Currency.CNY, wallets);
            var totalOk = s.Total.Share is not { } t || (t.Fraction >= 0m && t.Fraction <= 1m);
            return totalOk && s.Lines.All(l => l.Share is not { } share
                || (share.Fraction >= 0m && share.Fraction <= 1m
                    && (l.EstimateBelowSales ? share == Ratio.One : share.Fraction == l.OurSales.Amount / l.EstimatedSpend!.Value.Amount)));
        });

    [Property(MaxTest = 100)]
    public Property Summaries_do_not_depend_on_order_and_merge_over_any_partition() =>
        Prop.ForAll(Wallets.ToArbitrary(), Gen.Choose(0, 5).ToArbitrary(), (wallets, cut) =>
        {
            var k = Math.Min(cut, wallets.Length);
            var whole = WalletSummary.Of(Currency.CNY, wallets, Plans());
            var reversed = WalletSummary.Of(Currency.CNY, [.. Enumerable.Reverse(wallets)], [.. Enumerable.Reverse(Plans())]);
            bool InB(AccountId account) => wallets[k..].Any(w => w.Account == account);
            var a = WalletSummary.Of(Currency.CNY, wallets[..k], [.. Plans().Where(p => !InB(p.Account))]);
            var b = WalletSummary.Of(Currency.CNY, wallets[k..], [.. Plans().Where(p => InB(p.Account))]);
            var merged = a.Merge(b);
            var figures = a.Total.Merge(b.Total);
            return Fingerprint(whole) == Fingerprint(reversed)
                && Fingerprint(merged) == Fingerprint(whole)
                && Fingerprint(b.Merge(a)) == Fingerprint(merged)
                && Fingerprint(merged.Merge(WalletSummary.Empty(Currency.CNY))) == Fingerprint(merged)
                && Fingerprint(figures) == Fingerprint(merged.Total);
        });

    [Property(MaxTest = 100)]
    public Property Roll_ups_conserve_every_amount() =>
        Prop.ForAll(Wallets.ToArbitrary(), wallets =>
        {
            var hierarchy = Hierarchy();
            var summary = WalletSummary.Of(Currency.CNY, wallets, Plans());
            var r = new WalletRollUp(hierarchy, summary);
            var rows = r.ByAccountTree().ToDictionary(x => x.Id);
            var parentOk = rows.Values.All(row =>
            {
                var children = hierarchy.Children(A(row.Id)).Select(c => rows[c.Value].Total);
                return Fingerprint(children.Aggregate(row.Own, (sum, c) => sum.Merge(c))) == Fingerprint(row.Total);
            });
            var roots = new[] { "GRP", "SOLO" }.Select(id => rows[id].Total).Aggregate(WalletFigures.Empty(Currency.CNY), (x, y) => x.Merge(y));
            var units = r.ByUnit().ToDictionary(x => x.Id);
            var unitsOk = Fingerprint(units["HO"].Total) == Fingerprint(units["HO"].Own.Merge(units["EAST"].Total).Merge(units["WEST"].Total));
            return parentOk && unitsOk && Fingerprint(roots) == Fingerprint(summary.Total) && Fingerprint(r.Unit(UnitId.Parse("HO"))) == Fingerprint(summary.Total);
        });
}
