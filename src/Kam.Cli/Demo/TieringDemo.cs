using System.Globalization;
using Kam.Cli.Output;
using Kam.Core;
using Kam.Core.Tiering;

namespace Kam.Cli.Demo;

/// <summary>
/// The tiering part of <c>kam demo</c>: ABC by revenue and by contribution, the Honeywell scorecard with its credit-risk
/// and contribution gates, and key-account selection with capacity, on a small embedded portfolio, with explanations.
/// </summary>
internal static class TieringDemo
{
    private static readonly Currency Cny = Currency.CNY;

    /// <summary>One sample account: revenue, gross profit, cost to serve, credit risk, the five Honeywell answers, relationship indicators.</summary>
    private sealed record Sample(string Id, decimal Revenue, decimal GrossProfit, decimal CostToServe, bool CreditRisk, string Honeywell, double Collaboration, double Contact);

    // Honeywell answers, in SPEC.md order: strengths as strategic investment, first-choice supplier, alliance, joint ventures, global needs.
    private static readonly Sample[] Accounts =
    [
        new("ACME-STEEL", 9_800_000m, 1_470_000m, 1_650_000m, false, "YNNNY", 0.30, 0.20),
        new("BLUE-RIVER", 7_200_000m, 2_160_000m, 540_000m, false, "YYYNY", 0.75, 0.70),
        new("CATHAY-AUTO", 6_500_000m, 1_950_000m, 600_000m, true, "YYYYY", 0.60, 0.65),
        new("DELTA-MED", 4_100_000m, 1_640_000m, 380_000m, false, "YYYYN", 0.85, 0.80),
        new("EAST-GRID", 3_900_000m, 1_170_000m, 310_000m, false, "YYNNN", 0.45, 0.50),
        new("FORTUNE-FOODS", 2_800_000m, 700_000m, 240_000m, false, "NYNNN", 0.35, 0.30),
        new("GOLDEN-PORT", 2_300_000m, 920_000m, 150_000m, false, "YYYNY", 0.55, 0.45),
        new("HARBOUR-CHEM", 1_900_000m, 380_000m, 420_000m, false, "NNNNN", 0.15, 0.10),
        new("IRIS-TELECOM", 1_600_000m, 640_000m, 120_000m, false, "YNYNN", 0.40, 0.35),
        new("JADE-LOGISTICS", 1_200_000m, 360_000m, 90_000m, true, "NNNNN", 0.20, 0.15),
        new("KUNLUN-ENERGY", 950_000m, 380_000m, 60_000m, false, "YYNNY", 0.50, 0.40),
        new("LOTUS-RETAIL", 700_000m, 140_000m, 80_000m, false, "NNNNN", 0.10, 0.10),
        new("MING-PHARMA", 520_000m, 260_000m, 40_000m, false, "YYNYN", 0.30, 0.25),
        new("NORTH-GLASS", 310_000m, 62_000m, 70_000m, false, "NNNNN", 0.05, 0.05),
        new("ORIENT-TEXTILE", 180_000m, 45_000m, 20_000m, false, "NNNNN", 0.05, 0.05),
    ];

    private static readonly string[] HoneywellCriteria =
        ["seesStrengthsAsStrategicInvestment", "firstChoiceStrategicSupplier", "willingToFormAlliance", "willingToInvestInJointVentures", "globalNeeds"];

    public static void Write(TextWriter output)
    {
        var portfolio = AccountMeasures.FromRecords(Accounts.Select(ToRecord));
        output.WriteLine("Tiering — who is a key account, and what each tier gets (SPEC.md §2)");
        output.WriteLine();

        var byRevenue = new ParetoEngine().Assign(portfolio, ParetoPolicy.Default);
        var byContribution = new ParetoEngine().Assign(portfolio, ParetoPolicy.Create("contribution", ParetoPolicy.Default.Tiers, ParetoPolicy.Default.ShareCuts));
        output.WriteLine("ABC (A = first 80% of value, B = next 15%, C = the rest): by revenue, and by contribution after cost to serve");
        var abc = new TextTable("account", "revenue>", "contribution>", "ABC revenue", "ABC contribution");
        for (var i = 0; i < portfolio.Count; i++)
        {
            abc.Add(Accounts[i].Id, Amount(Accounts[i].Revenue), Amount(Contribution(Accounts[i])), byRevenue.Assignments[i].Tier, byContribution.Assignments[i].Tier);
        }

        abc.Write(output);
        WriteSummary(output, "By contribution", byContribution.Summary);
        output.WriteLine($"  Why ACME-STEEL: by revenue {byRevenue.Explain(0)}");
        output.WriteLine($"                  by contribution {byContribution.Explain(0)}");
        output.WriteLine();

        var card = new ScorecardEngine().Assign(portfolio, ScorecardPolicy.Default);
        output.WriteLine("Honeywell strategic-account scorecard (five yes/no criteria, 20% each; credit risk and negative contribution cap at Developing)");
        var cards = new TextTable("account", "score>", "tier", "gates");
        for (var i = 0; i < portfolio.Count; i++)
        {
            var a = card.Assignments[i];
            var failed = a.Explanation.Gates.Where(g => !g.Passed).Select(g => g.Criterion + (g.Applied ? " (capped)" : string.Empty));
            cards.Add(a.AccountId, a.Score.ToString("0.00", CultureInfo.InvariantCulture), a.Tier, string.Join(", ", failed));
        }

        cards.Write(output);
        output.WriteLine($"  Why CATHAY-AUTO: {card.Explain(2)}");
        output.WriteLine();

        var policy = SelectionPolicy.Create("contribution", managers: 1, accountsPerManager: 4,
            [new SelectionGate("creditRisk", Maximum: 0), new SelectionGate("contribution", Minimum: 0)], nearMissCount: 3);
        var selection = new KeyAccountSelectionEngine().Select(portfolio, policy);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Key-account selection: {policy.Managers} manager × {policy.AccountsPerManager} accounts = capacity {selection.Capacity}, by contribution, gates creditRisk = no and contribution >= 0"));
        var chosen = new TextTable("account", "contribution>", "selected");
        foreach (var a in selection.Result.Assignments.Where(a => a.TierRank == 0).OrderByDescending(a => a.Score))
        {
            chosen.Add(a.AccountId, Amount((decimal)a.Score), a.Tier);
        }

        chosen.Write(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Selected {selection.Selected} accounts, contribution {Amount((decimal)selection.SelectedValue)} {Cny}. Just missed:"));
        var missed = new TextTable("rank>", "account", "contribution>", "reason");
        foreach (var m in selection.NearMisses)
        {
            missed.Add(m.Rank, m.AccountId, Amount((decimal)m.Value), m.Reason);
        }

        missed.Write(output);
        output.WriteLine();
    }

    private static void WriteSummary(TextWriter output, string title, PortfolioSummary summary)
    {
        output.WriteLine($"  {title}:");
        var table = new TextTable("tier", "accounts>", "value>", "share of value>", "share of accounts>");
        foreach (var t in summary.Tiers)
        {
            table.Add(t.Tier, t.Accounts, Amount((decimal)t.Value), t.ShareOfValue.ToString("0.0", CultureInfo.InvariantCulture), t.ShareOfAccounts.ToString("0.0", CultureInfo.InvariantCulture));
        }

        table.Write(output);
    }

    private static AccountRecord ToRecord(Sample s)
    {
        var measures = new Dictionary<string, MeasureValue>(StringComparer.Ordinal)
        {
            ["revenue"] = new Money(s.Revenue, Cny),
            ["grossProfit"] = new Money(s.GrossProfit, Cny),
            ["contribution"] = new Money(Contribution(s), Cny),
            ["creditRisk"] = s.CreditRisk,
            ["collaboration"] = s.Collaboration,
            ["contactBreadth"] = s.Contact,
        };
        for (var c = 0; c < HoneywellCriteria.Length; c++)
        {
            measures[HoneywellCriteria[c]] = s.Honeywell[c] == 'Y';
        }

        return new AccountRecord(AccountId.Parse(s.Id), measures);
    }

    private static decimal Contribution(Sample s) => s.GrossProfit - s.CostToServe;

    private static string Amount(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);
}
