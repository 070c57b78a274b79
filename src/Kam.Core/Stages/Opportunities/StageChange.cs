using NodaTime;
using Kam.Core.Stages.Events;

namespace Kam.Core.Stages.Opportunities;

/// <summary>One event that moved an opportunity's stage or completed stage, forward or back.</summary>
/// <remarks>Listed by <see cref="OpportunityHistory"/>. Immutable.</remarks>
public sealed class StageChange
{
    internal StageChange(
        Instant at,
        PersonId by,
        OpportunityEvent @event,
        SalesStage? fromStage,
        SalesStage? toStage,
        SalesStage? fromCompleted,
        SalesStage? toCompleted,
        IReadOnlyList<SalesStage> newlySkipped)
    {
        At = at;
        By = by;
        Event = @event;
        FromStage = fromStage;
        ToStage = toStage;
        FromCompleted = fromCompleted;
        ToCompleted = toCompleted;
        NewlySkipped = newlySkipped;
    }

    /// <summary>Gets when the event happened.</summary>
    public Instant At { get; }

    /// <summary>Gets who recorded it.</summary>
    public PersonId By { get; }

    /// <summary>Gets the event that caused the change.</summary>
    public OpportunityEvent Event { get; }

    /// <summary>Gets the entered stage before, or null.</summary>
    public SalesStage? FromStage { get; }

    /// <summary>Gets the entered stage after, or null.</summary>
    public SalesStage? ToStage { get; }

    /// <summary>Gets the completed stage before, or null.</summary>
    public SalesStage? FromCompleted { get; }

    /// <summary>Gets the completed stage after, or null.</summary>
    public SalesStage? ToCompleted { get; }

    /// <summary>Gets the stages that became skipped with this event.</summary>
    public IReadOnlyList<SalesStage> NewlySkipped { get; }

    /// <summary>Gets a value indicating whether the change moved the entered or the completed stage back.</summary>
    public bool IsRegression => Before(ToStage, FromStage) || Before(ToCompleted, FromCompleted);

    private static bool Before(SalesStage? after, SalesStage? before) => ((int?)after ?? 0) < ((int?)before ?? 0);
}
