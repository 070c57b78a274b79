using Kam.Core.Accounts.Targets;
using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>Checks key-account plans for the faults of the rule book (see <see cref="PlanChecker"/>).</summary>
public interface IPlanChecker
{
    /// <summary>Gets the thresholds the checker was built with.</summary>
    PlanCheckPolicy Policy { get; }

    /// <inheritdoc cref="PlanChecker.Check(IReadOnlyList{KeyAccountPlan}, AccountHierarchy, TargetPlan, LocalDate)" />
    PlanCheckReport Check(IReadOnlyList<KeyAccountPlan> plans, AccountHierarchy hierarchy, TargetPlan targets, LocalDate asOf);
}
