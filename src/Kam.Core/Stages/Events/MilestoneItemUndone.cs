using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A milestone action recorded as done is withdrawn (it was recorded in error or has to be redone).</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules. Undoing can move the project back to an earlier stage; that regression is counted and reported.</remarks>
/// <param name="At">When it happened.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Item">The key of the playbook item.</param>
public sealed record MilestoneItemUndone(Instant At, PersonId By, string Item) : ItemEvent(At, By, Item)
{
    private protected override StageItemKind Kind => StageItemKind.Milestone;

    private protected override bool Done => false;
}
