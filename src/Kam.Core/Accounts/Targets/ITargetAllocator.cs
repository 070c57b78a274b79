namespace Kam.Core.Accounts.Targets;

/// <summary>Splits targets top-down, rolls them up bottom-up and reconciles the two (see <see cref="TargetAllocator"/>).</summary>
public interface ITargetAllocator
{
    /// <summary>Gets the allocation rules the allocator was built with.</summary>
    AllocationPolicy Policy { get; }

    /// <inheritdoc cref="TargetAllocator.Allocate(Money, FiscalPeriod, IReadOnlyList{AllocationFacts})" />
    TargetAllocation Allocate(Money target, FiscalPeriod period, IReadOnlyList<AllocationFacts> accounts);

    /// <inheritdoc cref="TargetAllocator.Allocate(TargetPlan, AccountHierarchy, UnitId, string, IReadOnlyList{AllocationFacts}, FiscalPeriod?)" />
    TargetAllocation Allocate(TargetPlan plan, AccountHierarchy hierarchy, UnitId unit, string measure, IReadOnlyList<AllocationFacts> accounts, FiscalPeriod? period = null);

    /// <inheritdoc cref="TargetAllocator.Reconcile(TargetPlan, AccountHierarchy, string)" />
    TargetReconciliation Reconcile(TargetPlan plan, AccountHierarchy hierarchy, string measure);
}
