using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A success criterion recorded as met no longer holds (for example the customer withdrew its commitment).</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules. Withdrawing can lower the completed stage and the win probability; that regression is counted and reported.</remarks>
/// <param name="At">When it happened.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Item">The key of the playbook item.</param>
public sealed record SuccessItemWithdrawn(Instant At, PersonId By, string Item) : ItemEvent(At, By, Item)
{
    private protected override StageItemKind Kind => StageItemKind.SuccessCriterion;

    private protected override bool Done => false;
}
