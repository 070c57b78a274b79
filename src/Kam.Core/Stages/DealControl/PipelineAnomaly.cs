using System.Globalization;

namespace Kam.Core.Stages.DealControl;

/// <summary>One anomaly in the pipeline: what kind, which opportunity and account (none for a salesperson-level anomaly), whose, and why.</summary>
/// <remarks>
/// <see cref="Measure"/> is the number behind the finding (days in stage, stage gap, days past close …; see
/// <see cref="Reason"/>). Immutable.
/// </remarks>
public sealed class PipelineAnomaly
{
    internal PipelineAnomaly(PipelineAnomalyKind kind, OpportunityId? opportunity, PersonId owner, long measure, AccountId? account = null)
    {
        Kind = kind;
        Opportunity = opportunity;
        Account = account;
        Owner = owner;
        Measure = measure;
    }

    /// <summary>Gets the kind of anomaly.</summary>
    public PipelineAnomalyKind Kind { get; }

    /// <summary>Gets the opportunity, or null for an anomaly of a salesperson's whole pipeline.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the opportunity's account, or null for an anomaly of a salesperson's whole pipeline.</summary>
    public AccountId? Account { get; }

    /// <summary>Gets the salesperson.</summary>
    public PersonId Owner { get; }

    /// <summary>Gets the number behind the finding.</summary>
    public long Measure { get; }

    /// <summary>Gets the stable code of the kind, for example <c>stuck_in_stage</c>.</summary>
    public string Code => Kind switch
    {
        PipelineAnomalyKind.StuckInStage => "stuck_in_stage",
        PipelineAnomalyKind.SkippedStage => "skipped_stage",
        PipelineAnomalyKind.Regression => "regression",
        PipelineAnomalyKind.BehindProcurement => "behind_procurement",
        PipelineAnomalyKind.AheadOfProcurement => "ahead_of_procurement",
        PipelineAnomalyKind.AbandonCandidate => "abandon_candidate",
        PipelineAnomalyKind.CloseDatePassed => "close_date_passed",
        PipelineAnomalyKind.HighValueLowProbability => "high_value_low_probability",
        PipelineAnomalyKind.NoNewProjects => "no_new_projects",
        PipelineAnomalyKind.AllInOneStage => "all_in_one_stage",
        PipelineAnomalyKind.NoDecisionCoverage => "no_decision_coverage",
        _ => "unknown",
    };

    /// <summary>Gets a sentence saying why the finding was made.</summary>
    public string Reason => Kind switch
    {
        PipelineAnomalyKind.StuckInStage => Text($"No stage change for {Measure} days."),
        PipelineAnomalyKind.SkippedStage => Text($"Stage(s) {SkippedText()} skipped: not entered while later work is recorded."),
        PipelineAnomalyKind.Regression => Text($"Moved back {Measure} time(s)."),
        PipelineAnomalyKind.BehindProcurement => Text($"The customer is {Measure} stage(s) ahead of our sales stage: catch up."),
        PipelineAnomalyKind.AheadOfProcurement => Text($"Our sales stage is {Measure} stage(s) ahead of the customer: premature effort."),
        PipelineAnomalyKind.AbandonCandidate => Text($"The customer is at procurement stage {Measure} but we have not completed the stage before it: consider abandoning."),
        PipelineAnomalyKind.CloseDatePassed => Text($"The expected close date passed {Measure} day(s) ago."),
        PipelineAnomalyKind.HighValueLowProbability => Text($"High value at low probability, {Measure} day(s) before the expected close."),
        PipelineAnomalyKind.NoNewProjects => Text($"None of the {Measure} open projects is at the top of the funnel (search state)."),
        PipelineAnomalyKind.AllInOneStage => Text($"All {Measure} open projects are in the same stage."),
        PipelineAnomalyKind.NoDecisionCoverage => Text($"At stage {Measure} with no contact at the customer's decision level covered by a relationship."),
        _ => string.Empty,
    };

    /// <summary>Tells whether two anomalies say the same thing (same kind, opportunity, account, owner and measure).</summary>
    internal bool SameAs(PipelineAnomaly other) =>
        Kind == other.Kind && Opportunity == other.Opportunity && Account == other.Account && Owner == other.Owner && Measure == other.Measure;

    private string SkippedText() =>
        string.Join(",", Enumerable.Range(1, StageExtensions.StageCount).Where(k => (Measure & (1L << (k - 1))) != 0).Select(k => k.ToString(CultureInfo.InvariantCulture)));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
