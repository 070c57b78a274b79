using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Ltv;

/// <summary>
/// The account- and retention-economics part of <c>kam demo</c>: the sample's accounts ranked by revenue and by
/// contribution ("the largest account is not necessarily the most profitable"; rule book: Account profitability), then the rule book's
/// retention-economics statements as calculations (docs/rules/value.md, Retention economics).
/// </summary>
internal static class LtvEconomicsDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Write(DemoContext demo)
    {
        WriteProfitability(demo);
        WriteRetention(demo.Output, demo.Services.GetRequiredService<IRetentionEconomics>(), demo.Sample.Currency);
    }

    private static void WriteProfitability(DemoContext demo)
    {
        var sample = demo.Sample;
        var year = demo.Calendar.PeriodOf(sample.AsOf, PeriodKind.Year);

        // Gross profit is at list price (revenue less cost of goods); discounts and cost to serve come off it.
        var report = demo.Services.GetRequiredService<IAccountProfitabilityCalculator>().Calculate(sample.Accounts.Select(a => new AccountPeriodFigures
        {
            Account = a.Id,
            Period = year,
            Revenue = new Money(a.Revenue, a.Currency),
            Discounts = new Money(a.Discounts, a.Currency),
            CostOfGoods = new Money(a.Revenue - a.GrossProfit, a.Currency),
            CostToServe = new Money(a.CostToServe, a.Currency),
        }));
        var table = new ResultTable(
            "profitability",
            $"Account profitability, the year's figures ({report.Currency}): contribution = gross profit - discounts - cost to serve; top 10 by revenue",
            ResultColumn.Number("rev #"),
            ResultColumn.Text("account"),
            ResultColumn.Number("revenue", "N0"),
            ResultColumn.Number("gross profit", "N0"),
            ResultColumn.Number("discounts", "N0"),
            ResultColumn.Number("cost to serve", "N0"),
            ResultColumn.Number("contribution", "N0"),
            ResultColumn.Number("margin", "0.0%"),
            ResultColumn.Number("contr. #"));
        foreach (var a in report.ByRevenue.Take(10))
        {
            var t = a.Totals;
            table.Add(a.RevenueRank, a.Account.Value, t.Revenue.Amount, t.GrossMargin.Amount + t.OtherDiscounts.Amount, t.OtherDiscounts.Amount, t.CostToServe.Amount, t.Contribution.Amount, t.ContributionMargin, a.ContributionRank);
        }

        demo.Output.WriteLine();
        ResultWriter.Write(demo.Output, OutputFormat.Table, [table]);
        var best = report.MostProfitableAccount;
        var losses = report.LossMakingAccounts;
        demo.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Largest account {report.LargestAccount.Account} ranks #{report.LargestAccount.ContributionRank} by contribution; the most profitable is {best.Account} (#{best.RevenueRank} by revenue). {losses.Count} of {report.ByRevenue.Count} accounts lose money ({N(losses.Aggregate(Money.Zero(report.Currency), (s, a) => s + a.Totals.Contribution))} in all)."));
        demo.Report?.Add(new ReportSection("economics", "Account profitability", "The largest accounts by revenue and where they rank by contribution.").Add(table));
    }

    private static void WriteRetention(TextWriter output, IRetentionEconomics economics, Currency currency)
    {
        var margin = new Money(100_000m, currency);
        var discount = Percentage.FromPercent(10m);
        output.WriteLine();
        output.WriteLine($"Retention economics (rule book statements; margin 100,000 {currency} a year, discount rate 10%):");
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
        output.WriteLine("  implied base retention: " + string.Join(", ", new[] { ("distribution", 0.45m), ("auto insurance", 0.84m), ("advertising agencies", 0.95m) }.Select(x =>
            string.Create(CultureInfo.InvariantCulture, $"{x.Item1} +{x.Item2:0%} -> {economics.ImpliedBaseRetention(x.Item2).ToString("0.0", CultureInfo.InvariantCulture)}"))) + ".");
        var cost = economics.CompareAcquisitionAndRetention(new Money(5_000m, currency), 200m, Percentage.FromPercent(85m));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Acquisition vs retention (x{economics.Policy.AcquisitionToRetentionCostRatio:0}): keeping 200 accounts costs {N(cost.RetentionCostPerPeriod)}, replacing the {cost.CustomersLostPerPeriod:0} lost a year costs {N(cost.ReplacementCostPerPeriod)}; break-even retention gain {cost.BreakEvenRetentionGain * 100m:0.0} points."));
        var replacement = economics.ReplacementCost(new RelationshipReplacementAssumptions
        {
            MarginPerPeriod = margin,
            Retention = Percentage.FromPercent(85m),
            DiscountRate = discount,
            AcquisitionCosts = [new(AcquisitionCostKind.PeopleTime, new Money(60_000m, currency)), new(AcquisitionCostKind.TrialDiscount, new Money(40_000m, currency)), new(AcquisitionCostKind.Distraction, new Money(30_000m, currency))],
            RampUpPeriods = 2,
        });
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Relationship asset value {N(replacement.AssetValue)}; replacement cost {N(replacement.ReplacementCost)} (acquisition {N(replacement.VisibleAcquisitionCost)} visible + {N(replacement.HiddenAcquisitionCost)} hidden, ramp-up {N(replacement.RampUpShortfall)})."));
    }

    private static string N(Money amount) => amount.Amount.ToString("N0", CultureInfo.InvariantCulture);
}
