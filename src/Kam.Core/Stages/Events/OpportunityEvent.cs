using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>
/// One fact in an opportunity's append-only history, stamped with the moment it happened and the person who recorded
/// it; an opportunity's state is the fold of its events (<see cref="OpportunityState.Apply"/>).
/// </summary>
/// <remarks>
/// <para>
/// The set of event types is closed (the library folds each of them); events are immutable. Their values are checked
/// when they are applied, so a refused event is reported with the path of its place in the history. Events are
/// applied in time order: an event earlier than the last one applied is refused, events at the same instant are
/// applied in the order given.
/// </para>
/// <para>Events carry no opportunity identifier: they belong to the stream that starts with <see cref="OpportunityOpened"/>.</para>
/// </remarks>
public abstract class OpportunityEvent
{
    private protected OpportunityEvent(Instant at, PersonId by)
    {
        At = at;
        By = by;
    }

    /// <summary>Gets when it happened.</summary>
    public Instant At { get; }

    /// <summary>Gets who recorded it.</summary>
    public PersonId By { get; }

    /// <summary>Folds the event into the state data, or returns why it cannot be applied (leaving the data as it was).</summary>
    internal abstract KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook);
}
