using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.Reporting;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Tier;

/// <summary>
/// The tiering part of <c>kam demo</c>, on the generated sample: ABC by revenue against ABC by contribution, the
/// largest accounts and what they earn, RFM segments, the Honeywell scorecard with the gates that capped accounts,
/// relationship stages, and key-account selection for two managers with its near misses.
/// </summary>
internal static class TierDemo
{
    /// <summary>How many of the largest accounts the demo lists.</summary>
    private const int Top = 15;

    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Write(DemoContext demo)
    {
        var options = Options(demo.Services.GetRequiredService<TieringOptions>());
        var accounts = demo.Sample.Accounts;
        var engines = demo.Services.GetRequiredService<EngineFactory>();
        var analysis = TierAnalysis.Run(engines, accounts, options, asOf: null);
        var byContribution = engines.Pareto(new ParetoPolicy(TierMeasures.Contribution, options.Pareto.Tiers, options.Pareto.ShareCuts)).Assign(
            TierMeasures.Build(analysis.Accounts, analysis.AsOf));
        var output = demo.Output;
        demo.Heading("Tiering: who is a key account (kam tier)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{accounts.Count} accounts; contribution = gross profit - cost to serve - discounts; RFM as of {analysis.AsOf:yyyy-MM-dd} (the latest order)."));
        output.WriteLine();

        output.WriteLine("ABC (A = first 80% of value, B = next 15%, C = the rest), by revenue and by contribution:");
        var abc = new TextTable("tier", "accounts by revenue>", "share of revenue>", "accounts by contribution>", "share of contribution>");
        var revenueTiers = analysis.Abc.Result!.Summary.Tiers;
        var contributionTiers = byContribution.Summary.Tiers;
        for (var t = 0; t < revenueTiers.Count; t++)
        {
            abc.Add(revenueTiers[t].Tier, revenueTiers[t].Accounts, Pct(revenueTiers[t].ShareOfValue.Percent), contributionTiers[t].Accounts, Pct(contributionTiers[t].ShareOfValue.Percent));
        }

        abc.Write(output);
        output.WriteLine();

        var contributionRank = Enumerable.Range(0, accounts.Count)
            .OrderByDescending(i => TierMeasures.ContributionOf(accounts[i])).ThenBy(i => accounts[i].Id)
            .Select((account, rank) => (account, rank)).ToDictionary(p => p.account, p => p.rank + 1);
        var largest = Enumerable.Range(0, accounts.Count).OrderByDescending(i => accounts[i].Revenue).ThenBy(i => accounts[i].Id).Take(Top).ToArray();
        output.WriteLine($"The {Top} largest accounts by revenue: the largest are not the most profitable.");
        var top = new TextTable("account", "name", "revenue>", "contribution>", "margin>", "ABC rev.", "ABC contr.", "contr. rank>", "scorecard", "key account");
        foreach (var i in largest)
        {
            var a = accounts[i];
            var contribution = TierMeasures.ContributionOf(a);
            top.Add(a.Id, a.Name, Amount(a.Revenue), Amount(contribution), Pct(100m * contribution / a.Revenue), analysis.Abc.Of(i)!.Tier,
                byContribution.Assignments[i].Tier, contributionRank[i], analysis.Scorecard.Of(i)!.Tier, analysis.KeyAccounts.Of(i)!.TierRank == 0 ? "yes" : "no");
        }

        top.Write(output);
        var losing = largest.Count(i => TierMeasures.ContributionOf(accounts[i]) < 0);
        var best = contributionRank.Single(p => p.Value == 1).Key;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {losing} of them lose money after cost to serve and discounts; the most profitable account, {accounts[best].Id}, is #{RevenueRank(accounts, best)} by revenue."));
        output.WriteLine();

        WriteSummary(output, "RFM segments (quintiles of recency, orders and revenue)", analysis.Rfm.Result!.Summary, valued: true);
        WriteSummary(output, "Scorecard: revenue percentile 40% + the five Honeywell answers 12% each; credit risk or negative contribution caps at Developing", analysis.Scorecard.Result!.Summary, valued: false);
        var capped = Enumerable.Range(0, accounts.Count)
            .Select(i => (Index: i, Card: analysis.Scorecard.Of(i)!))
            .Where(p => p.Card.Explanation.Gates.Any(g => g.Applied))
            .OrderByDescending(p => p.Card.Score).ThenBy(p => accounts[p.Index].Id)
            .ToArray();
        output.WriteLine($"  Gates capped {capped.Length} accounts whose score reached Strategic:");
        var caps = new TextTable("account", "score>", "tier", "capped by", "contribution>");
        foreach (var (i, card) in capped.Take(6))
        {
            caps.Add(accounts[i].Id, card.Score.ToString("0.00", CultureInfo.InvariantCulture), card.Tier,
                string.Join(", ", card.Explanation.Gates.Where(g => g.Applied).Select(g => g.Criterion)), Amount(TierMeasures.ContributionOf(accounts[i])));
        }

        caps.Write(output);
        output.WriteLine();
        WriteSummary(output, "Relationship stages (collaboration and contact breadth, 1..5 read as 0..1)", analysis.Relationship.Result!.Summary, valued: false);

        var selection = analysis.Selection!;
        var positive = accounts.Sum(a => Math.Max(0m, TierMeasures.ContributionOf(a)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Key-account selection: {options.Selection.Managers} managers x {options.Selection.AccountsPerManager} accounts = capacity {selection.Capacity}, by contribution; credit risk or negative contribution excludes."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Selected {selection.Selected} accounts with contribution {Amount((decimal)selection.SelectedValue)} ({Pct(100m * (decimal)selection.SelectedValue / positive)}% of all positive contribution). Near misses:"));
        var misses = new TextTable("rank>", "account", "name", "contribution>", "reason");
        foreach (var miss in selection.NearMisses)
        {
            misses.Add(miss.Rank, miss.AccountId, accounts.Single(a => a.Id == miss.AccountId).Name, Amount((decimal)miss.Value), miss.Reason);
        }

        misses.Write(output);
        demo.Report?.Add(TierTables.Report(analysis));
    }

    /// <summary>The demo's tier policy (<c>kam init --sample</c> writes it as tier-policy.json): the host's, with the value-and-fit scorecard and two key-account managers.</summary>
    /// <param name="host">The host's policies.</param>
    /// <returns>The demo's policies.</returns>
    internal static TieringOptions Options(TieringOptions host) => new(
        pareto: host.Pareto,
        rfm: host.Rfm,
        scorecard: ValueAndFitScorecard(host.Scorecard),
        relationship: host.Relationship,
        selection: new SelectionPolicy(host.Selection.ValueMeasure, managers: 2, host.Selection.AccountsPerManager, host.Selection.Gates, host.Selection.NearMissCount, host.Selection.Tiers));

    /// <summary>
    /// The demo's scorecard: value and strategic fit together (revenue's percentile rank 40%, each Honeywell answer
    /// 12%), with the default policy's tiers and gates; thresholds 0.55 and 0.3. <c>kam tier</c>'s default scores the
    /// Honeywell answers alone.
    /// </summary>
    private static AccountScorecardPolicy ValueAndFitScorecard(AccountScorecardPolicy honeywell) => new(
        [
            new AccountScorecardCriterion(TierMeasures.Revenue, 0.4m, Normalization.PercentileRank),
            .. honeywell.Criteria.Select(c => c.Weight > 0m ? new AccountScorecardCriterion(c.Name, 0.12m, c.Normalization, c.Measure, c.HigherIsBetter, c.Bands, c.Missing, c.ImputedValue, c.Gate) : c),
        ],
        honeywell.Tiers,
        [0.55, 0.3]);

    private static int RevenueRank(IReadOnlyList<AccountRow> accounts, int index) =>
        1 + accounts.Count(a => a.Revenue > accounts[index].Revenue || (a.Revenue == accounts[index].Revenue && a.Id.CompareTo(accounts[index].Id) < 0));

    private static void WriteSummary(TextWriter output, string title, PortfolioSummary summary, bool valued)
    {
        output.WriteLine(title + ":");
        var table = valued ? new TextTable("tier", "accounts>", "share of accounts>", "value>", "share of value>") : new TextTable("tier", "accounts>", "share of accounts>");
        foreach (var t in summary.Tiers)
        {
            if (valued)
            {
                table.Add(t.Tier, t.Accounts, Pct(t.ShareOfAccounts.Percent), Amount((decimal)t.Value), Pct(t.ShareOfValue.Percent));
            }
            else
            {
                table.Add(t.Tier, t.Accounts, Pct(t.ShareOfAccounts.Percent));
            }
        }

        table.Write(output);
        output.WriteLine();
    }

    private static string Amount(decimal amount) => Math.Round(amount).ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(decimal percent) => percent.ToString("0.0", CultureInfo.InvariantCulture);
}
