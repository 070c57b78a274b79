using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.LifetimeValue;

namespace Kam.Core.Portfolio.Review;

/// <summary>
/// One account's review: who it is, what each part says about it, the signals read from the parts, the risks and
/// opportunities the rules found with their reasons and actions, and the scores the dashboard ranks by.
/// </summary>
/// <remarks>
/// Each part's summary is <see langword="null"/> when the part is absent (see <see cref="AbsentParts"/>) or has
/// nothing about the account. Immutable; the objects are the engines' own results, shared, not copied.
/// </remarks>
public sealed class AccountReview
{
    internal AccountReview(AccountReviewSources sources, int row, IReadOnlyList<SignalValue> signals, RuleFinding[] risks, RuleFinding[] opportunities)
    {
        var parts = sources.PartsAt(row);
        Account = sources.AccountAt(row);
        if (sources.Hierarchy is { } h && h.Contains(Account))
        {
            var account = h.Account(Account);
            Owner = account.Owner;
            Unit = account.Unit;
        }

        Tier = parts.TierIndex >= 0 ? sources.Tiering!.Assignments[parts.TierIndex] : null;
        TierChange = parts.TierChange;
        Attainment = parts.Attainment;
        PlanFindings = parts.PlanFindings is { } f ? f.AsReadOnly() : Array.Empty<PlanFinding>();
        Pipeline = parts.Pipeline;
        PipelineAnomalies = parts.Anomalies is { } a ? a.AsReadOnly() : Array.Empty<PipelineAnomaly>();
        WinLoss = parts.WinLoss;
        Profitability = parts.Profitability;
        LifetimeValue = parts.LifetimeValue;
        Coverage = parts.Coverage;
        Health = parts.Health;
        Compliance = parts.Compliance;
        Receivables = parts.Receivables;
        AbsentParts = sources.AbsentParts;
        Signals = signals;
        Risks = Array.AsReadOnly(risks);
        Opportunities = Array.AsReadOnly(opportunities);
        RiskScore = Scores.Sum(risks);
        OpportunityScore = Scores.Sum(opportunities);
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the account's owner (its key-account manager), or <see langword="null"/> without a hierarchy.</summary>
    public PersonId? Owner { get; }

    /// <summary>Gets the unit of our organization the account belongs to, or <see langword="null"/> without a hierarchy.</summary>
    public UnitId? Unit { get; }

    /// <summary>Gets the tier with its reasons (<see cref="TierAssignment.Explanation"/>).</summary>
    public TierAssignment? Tier { get; }

    /// <summary>Gets the tier change since the previous run, or <see langword="null"/> when the tier did not change or the part is absent.</summary>
    public TierChange? TierChange { get; }

    /// <summary>Gets plan attainment: actual, weighted pipeline, forecast, gap, coverage.</summary>
    public AttainmentLine? Attainment { get; }

    /// <summary>Gets the plan check's findings about the account's plan (empty when none or absent).</summary>
    public IReadOnlyList<PlanFinding> PlanFindings { get; }

    /// <summary>Gets the open pipeline's figures.</summary>
    public PipelineFigures? Pipeline { get; }

    /// <summary>Gets the pipeline anomalies of the account: stalled opportunities, skipped stages and the rest (empty when none or absent).</summary>
    public IReadOnlyList<PipelineAnomaly> PipelineAnomalies { get; }

    /// <summary>Gets win/loss of the account's closed opportunities.</summary>
    public WinLossFigures? WinLoss { get; }

    /// <summary>Gets profitability and cost to serve.</summary>
    public AccountProfitability? Profitability { get; }

    /// <summary>Gets lifetime value and the probability the customer is still active.</summary>
    public CustomerValue? LifetimeValue { get; }

    /// <summary>Gets coverage of the buying center.</summary>
    public CoverageReport? Coverage { get; }

    /// <summary>Gets relationship health: index, trend, alerts.</summary>
    public AccountHealth? Health { get; }

    /// <summary>Gets contact compliance.</summary>
    public AccountCompliance? Compliance { get; }

    /// <summary>Gets receivables: overdue, days sales outstanding, credit-limit use.</summary>
    public AccountReceivables? Receivables { get; }

    /// <summary>Gets the parts the sources did not have.</summary>
    public IReadOnlyList<ReviewPart> AbsentParts { get; }

    /// <summary>Gets every signal of the catalog with the account's value, in catalog order.</summary>
    public IReadOnlyList<SignalValue> Signals { get; }

    /// <summary>Gets the risk rules that fired, in rule-set order.</summary>
    public IReadOnlyList<RuleFinding> Risks { get; }

    /// <summary>Gets the opportunity rules that fired, in rule-set order.</summary>
    public IReadOnlyList<RuleFinding> Opportunities { get; }

    /// <summary>Gets the risk score: the sum of the fired risk rules' weights.</summary>
    public double RiskScore { get; }

    /// <summary>Gets the opportunity score: the sum of the fired opportunity rules' weights.</summary>
    public double OpportunityScore { get; }

    /// <summary>Gets a signal's value by name.</summary>
    /// <param name="name">The signal's name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="KamValidationException">No signal has this name (<c>name</c>, <see cref="KamErrorCodes.Unknown"/>).</exception>
    public double? Signal(string name)
    {
        foreach (var s in Signals)
        {
            if (string.Equals(s.Signal.Name, name, StringComparison.Ordinal))
            {
                return s.Value;
            }
        }

        throw new KamValidationException("name", KamErrorCodes.Unknown, name, "No signal has this name.");
    }
}
