using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>The findings of one plan check (<see cref="PlanChecker.Check"/>), in the order of the plans, and per plan in the order of <see cref="PlanFindingKind"/>.</summary>
public sealed class PlanCheckReport
{
    internal PlanCheckReport(LocalDate asOf, IReadOnlyList<PlanFinding> findings)
    {
        AsOf = asOf;
        Findings = findings;
    }

    /// <summary>Gets the date the plans were checked as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets every finding.</summary>
    public IReadOnlyList<PlanFinding> Findings { get; }

    /// <summary>Gets the findings of one account's plan.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The findings; empty when the plan has none (or there is no plan).</returns>
    public IReadOnlyList<PlanFinding> For(AccountId account) => Findings.Where(f => f.Account == account).ToArray();
}
