
namespace Kam.Core.Stages.Progress;

/// <summary>The result of comparing an opportunity's sales stage with the customer's observed procurement stage.</summary>
/// <remarks>
/// <see cref="Gap"/> is the procurement stage number minus the entered sales stage number (0 before stage 1):
/// positive when the customer is ahead. Made by <see cref="ProgressPolicy.Compare"/>; immutable.
/// </remarks>
public readonly struct ProgressComparison
{
    internal ProgressComparison(ProgressAlignment alignment, SalesStage? salesStage, ProcurementStage? procurementStage, int gap)
    {
        Alignment = alignment;
        SalesStage = salesStage;
        ProcurementStage = procurementStage;
        Gap = gap;
    }

    /// <summary>Gets the verdict.</summary>
    public ProgressAlignment Alignment { get; }

    /// <summary>Gets the entered sales stage, or null.</summary>
    public SalesStage? SalesStage { get; }

    /// <summary>Gets the observed procurement stage, or null.</summary>
    public ProcurementStage? ProcurementStage { get; }

    /// <summary>Gets the procurement number minus the sales number (0 when nothing was observed).</summary>
    public int Gap { get; }
}
