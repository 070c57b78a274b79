using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A milestone action of the playbook was done.</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules.</remarks>
/// <param name="At">When it happened.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Item">The key of the playbook item.</param>
public sealed record MilestoneItemDone(Instant At, PersonId By, string Item) : ItemEvent(At, By, Item)
{
    private protected override StageItemKind Kind => StageItemKind.Milestone;

    private protected override bool Done => true;
}
