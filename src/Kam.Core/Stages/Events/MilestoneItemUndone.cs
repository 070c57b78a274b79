using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A milestone action recorded as done is withdrawn (it was recorded in error or has to be redone).</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules. Undoing can move the project back to an earlier stage; that regression is counted and reported.</remarks>
public sealed class MilestoneItemUndone : ItemEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="item">The key of the playbook item.</param>
    public MilestoneItemUndone(Instant at, PersonId by, string item)
        : base(at, by, item)
    {
    }

    private protected override StageItemKind Kind => StageItemKind.Milestone;

    private protected override bool Done => false;
}
