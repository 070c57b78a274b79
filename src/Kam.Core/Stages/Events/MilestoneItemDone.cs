using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A milestone action of the playbook was done.</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules.</remarks>
public sealed class MilestoneItemDone : ItemEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="item">The key of the playbook item.</param>
    public MilestoneItemDone(Instant at, PersonId by, string item)
        : base(at, by, item)
    {
    }

    private protected override StageItemKind Kind => StageItemKind.Milestone;

    private protected override bool Done => true;
}
