using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The base of the four events that mark a playbook item done or not done.</summary>
/// <remarks>
/// The item must exist in the opportunity's playbook and be of the event's kind (a milestone event cannot name a
/// success criterion). Marking an item that is already in the requested state changes nothing but the time of the
/// last event.
/// </remarks>
public abstract class ItemEvent : OpportunityEvent
{
    private protected ItemEvent(Instant at, PersonId by, string item)
        : base(at, by)
    {
        Item = item;
    }

    /// <summary>Gets the key of the playbook item.</summary>
    public string Item { get; }

    private protected abstract StageItemKind Kind { get; }

    private protected abstract bool Done { get; }

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (Item is null || !playbook.TryGetIndex(Item, out var index))
        {
            return new("event.item", KamErrorCodes.Unknown, Item, "The playbook has no item with this key.");
        }

        var bit = UInt128.One << index;
        if (((playbook.MilestoneMask & bit) != UInt128.Zero) != (Kind == StageItemKind.Milestone))
        {
            return new("event.item", KamErrorCodes.Unknown, Item, Kind == StageItemKind.Milestone
                ? "This item is a success criterion, not a milestone."
                : "This item is a milestone, not a success criterion.");
        }

        var done = Done ? data.Done | bit : data.Done & ~bit;
        if (done != data.Done)
        {
            data.Done = done;
            data.Recompute(playbook, At);
        }

        return null;
    }
}
