using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Progress;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The deal-control view of one opportunity (对单个项目的判断, 000…txt:2645-2650): where it stands, what it is worth
/// now, how long it has been there, what it needs next, and how it compares with the customer's progress.
/// </summary>
/// <remarks>Equality is structural (lists by reference).</remarks>
/// <param name="Opportunity">The opportunity.</param>
/// <param name="Owner">The salesperson.</param>
/// <param name="Status">Open, won, lost or abandoned.</param>
/// <param name="Stage">The entered stage, or null before stage 1.</param>
/// <param name="CompletedStage">The completed stage, or null.</param>
/// <param name="Probability">The earned win probability.</param>
/// <param name="Band">The band the probability lies in while in the entered stage.</param>
/// <param name="Funnel">The funnel state.</param>
/// <param name="DaysInStage">Whole days since the stage position last changed.</param>
/// <param name="NextRequiredItems">The required items that stand between the project and its next step.</param>
/// <param name="SkippedStages">Stages currently skipped.</param>
/// <param name="Progress">The comparison with the customer's procurement stage.</param>
public sealed record OpportunityProgress(
    OpportunityId Opportunity,
    PersonId Owner,
    OpportunityStatus Status,
    SalesStage? Stage,
    SalesStage? CompletedStage,
    Percentage Probability,
    ProbabilityBand Band,
    FunnelState Funnel,
    int DaysInStage,
    IReadOnlyList<PlaybookItem> NextRequiredItems,
    IReadOnlyList<SalesStage> SkippedStages,
    ProgressComparison Progress);
