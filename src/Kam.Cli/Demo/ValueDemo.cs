using System.Globalization;
using Kam.Cli.Output;
using Kam.Core;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;
using NodaTime;

namespace Kam.Cli.Demo;

/// <summary>The Value part of <c>kam demo</c>: account profitability on a small portfolio, then the seed's retention economics.</summary>
internal static class ValueDemo
{
    private static readonly Currency Cny = Currency.CNY;

    public static void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteProfitability(output);
        WriteRetention(output);
    }

    private static void WriteProfitability(TextWriter output)
    {
        var policy = new AccountEconomicsPolicy(
        [
            new(Money.Of(1_000_000m, "CNY"), Percentage.FromPercent(3m)),
            new(Money.Of(5_000_000m, "CNY"), Percentage.FromPercent(8m)),
            new(Money.Of(10_000_000m, "CNY"), Percentage.FromPercent(12m)),
        ]);
        var report = new AccountProfitabilityCalculator(policy).Calculate(Portfolio());

        output.WriteLine("Account profitability, FY2026-Q1 (volume discounts 3% from 1M, 8% from 5M, 12% from 10M CNY):");
        var table = new TextTable("rev #>", "account", "revenue>", "volume disc.>", "other disc.>", "cost of goods>", "cost to serve>", "acquisition>", "contribution>", "margin>", "contr. #>");
        foreach (var a in report.ByRevenue)
        {
            var t = a.Totals;
            table.Add(
                a.RevenueRank,
                a.Account,
                N(t.Revenue),
                N(t.VolumeDiscount),
                N(t.OtherDiscounts),
                N(t.CostOfGoods),
                N(t.CostToServe),
                N(t.AcquisitionCost),
                N(t.Contribution),
                t.ContributionMargin is { } m ? (m * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
                a.ContributionRank);
        }

        table.Write(output);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Largest account {report.LargestAccount.Account} ranks #{report.LargestAccount.ContributionRank} by contribution; the most profitable is {report.MostProfitableAccount.Account}. Loss-making: {string.Join(", ", report.LossMakingAccounts.Select(a => a.Account))}."));
        output.WriteLine();
    }

    private static void WriteRetention(TextWriter output)
    {
        var economics = new RetentionEconomics();
        var margin = Money.Of(100_000m, "CNY");
        var discount = Percentage.FromPercent(10m);

        output.WriteLine("Retention economics (margin 100,000 CNY a year, discount rate 10%):");
        var table = new TextTable("retention>", "loss rate>", "expected lifetime (yr)>", "margin x lifetime>", "LTV m·r/(1+d-r)>");
        foreach (var percent in new[] { 70m, 80m, 85m, 90m, 95m })
        {
            var r = Percentage.FromPercent(percent);
            table.Add(r, r.Complement, economics.ExpectedLifetime(r).ToString("0.##", CultureInfo.InvariantCulture), N(margin * economics.ExpectedLifetime(r)), N(economics.SimpleLifetimeValue(margin, r, discount)));
        }

        table.Write(output);

        var halved = economics.HalveLossRate(margin, Percentage.FromPercent(80m), discount);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Halving the loss rate (80% -> {halved.After.Retention} retained): lifetime x{halved.LifetimeMultiplier:0.##}, margin x lifetime x{halved.UndiscountedValueMultiplier:0.##}, discounted LTV x{halved.DiscountedValueMultiplier:0.###}."));

        var effect = economics.ProfitEffect(new SteadyStateAssumptions { NewCustomersPerPeriod = 100m, MarginPerCustomer = margin, Retention = Percentage.FromPercent(90m) });
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Keeping 5 points more (90% -> 95%, 100 new customers a year): base {effect.Before.Customers:N0} -> {effect.After.Customers:N0} customers, profit {effect.ProfitIncrease:+0%;-0%}."));
        foreach (var (industry, increase) in new[] { ("distribution", 0.45m), ("auto insurance", 0.84m), ("advertising agencies", 0.95m) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {industry} +{increase:0%} implies a base retention of {economics.ImpliedBaseRetention(increase).ToString("0.0", CultureInfo.InvariantCulture)}."));
        }

        var cost = economics.CompareAcquisitionAndRetention(Money.Of(5_000m, "CNY"), 200m, Percentage.FromPercent(85m));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Acquisition vs retention (x{economics.Policy.AcquisitionToRetentionCostRatio:0}): keeping 200 accounts costs {N(cost.RetentionCostPerPeriod)}, replacing the {cost.CustomersLostPerPeriod:0} lost a year costs {N(cost.ReplacementCostPerPeriod)}; break-even retention gain {cost.BreakEvenRetentionGain * 100m:0.0} points."));

        var replacement = economics.ReplacementCost(new RelationshipReplacementAssumptions
        {
            MarginPerPeriod = margin,
            Retention = Percentage.FromPercent(85m),
            DiscountRate = discount,
            AcquisitionCosts = [new(AcquisitionCostKind.PeopleTime, Money.Of(60_000m, "CNY")), new(AcquisitionCostKind.TrialDiscount, Money.Of(40_000m, "CNY")), new(AcquisitionCostKind.Distraction, Money.Of(30_000m, "CNY"))],
            RampUpPeriods = 2,
        });
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Relationship asset value {N(replacement.AssetValue)}; replacement cost {N(replacement.ReplacementCost)} (acquisition {N(replacement.VisibleAcquisitionCost)} visible + {N(replacement.HiddenAcquisitionCost)} hidden, ramp-up {N(replacement.RampUpShortfall)})."));
        output.WriteLine();
    }

    private static AccountPeriodFigures[] Portfolio()
    {
        var q1 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 2, 1), PeriodKind.Quarter);
        AccountPeriodFigures Figures(string account, decimal revenue, decimal discounts, decimal cogs, decimal costToServe, params AcquisitionCost[] acquisition) => new()
        {
            Account = AccountId.Parse(account),
            Period = q1,
            Revenue = new Money(revenue, Cny),
            Discounts = new Money(discounts, Cny),
            CostOfGoods = new Money(cogs, Cny),
            CostToServe = new Money(costToServe, Cny),
            AcquisitionCosts = acquisition,
        };

        return
        [
            Figures("A-STEEL", 12_000_000m, 600_000m, 8_400_000m, 1_500_000m),
            Figures("B-AUTO", 6_000_000m, 120_000m, 4_200_000m, 400_000m),
            Figures("C-FOOD", 3_000_000m, 0m, 2_100_000m, 150_000m),
            Figures(
                "D-NEW",
                1_500_000m,
                0m,
                1_050_000m,
                120_000m,
                new(AcquisitionCostKind.TrialDiscount, new Money(80_000m, Cny)),
                new(AcquisitionCostKind.Presentations, new Money(50_000m, Cny)),
                new(AcquisitionCostKind.Travel, new Money(30_000m, Cny)),
                new(AcquisitionCostKind.Entertainment, new Money(40_000m, Cny)),
                new(AcquisitionCostKind.Training, new Money(60_000m, Cny)),
                new(AcquisitionCostKind.NewSystems, new Money(40_000m, Cny))),
        ];
    }

    private static string N(Money amount) => amount.Amount.ToString("N0", CultureInfo.InvariantCulture);
}
