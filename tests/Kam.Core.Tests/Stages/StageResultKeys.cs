using Kam.Core.Stages.DealControl;

namespace Kam.Core.Tests.Stages;

/// <summary>The values of the deal-control result types as tuples, so that tests compare them member by member (the result types are classes without value equality).</summary>
internal static class StageResultKeys
{
    public static (long Count, Money Value, Money Weighted, Money Commit, Money BestCase) Key(this PipelineFigures figures) =>
        (figures.Count, figures.Value, figures.Weighted, figures.Commit, figures.BestCase);

    public static (PipelineAnomalyKind Kind, OpportunityId? Opportunity, PersonId Owner, long Measure) Key(this PipelineAnomaly anomaly) =>
        (anomaly.Kind, anomaly.Opportunity, anomaly.Owner, anomaly.Measure);
}
