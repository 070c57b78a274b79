using Kam.Core.Accounts;
using Kam.Core.Portfolio.Wallet;
using static Kam.Core.Tests.Portfolio.Wallet.WalletScenario;

namespace Kam.Core.Tests.Portfolio.Wallet;

/// <summary>Share of wallet per account and rolled up: hand-computed figures, the capped share, absent shares and refused input.</summary>
public sealed class WalletTests
{
    [Fact]
    public void Each_account_has_its_share_headroom_and_white_space()
    {
        var s = Summary();
        Assert.Equal(["B1", "B2", "GRP", "HQ", "SOLO"], s.Lines.Select(l => l.Account.Value));
        var hq = s.Line(A("HQ"))!;
        Assert.Equal(0.4m, hq.Share!.Value.Fraction);
        Assert.Equal(Cny(3_000_000m), hq.Headroom);
        Assert.Equal(Cny(650_000m), hq.Whitespace);
        Assert.False(hq.EstimateBelowSales);
        Assert.Equal("annual report", hq.SpendSource);
        Assert.Equal(0.4m, s.Line(A("B1"))!.Share!.Value.Fraction);
    }

    [Fact]
    public void An_estimate_below_our_sales_is_flagged_and_the_share_capped()
    {
        var b2 = Summary().Line(A("B2"))!;
        Assert.True(b2.EstimateBelowSales);
        Assert.Equal(Ratio.One, b2.Share);
        Assert.Equal(Cny(0m), b2.Headroom);
        Assert.Equal(Cny(800_000m), b2.EstimatedSpend);
        Assert.Equal(Cny(800_000m), b2.Figures.CapturedSpend);
    }

    [Fact]
    public void Without_an_estimate_or_with_a_zero_estimate_the_share_is_absent()
    {
        var s = WalletSummary.Of(Currency.CNY, [new AccountWallet(A("X"), Cny(5m)), new AccountWallet(A("Z"), Cny(0m), Cny(0m)), new AccountWallet(A("Y"), Cny(5m), Cny(0m))]);
        Assert.Null(s.Line(A("X"))!.Share);
        Assert.Null(s.Line(A("X"))!.Headroom);
        Assert.Null(s.Line(A("Z"))!.Share);
        Assert.Equal(Cny(0m), s.Line(A("Z"))!.Headroom);
        Assert.True(s.Line(A("Y"))!.EstimateBelowSales);
        Assert.Null(s.Line(A("Y"))!.Share);
        Assert.Null(s.Total.Share);
        Assert.Equal((3, 2, 1), (s.Total.Accounts, s.Total.AccountsWithEstimate, s.Total.AccountsEstimateBelowSales));
        Assert.Null(WalletSummary.Empty(Currency.CNY).Total.Share);
    }

    [Fact]
    public void The_total_share_is_captured_over_estimated_spend()
    {
        var t = Summary().Total;
        Assert.Equal(5, t.Accounts);
        Assert.Equal(3, t.AccountsWithEstimate);
        Assert.Equal(1, t.AccountsEstimateBelowSales);
        Assert.Equal(Cny(3_800_000m), t.OurSales);
        Assert.Equal(Cny(7_300_000m), t.EstimatedSpend);
        Assert.Equal(Cny(3_400_000m), t.CapturedSpend);
        Assert.Equal(Cny(3_900_000m), t.Headroom);
        Assert.Equal(Cny(750_000m), t.Whitespace);
        Assert.Equal(3_400_000m / 7_300_000m, t.Share!.Value.Fraction);
    }

    [Fact]
    public void The_roll_up_follows_the_customers_structure_and_our_organization()
    {
        var r = new WalletRollUp(Hierarchy(), Summary());
        var group = r.AccountTree(A("GRP"));
        Assert.Equal((4, Cny(3_500_000m), Cny(7_300_000m), Cny(3_400_000m), Cny(750_000m)), (group.Accounts, group.OurSales, group.EstimatedSpend, group.CapturedSpend, group.Whitespace));
        Assert.Equal(Cny(3_500_000m), r.AccountTree(A("HQ")).OurSales);
        Assert.Equal(Cny(900_000m), r.Unit(UnitId.Parse("EAST")).OurSales);
        Assert.Equal(Cny(1_500_000m), r.Unit(UnitId.Parse("EAST")).EstimatedSpend);
        Assert.Equal(Cny(900_000m), r.Unit(UnitId.Parse("WEST")).OurSales);
        var ho = r.Unit(UnitId.Parse("HO"));
        Assert.Equal(Cny(3_800_000m), ho.OurSales);
        Assert.Equal(Cny(3_400_000m), ho.CapturedSpend);
        Assert.Equal(["GRP", "HQ", "B1", "B2", "SOLO"], r.ByAccountTree().Select(x => x.Id));
        Assert.Equal(["HO", "EAST", "WEST"], r.ByUnit().Select(x => x.Id));
        Assert.Equal(Cny(2_000_000m), r.ByUnit()[0].Own.OurSales);
    }

    [Fact]
    public void Refused_input_names_every_problem_with_its_path_and_value()
    {
        var usd = new Money(1m, Currency.USD);
        var ex = Assert.Throws<KamValidationException>(() => WalletSummary.Of(Currency.CNY,
            [new AccountWallet(A("A"), Cny(1m)), new AccountWallet(A("A"), Cny(2m)), new AccountWallet(A("B"), usd)],
            [Plans()[0], Plans()[0]]));
        Assert.Equal(
            [("wallets[1].account", "A"), ("wallets[2].ourSales", "1 USD"), ("plans[1].account", "HQ")],
            ex.Errors.Select(e => (e.Path, e.AttemptedValue)));
        var bad = Assert.Throws<KamValidationException>(() => new AccountWallet(default, Cny(-1m), usd));
        Assert.Equal(["account", "ourSales", "estimatedSpend"], bad.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.CurrencyMismatch, bad.Errors[2].Code);
        Assert.Equal("estimatedSpend", Assert.Throws<KamValidationException>(() => new AccountWallet(A("A"), Cny(1m), Cny(-1m))).Errors[0].Path);
        Assert.Equal("plans[0].currency", Assert.Throws<KamValidationException>(() => WalletSummary.Of(Currency.USD, [], [Plans()[0]])).Errors[0].Path);
        var unknown = Assert.Throws<KamValidationException>(() => new WalletRollUp(Hierarchy(), WalletSummary.Of(Currency.CNY, [new AccountWallet(A("NOPE"), Cny(1m))])));
        Assert.Equal(("lines['NOPE'].account", KamErrorCodes.Unknown, "NOPE"), (unknown.Errors[0].Path, unknown.Errors[0].Code, unknown.Errors[0].AttemptedValue));
    }

    [Fact]
    public void Merging_refuses_an_account_in_both_and_another_currency()
    {
        var s = Summary();
        var ex = Assert.Throws<KamValidationException>(() => s.Merge(WalletSummary.Of(Currency.CNY, [new AccountWallet(A("HQ"), Cny(1m))])));
        Assert.Equal("accounts['HQ']", ex.Errors[0].Path);
        Assert.Equal("currency", Assert.Throws<KamValidationException>(() => s.Merge(WalletSummary.Empty(Currency.USD))).Errors[0].Path);
        Assert.Equal("currency", Assert.Throws<KamValidationException>(() => s.Total.Merge(WalletFigures.Empty(Currency.USD))).Errors[0].Path);
    }

    [Fact]
    public void Sums_beyond_decimal_are_overflow_errors_naming_the_quantity()
    {
        var huge = Cny(decimal.MaxValue / 2m + 1m);
        var ex = Assert.Throws<KamValidationException>(() => WalletSummary.Of(Currency.CNY, [new AccountWallet(A("A"), huge), new AccountWallet(A("B"), huge)]));
        Assert.Equal((KamErrorCodes.Overflow, "total.ourSales"), (ex.Errors[0].Code, ex.Errors[0].Path));
    }
}
