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
/// The set of event types is closed (the library folds each of them); they are immutable records with structural
/// equality. Events are applied in time order: an event earlier than the last one applied is refused, events at the
/// same instant are applied in the order given.
/// </para>
/// <para>Events carry no opportunity identifier: they belong to the stream that starts with <see cref="OpportunityOpened"/>.</para>
/// </remarks>
/// <param name="At">When it happened.</param>
/// <param name="By">Who recorded it.</param>
public abstract record OpportunityEvent(Instant At, PersonId By)
{
    /// <summary>Folds the event into the state data, or returns why it cannot be applied (leaving the data as it was).</summary>
    internal abstract KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook);
}
