using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A success criterion of the playbook was met (for the last one of a stage: the customer's commitment to go on).</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules.</remarks>
/// <param name="At">When it happened.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Item">The key of the playbook item.</param>
public sealed record SuccessItemMet(Instant At, PersonId By, string Item) : ItemEvent(At, By, Item)
{
    private protected override StageItemKind Kind => StageItemKind.SuccessCriterion;

    private protected override bool Done => true;
}
