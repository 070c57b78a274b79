using Kam.Core.Relationships.Activities;
using Kam.Core.Tiering.Stability;

namespace Kam.Core.Portfolio.Review;

/// <summary>The built-in signals and how each is read from an account's parts; NaN is "absent".</summary>
internal static class BuiltInSignals
{
    private static readonly (SignalDefinition Definition, ReviewPart Part, Func<AccountParts, double> Read)[] Table =
    [
        S("tier.rank", SignalUnit.Rank, ReviewPart.Tiering, "TierAssignment.TierRank", "The tier's position in the policy, 0 for the best.", p => p.TierRank < 0 ? double.NaN : p.TierRank),
        S("tier.score", SignalUnit.Score, ReviewPart.Tiering, "TierAssignment.Score", "The tiering score.", p => p.TierScore),
        S("tier.demoted", SignalUnit.Flag, ReviewPart.TierChanges, "TierChange.Kind", "1 when the account moved to a lower tier since the previous run.", p => Flag(p.TierChange?.Kind == TierChangeKind.Demoted)),
        S("tier.promoted", SignalUnit.Flag, ReviewPart.TierChanges, "TierChange.Kind", "1 when the account moved to a higher tier since the previous run.", p => Flag(p.TierChange?.Kind == TierChangeKind.Promoted)),
        S("attainment.toDate", SignalUnit.Ratio, ReviewPart.Attainment, "AttainmentLine.Attainment", "Actual ÷ target of the period so far.", p => D(p.Attainment?.Attainment?.Fraction)),
        S("attainment.forecast", SignalUnit.Money, ReviewPart.Attainment, "AttainmentLine.Forecast", "Forecast of the period: actual plus weighted pipeline.", p => D(p.Attainment?.Forecast)),
        S("attainment.gap", SignalUnit.Money, ReviewPart.Attainment, "AttainmentLine.Gap", "Target less forecast; above 0 when the plan is short.", p => D(p.Attainment?.Gap)),
        S("attainment.coverage", SignalUnit.Ratio, ReviewPart.Attainment, "AttainmentLine.Coverage", "Open pipeline ÷ what remains to reach the target.", p => D(p.Attainment?.Coverage?.Fraction)),
        S("plan.findings", SignalUnit.Count, ReviewPart.Plans, "PlanCheckReport.For", "Faults the plan check found in the account's plan.", p => p.PlanFindings?.Count ?? 0),
        S("pipeline.open", SignalUnit.Money, ReviewPart.Pipeline, "AccountFigures.Figures.Value", "Value of the open opportunities.", p => D(p.Pipeline?.Value.Amount ?? 0m)),
        S("pipeline.weighted", SignalUnit.Money, ReviewPart.Pipeline, "AccountFigures.Figures.Weighted", "Open pipeline weighted by stage probability.", p => D(p.Pipeline?.Weighted.Amount ?? 0m)),
        S("pipeline.count", SignalUnit.Count, ReviewPart.Pipeline, "AccountFigures.Figures.Count", "Open opportunities.", p => p.Pipeline?.Count ?? 0),
        S("pipeline.stalled", SignalUnit.Count, ReviewPart.Pipeline, "DealControlSummary.Anomalies (StuckInStage)", "Open opportunities stuck in their stage longer than the policy allows.", p => p.StalledCount()),
        S("pipeline.anomalies", SignalUnit.Count, ReviewPart.Pipeline, "DealControlSummary.Anomalies", "Pipeline anomalies of the account, of every kind.", p => p.Anomalies?.Count ?? 0),
        S("winLoss.winRate", SignalUnit.Ratio, ReviewPart.WinLoss, "WinLossSummary.Total.WinRate", "Won ÷ (won + lost) of the closed opportunities.", p => D(p.WinLoss?.WinRate?.Fraction)),
        S("winLoss.lost", SignalUnit.Count, ReviewPart.WinLoss, "WinLossSummary.Total.Lost", "Opportunities lost.", p => p.WinLoss is { } w ? w.Lost : double.NaN),
        S("profit.revenue", SignalUnit.Money, ReviewPart.Profitability, "AccountProfitability.Totals.Revenue", "Revenue of the periods analyzed.", p => D(p.Profitability?.Totals.Revenue.Amount)),
        S("profit.contribution", SignalUnit.Money, ReviewPart.Profitability, "AccountProfitability.Totals.Contribution", "Contribution after discounts, cost of goods, cost to serve and acquisition cost.", p => D(p.Profitability?.Totals.Contribution.Amount)),
        S("profit.contributionMargin", SignalUnit.Ratio, ReviewPart.Profitability, "AccountProfitability.Totals.ContributionMargin", "Contribution ÷ revenue.", p => D(p.Profitability?.Totals.ContributionMargin)),
        S("profit.costToServe", SignalUnit.Money, ReviewPart.Profitability, "AccountProfitability.Totals.CostToServe", "Cost to serve.", p => D(p.Profitability?.Totals.CostToServe.Amount)),
        S("profit.rankDrop", SignalUnit.Count, ReviewPart.Profitability, "AccountProfitability.RankDrop", "Places the account falls from its revenue rank to its contribution rank.", p => p.Profitability is { } a ? a.RankDrop : double.NaN),
        S("clv", SignalUnit.Money, ReviewPart.LifetimeValue, "CustomerValue.LifetimeValue", "Customer lifetime value: the discounted value of its expected future purchases.", p => p.LifetimeValue is { } v ? v.LifetimeValue : double.NaN),
        S("clv.percentile", SignalUnit.Ratio, ReviewPart.LifetimeValue, "CustomerValue.LifetimeValue (rank)", "Share of the accounts with a lifetime value whose value is at most this one's (1 = the highest).", p => p.ClvPercentile),
        S("pAlive", SignalUnit.Probability, ReviewPart.LifetimeValue, "CustomerValue.ProbabilityAlive", "Probability the customer is still active.", p => p.LifetimeValue is { } v ? v.ProbabilityAlive : double.NaN),
        S("coverage.score", SignalUnit.Ratio, ReviewPart.Coverage, "CoverageReport.Score", "Coverage of the buying center, 0 to 1.", p => D(p.Coverage?.Score)),
        S("coverage.findings", SignalUnit.Count, ReviewPart.Coverage, "CoverageReport.Findings", "Coverage gaps found (uncovered decision makers, single threads).", p => p.Coverage is { } c ? c.Findings.Count : double.NaN),
        S("health.index", SignalUnit.Score, ReviewPart.Health, "AccountHealth.Index", "Relationship health index of the last month.", p => D(p.Health?.Index)),
        S("health.trend", SignalUnit.Score, ReviewPart.Health, "AccountHealth.Trend", "Change of the health index over the policy's trend months; below 0 when falling.", p => D(p.Health?.Trend)),
        S("health.alerts", SignalUnit.Count, ReviewPart.Health, "AccountHealth.Alerts", "Health alerts raised.", p => p.Health is { } h ? h.Alerts.Count : double.NaN),
        S("contact.rate", SignalUnit.Ratio, ReviewPart.Compliance, "AccountCompliance.Rate", "Contacts credited ÷ contacts the standard requires.", p => D(p.Compliance?.Rate)),
        S("contact.daysSince", SignalUnit.Days, ReviewPart.Compliance, "AccountCompliance.DaysSinceLastContact", "Days since the last contact.", p => D(p.Compliance?.DaysSinceLastContact)),
        S("contact.belowStandard", SignalUnit.Flag, ReviewPart.Compliance, "AccountCompliance.Status", "1 when the contact standard was missed or a contact is overdue.", p => p.Compliance is { } c ? Flag(c.Status is ComplianceStatus.Missed or ComplianceStatus.Overdue) : double.NaN),
        S("receivables.open", SignalUnit.Money, ReviewPart.Receivables, "AccountReceivables.OpenBalance", "Open balance.", p => D(p.Receivables?.OpenBalance.Amount ?? 0m)),
        S("receivables.overdue", SignalUnit.Money, ReviewPart.Receivables, "AccountReceivables.Overdue", "Part of the open balance past due.", p => D(p.Receivables?.Overdue.Amount ?? 0m)),
        S("receivables.overdueShare", SignalUnit.Ratio, ReviewPart.Receivables, "AccountReceivables.Overdue ÷ OpenBalance", "Share of the open balance past due (0 with nothing open).", p => OverdueShare(p)),
        S("receivables.severelyOverdue", SignalUnit.Money, ReviewPart.Receivables, "AccountReceivables.Buckets[^1]", "Open balance in the last ageing bucket (over 90 days past due by default).", p => D(p.Receivables is { } r ? r.Buckets[^1].Amount : 0m)),
        S("receivables.creditUsed", SignalUnit.Ratio, ReviewPart.Receivables, "AccountReceivables.UsedShare", "Open balance ÷ credit limit; above 1 when the limit is exceeded.", p => D(p.Receivables?.UsedShare?.Fraction)),
        S("receivables.dso", SignalUnit.Days, ReviewPart.Receivables, "AccountReceivables.Dso", "Days sales outstanding.", p => D(p.Receivables?.Dso)),
        S("receivables.oldestDaysPastDue", SignalUnit.Days, ReviewPart.Receivables, "AccountReceivables.OldestDaysPastDue", "Days past due of the oldest overdue invoice.", p => p.Receivables?.OldestDaysPastDue ?? 0),
    ];

    /// <summary>Gets the definitions, in the order of <see cref="Read"/>.</summary>
    public static SignalDefinition[] Definitions { get; } = [.. Table.Select(t => t.Definition)];

    /// <summary>Gets the number of built-in signals.</summary>
    public static int Count => Table.Length;

    /// <summary>Writes an account's built-in signals; a signal of a part the sources do not have is NaN (absent).</summary>
    /// <param name="parts">The account's join row.</param>
    /// <param name="present">Which parts the sources have, as bits (1 &lt;&lt; part).</param>
    /// <param name="values">One slot per built-in signal.</param>
    public static void Read(AccountParts parts, int present, Span<double> values)
    {
        for (var i = 0; i < Table.Length; i++)
        {
            ref readonly var s = ref Table[i];
            values[i] = (present & (1 << (int)s.Part)) == 0 ? double.NaN : s.Read(parts);
        }
    }

    private static (SignalDefinition, ReviewPart, Func<AccountParts, double>) S(string name, SignalUnit unit, ReviewPart part, string field, string description, Func<AccountParts, double> read) =>
        (new SignalDefinition(name, unit, part, field, description), part, read);

    private static double Flag(bool value) => value ? 1d : 0d;

    private static double D(decimal? value) => value is { } v ? (double)v : double.NaN;

    private static double D(int? value) => value ?? double.NaN;

    private static double OverdueShare(AccountParts p)
    {
        if (p.Receivables is not { } r)
        {
            return 0d;
        }

        return r.OpenBalance.Amount > 0m ? (double)(r.Overdue.Amount / r.OpenBalance.Amount) : 0d;
    }
}
