using Kam.Core.Accounts;
using Kam.Core.Portfolio;
using Kam.Core.Stages;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.ShiftedBetaGeometric;
using NodaTime;
using static Kam.Core.Tests.Portfolio.WinLossScenario;

namespace Kam.Core.Tests.Portfolio;

/// <summary>Churn: accounts lost per period by reason and industry, revenue retention, the sBG projection and the book's half-year example.</summary>
public sealed class ChurnTests
{
    private static readonly FiscalPeriod H1 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 1, 1), PeriodKind.Half);
    private static readonly FiscalPeriod H2 = H1.Next;
    private static readonly ChurnAnalyzer Analyzer = new(CloseReasonCatalog.Default, FiscalCalendar.Calendar, PeriodKind.Half, Currency.CNY);

    /// <summary>The churn example of docs/portfolio.md: eight accounts, two lost in the second half.</summary>
    internal static (AccountRevenue[] Revenue, AccountLoss[] Losses, Account[] Accounts) DocExample()
    {
        (string Id, string Industry, decimal First, decimal Second)[] rows =
        [
            ("A", "government", 100_000m, 120_000m), ("B", "government", 200_000m, 150_000m), ("C", "government", 50_000m, 0m), ("D", "government", 150_000m, 150_000m),
            ("E", "mining", 100_000m, 130_000m), ("F", "mining", 300_000m, 250_000m), ("G", "mining", 80_000m, 0m), ("H", "mining", 20_000m, 20_000m),
        ];
        var revenue = rows.SelectMany(r => new[] { (r.Id, H1, r.First), (r.Id, H2, r.Second) })
            .Where(x => x.Item3 > 0m)
            .Select(x => new AccountRevenue(AccountId.Parse(x.Item1), x.Item2, Money.Of(x.Item3, "CNY")))
            .ToArray();
        AccountLoss[] losses =
        [
            new(AccountId.Parse("C"), new LocalDate(2026, 8, 15), "lost-price"),
            new(AccountId.Parse("G"), new LocalDate(2026, 10, 1), "lost-competitor-offer", "Rival Co"),
        ];
        return (revenue, losses, rows.Select(r => NewAccount(r.Id, r.Industry)).ToArray());
    }

    [Fact]
    public void The_accounts_lost_are_counted_with_their_revenue_by_reason_and_industry()
    {
        var (revenue, losses, accounts) = DocExample();
        var row = Assert.Single(Analyzer.Analyze(revenue, losses, accounts));
        Assert.Equal(H2, row.Period);
        Assert.Equal((8L, 2L), (row.Base, row.Lost));
        Assert.Equal((1_000_000m, 130_000m), (row.BaseRevenue.Amount, row.LostRevenue.Amount));
        Assert.Equal(0.25m, row.ChurnRate!.Value.Fraction);
        Assert.Equal(0.13m, row.RevenueChurnRate!.Value.Fraction);
        Assert.Equal([("lost-price", 1L, 50_000m), ("lost-competitor-offer", 1L, 80_000m)], row.ByReason.Select(r => (r.Key!, r.Lost, r.LostRevenue.Amount)));
        Assert.Equal(["competitor-offer", "price"], row.ByCause.Select(r => r.Key));
        Assert.Equal([("government", 4L, 0.25m), ("mining", 4L, 0.25m)], row.ByIndustry.Select(r => (r.Key!, r.Base!.Value, r.ChurnRate!.Value.Fraction)));
        Assert.Equal(0.5m, row.ByIndustry[0].Share!.Value.Fraction);
    }

    [Fact]
    public void Gross_and_net_revenue_retention_follow_their_definitions()
    {
        var r = Analyzer.Retention(DocExample().Revenue, H1, H2);
        Assert.Equal((8L, 2L), (r.Accounts, r.LostAccounts));
        Assert.Equal((1_000_000m, 130_000m, 100_000m, 50_000m), (r.StartRevenue.Amount, r.Lost.Amount, r.Downgrade.Amount, r.Expansion.Amount));
        Assert.Equal(0.77m, r.GrossRetention!.Value.Fraction);
        Assert.Equal(0.82m, r.NetRetention!.Value.Fraction);
        var none = Analyzer.Retention(DocExample().Revenue, H2.Next, H2.Next.Next);
        Assert.Null(none.GrossRetention);
        Assert.Null(none.NetRetention);
        Assert.Equal("end", Assert.Throws<KamValidationException>(() => Analyzer.Retention(DocExample().Revenue, H2, H1)).Errors[0].Path);
    }

    [Fact]
    public void A_period_with_no_accounts_has_no_rate()
    {
        var revenue = new[] { new AccountRevenue(AccountId.Parse("A"), H1, Money.Of(10m, "CNY")) };
        var losses = new[] { new AccountLoss(AccountId.Parse("B"), new LocalDate(2027, 9, 1), "lost-price") };
        var rows = Analyzer.Analyze(revenue, losses, [NewAccount("A", null), NewAccount("B", null)]);
        Assert.Equal(["FY2026-H2", "FY2027-H1", "FY2027-H2"], rows.Select(r => r.Period.ToString()));
        Assert.Equal((1L, 0L, 0m), (rows[0].Base, rows[0].Lost, rows[0].ChurnRate!.Value.Fraction));
        Assert.Equal(0L, rows[1].Base);
        Assert.Null(rows[1].ChurnRate);
        Assert.Null(rows[1].RevenueChurnRate);
        Assert.Equal((1L, 1L, 1m), (rows[2].Base, rows[2].Lost, rows[2].ChurnRate!.Value.Fraction));
        Assert.Null(rows[2].RevenueChurnRate);
        Assert.Empty(Analyzer.Analyze([], [], []));
    }

    [Fact]
    public void Bad_input_is_named_by_path_and_value()
    {
        var (revenue, losses, accounts) = DocExample();
        AccountRevenue[] badRevenue = [.. revenue, revenue[0], new(AccountId.Parse("Z"), H1, Money.Of(1m, "CNY")), new(AccountId.Parse("A"), H1.Parent(PeriodKind.Year), Money.Of(1m, "CNY"))];
        AccountLoss[] badLosses = [.. losses, losses[0], new(AccountId.Parse("Z"), new LocalDate(2026, 9, 1), "lost-price"), new(AccountId.Parse("A"), new LocalDate(2026, 9, 1), "won-value"), new(AccountId.Parse("B"), new LocalDate(2026, 9, 1), "gone")];
        var ex = Assert.Throws<KamValidationException>(() => Analyzer.Analyze(badRevenue, badLosses, accounts));
        Assert.Equal(
            [("revenue[14]", KamErrorCodes.Duplicate), ("revenue[15].account", KamErrorCodes.Unknown), ("revenue[16].period", KamErrorCodes.OutOfRange),
             ("losses[2].account", KamErrorCodes.Duplicate), ("losses[3].account", KamErrorCodes.Unknown), ("losses[4].reasonCode", KamErrorCodes.InvalidState), ("losses[5].reasonCode", KamErrorCodes.Unknown)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("gone", ex.Errors[^1].AttemptedValue);
        Assert.Equal("reasonCode", Assert.Throws<KamValidationException>(() => new AccountLoss(AccountId.Parse("A"), new LocalDate(2026, 1, 1), " ")).Errors[0].Path);
        Assert.Equal("revenue", Assert.Throws<KamValidationException>(() => new AccountRevenue(AccountId.Parse("A"), H1, Money.Of(-1m, "CNY"))).Errors[0].Path);
    }

    [Fact]
    public void The_projection_follows_the_sBG_survival_curve()
    {
        var p = ChurnAnalyzer.Project(new ShiftedBetaGeometricModel(1d, 3d), 3);
        Assert.Equal([0.75, 0.6, 0.5], p.Points.Select(x => Math.Round(x.SurvivingShare, 10)));
        Assert.Equal([0.75, 0.8, 0.8333], p.Points.Select(x => Math.Round(x.RetentionRate, 4)));
        var later = ChurnAnalyzer.Project(new ShiftedBetaGeometricModel(1d, 3d), 1, periodsCompleted: 2);
        Assert.Equal(0.5 / 0.6, later.Points[0].SurvivingShare, 10);
        var fitted = ChurnAnalyzer.Project(RenewalCohort.FromAliveCounts([1000, 631, 468, 382, 326]), 2);
        Assert.Equal(4, fitted.PeriodsCompleted);
        Assert.InRange(fitted.Points[0].SurvivingShare, 0.8, 0.95);
        Assert.True(fitted.Points[1].SurvivingShare < fitted.Points[0].SurvivingShare);
        Assert.Equal("horizon", Assert.Throws<KamValidationException>(() => ChurnAnalyzer.Project(new ShiftedBetaGeometricModel(1d, 3d), 0)).Errors[0].Path);
    }

    /// <summary>
    /// The book's half-year: 3.06% of key accounts lost; of the lost, 32% to a competitor's long-distance offer, 8.5%
    /// to a competitor's data offer, 40% for the customer's own business; 26.53% government, 14.82%
    /// mining/manufacturing, 13.57% real estate. 803 of 26,200 accounts lost reproduce every share to its published
    /// precision: 257, 68, 321 (and 157 other) by cause; 213, 119, 109 (and 362 other) by industry.
    /// </summary>
    [Fact]
    public void The_book_half_year_is_reproduced()
    {
        var catalog = new CloseReasonCatalog(
        [
            new("long-distance", "A competitor's long-distance offer", OpportunityStatus.Lost, "competitor-offer"),
            new("data", "A competitor's data offer", OpportunityStatus.Lost, "competitor-offer"),
            new("own-business", "The customer's own business", OpportunityStatus.Lost, "customer-business"),
            new("other", "Other causes", OpportunityStatus.Lost),
        ]);
        const int Base = 26_200, Lost = 803;
        var causes = Enumerable.Repeat("long-distance", 257).Concat(Enumerable.Repeat("data", 68)).Concat(Enumerable.Repeat("own-business", 321)).Concat(Enumerable.Repeat("other", 157)).ToArray();
        var industries = Enumerable.Repeat("government", 213).Concat(Enumerable.Repeat("mining/manufacturing", 119)).Concat(Enumerable.Repeat("real estate", 109)).Concat(Enumerable.Repeat("other", 362)).ToArray();
        Assert.Equal((Lost, Lost), (causes.Length, industries.Length));
        var accounts = new Account[Base];
        var revenue = new AccountRevenue[Base];
        var losses = new AccountLoss[Lost];
        for (var i = 0; i < Base; i++)
        {
            var id = AccountId.Parse("K" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            accounts[i] = NewAccount(id.Value, i < Lost ? industries[(i * 7) % Lost] : "services");
            revenue[i] = new AccountRevenue(id, H1, Money.Of(10_000m, "CNY"));
            if (i < Lost)
            {
                losses[i] = new AccountLoss(id, new LocalDate(2026, 7, 1).PlusDays(i % 180), causes[i]);
            }
        }

        var row = Assert.Single(new ChurnAnalyzer(catalog, FiscalCalendar.Calendar, PeriodKind.Half, Currency.CNY).Analyze(revenue, losses, accounts));
        Assert.Equal("FY2026-H2", row.Period.ToString());
        Assert.Equal((26_200L, 803L), (row.Base, row.Lost));
        Assert.Equal(0.0306m, Math.Round(row.ChurnRate!.Value.Fraction, 4));
        decimal Cause(string code, int digits) => Math.Round(row.ByReason.Single(r => r.Key == code).Share!.Value.Fraction, digits);
        Assert.Equal(0.320m, Cause("long-distance", 3));
        Assert.Equal(0.085m, Cause("data", 3));
        Assert.Equal(0.400m, Cause("own-business", 3));
        Assert.Equal(0.405m, Math.Round(row.ByCause.Single(r => r.Key == "competitor-offer").Share!.Value.Fraction, 3));
        decimal Industry(string name) => Math.Round(row.ByIndustry.Single(r => r.Key == name).Share!.Value.Fraction, 4);
        Assert.Equal(0.2653m, Industry("government"));
        Assert.Equal(0.1482m, Industry("mining/manufacturing"));
        Assert.Equal(0.1357m, Industry("real estate"));
        Assert.Equal(803L, row.ByIndustry.Sum(r => r.Lost));
        Assert.Equal(1m, row.ByReason.Sum(r => r.Share!.Value.Fraction), 20);
    }
}
