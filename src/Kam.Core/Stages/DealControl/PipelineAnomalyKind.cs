using System.Text.Json.Serialization;

namespace Kam.Core.Stages.DealControl;

/// <summary>The kinds of anomaly (异常) the deal-control view reports (rule book: stages, the deal-control system).</summary>
/// <remarks>The names are stable codes; <see cref="PipelineAnomaly.Code"/> gives them in snake case.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<PipelineAnomalyKind>))]
public enum PipelineAnomalyKind
{
    /// <summary>The project has stayed at the same stage position longer than the policy allows.</summary>
    StuckInStage = 1,

    /// <summary>A stage is skipped: not entered while work of a later stage is recorded.</summary>
    SkippedStage = 2,

    /// <summary>The project has moved back at least once (an item undone or a commitment withdrawn).</summary>
    Regression = 3,

    /// <summary>The customer's procurement is ahead of our sales stage: catch up.</summary>
    BehindProcurement = 4,

    /// <summary>Our sales stage is ahead of the customer's procurement: premature effort.</summary>
    AheadOfProcurement = 5,

    /// <summary>The customer is choosing (or has chosen) a supplier while we have not earned the right to be chosen.</summary>
    AbandonCandidate = 6,

    /// <summary>The expected close date has passed and the project is still open.</summary>
    CloseDatePassed = 7,

    /// <summary>A high-value project is near its expected close at a low win probability.</summary>
    HighValueLowProbability = 8,

    /// <summary>A salesperson's pipeline has no projects at the top (search state: not entered, stage 1 or 2).</summary>
    NoNewProjects = 9,

    /// <summary>All of a salesperson's open projects sit in one stage.</summary>
    AllInOneStage = 10,

    /// <summary>An opportunity at the given stage or later has no contact at the customer's decision level covered by a relationship (found from the buying-center map, not by the pipeline analyzer).</summary>
    NoDecisionCoverage = 11,
}
