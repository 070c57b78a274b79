using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>A success criterion of the playbook was met (for the last one of a stage: the customer's commitment to go on).</summary>
/// <remarks>See <see cref="ItemEvent"/> for the rules.</remarks>
public sealed class SuccessItemMet : ItemEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="item">The key of the playbook item.</param>
    public SuccessItemMet(Instant at, PersonId by, string item)
        : base(at, by, item)
    {
    }

    private protected override StageItemKind Kind => StageItemKind.SuccessCriterion;

    private protected override bool Done => true;
}
