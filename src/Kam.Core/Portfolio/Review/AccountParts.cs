using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.LifetimeValue;

namespace Kam.Core.Portfolio.Review;

/// <summary>What each part says about one account: the join row the signals are read from. Filled once by <see cref="AccountReviewSources"/>, then read only.</summary>
internal sealed class AccountParts
{
    public int TierIndex { get; set; } = -1;

    public int TierRank { get; set; } = -1;

    public double TierScore { get; set; } = double.NaN;

    public TierChange? TierChange { get; set; }

    public AttainmentLine? Attainment { get; set; }

    public List<PlanFinding>? PlanFindings { get; set; }

    public PipelineFigures? Pipeline { get; set; }

    public List<PipelineAnomaly>? Anomalies { get; set; }

    public WinLossFigures? WinLoss { get; set; }

    public AccountProfitability? Profitability { get; set; }

    public CustomerValue? LifetimeValue { get; set; }

    public double ClvPercentile { get; set; } = double.NaN;

    public CoverageReport? Coverage { get; set; }

    public AccountHealth? Health { get; set; }

    public AccountCompliance? Compliance { get; set; }

    public AccountReceivables? Receivables { get; set; }

    public int StalledCount()
    {
        var n = 0;
        if (Anomalies is { } list)
        {
            foreach (var a in list)
            {
                if (a.Kind == PipelineAnomalyKind.StuckInStage)
                {
                    n++;
                }
            }
        }

        return n;
    }
}
