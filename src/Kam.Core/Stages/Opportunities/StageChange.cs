using NodaTime;
using Kam.Core.Stages.Events;

namespace Kam.Core.Stages.Opportunities;

/// <summary>One event that moved an opportunity's stage or completed stage, forward or back.</summary>
/// <remarks>Equality is structural (the skipped list by reference).</remarks>
/// <param name="At">When the event happened.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Event">The event that caused the change.</param>
/// <param name="FromStage">The entered stage before, or null.</param>
/// <param name="ToStage">The entered stage after, or null.</param>
/// <param name="FromCompleted">The completed stage before, or null.</param>
/// <param name="ToCompleted">The completed stage after, or null.</param>
/// <param name="NewlySkipped">Stages that became skipped with this event.</param>
public sealed record StageChange(
    Instant At,
    PersonId By,
    OpportunityEvent Event,
    SalesStage? FromStage,
    SalesStage? ToStage,
    SalesStage? FromCompleted,
    SalesStage? ToCompleted,
    IReadOnlyList<SalesStage> NewlySkipped)
{
    /// <summary>Gets a value indicating whether the change moved the entered or the completed stage back.</summary>
    public bool IsRegression => Before(ToStage, FromStage) || Before(ToCompleted, FromCompleted);

    private static bool Before(SalesStage? after, SalesStage? before) => ((int?)after ?? 0) < ((int?)before ?? 0);
}
