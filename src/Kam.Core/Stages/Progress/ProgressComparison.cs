
namespace Kam.Core.Stages.Progress;

/// <summary>The result of comparing an opportunity's sales stage with the customer's observed procurement stage.</summary>
/// <remarks>
/// <see cref="Gap"/> is the procurement stage number minus the entered sales stage number (0 before stage 1):
/// positive when the customer is ahead. Equality is structural.
/// </remarks>
/// <param name="Alignment">The verdict.</param>
/// <param name="SalesStage">The entered sales stage, or null.</param>
/// <param name="ProcurementStage">The observed procurement stage, or null.</param>
/// <param name="Gap">Procurement number minus sales number (0 when nothing was observed).</param>
public readonly record struct ProgressComparison(ProgressAlignment Alignment, SalesStage? SalesStage, ProcurementStage? ProcurementStage, int Gap);
