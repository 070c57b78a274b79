using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Progress;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The deal-control view of one opportunity (对单个项目的判断; rule book: stages, the deal-control system): where it stands, what
/// it is worth now, how long it has been there, what it needs next, and how it compares with the customer's progress.
/// </summary>
/// <remarks>Made by <see cref="IPipelineAnalyzer.Progress"/>. Immutable.</remarks>
public sealed class OpportunityProgress
{
    internal OpportunityProgress(
        OpportunityId opportunity,
        AccountId account,
        PersonId owner,
        OpportunityStatus status,
        SalesStage? stage,
        SalesStage? completedStage,
        Percentage probability,
        ProbabilityBand band,
        FunnelState funnel,
        int daysInStage,
        IReadOnlyList<PlaybookItem> nextRequiredItems,
        IReadOnlyList<SalesStage> skippedStages,
        ProgressComparison progress)
    {
        Opportunity = opportunity;
        Account = account;
        Owner = owner;
        Status = status;
        Stage = stage;
        CompletedStage = completedStage;
        Probability = probability;
        Band = band;
        Funnel = funnel;
        DaysInStage = daysInStage;
        NextRequiredItems = nextRequiredItems;
        SkippedStages = skippedStages;
        Progress = progress;
    }

    /// <summary>Gets the opportunity.</summary>
    public OpportunityId Opportunity { get; }

    /// <summary>Gets the account (the customer) the opportunity belongs to.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the salesperson.</summary>
    public PersonId Owner { get; }

    /// <summary>Gets whether the opportunity is open, won, lost or abandoned.</summary>
    public OpportunityStatus Status { get; }

    /// <summary>Gets the entered stage, or null before stage 1.</summary>
    public SalesStage? Stage { get; }

    /// <summary>Gets the completed stage, or null.</summary>
    public SalesStage? CompletedStage { get; }

    /// <summary>Gets the earned win probability.</summary>
    public Percentage Probability { get; }

    /// <summary>Gets the band the probability lies in while in the entered stage.</summary>
    public ProbabilityBand Band { get; }

    /// <summary>Gets the funnel state.</summary>
    public FunnelState Funnel { get; }

    /// <summary>Gets the whole days since the stage position last changed.</summary>
    public int DaysInStage { get; }

    /// <summary>Gets the required items that stand between the project and its next step.</summary>
    public IReadOnlyList<PlaybookItem> NextRequiredItems { get; }

    /// <summary>Gets the stages currently skipped.</summary>
    public IReadOnlyList<SalesStage> SkippedStages { get; }

    /// <summary>Gets the comparison with the customer's procurement stage.</summary>
    public ProgressComparison Progress { get; }
}
