using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A success criterion recorded as met no longer holds (for example the customer withdrew its commitment).</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules. Withdrawing can lower the completed stage and the win probability; that regression is counted and reported.</remarks>
public sealed class SuccessItemWithdrawn : ItemEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="item">The key of the playbook item.</param>
    public SuccessItemWithdrawn(Instant at, PersonId by, string item)
        : base(at, by, item)
    {
    }

    private protected override StageItemKind Kind => StageItemKind.SuccessCriterion;

    private protected override bool Done => false;
}
