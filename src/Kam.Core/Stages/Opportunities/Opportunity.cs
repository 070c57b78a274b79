using System.Globalization;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Opportunities;

/// <summary>
/// One opportunity as its append-only event history and the state derived from it under a <see cref="Playbook"/>.
/// </summary>
/// <remarks>
/// <para>
/// Replaying the same events under the same playbook always gives an equal <see cref="State"/>. An event that is
/// refused (out of time order, on a closed opportunity, naming an unknown item …) is reported with a
/// <see cref="KamValidationException"/> and nothing is kept: <see cref="Append"/> returns a new opportunity and leaves
/// this one unchanged. A lost or abandoned opportunity keeps its history.
/// </para>
/// <para>Immutable and thread-safe; the caller's event list is copied. Equality is by reference.</para>
/// </remarks>
public sealed class Opportunity
{
    private readonly OpportunityEvent[] _events;
    private OpportunityHistory? _history;

    private Opportunity(OpportunityEvent[] events, OpportunityState state)
    {
        _events = events;
        State = state;
    }

    /// <summary>Gets the events, oldest first.</summary>
    public IReadOnlyList<OpportunityEvent> Events => _events;

    /// <summary>Gets the state after every event.</summary>
    public OpportunityState State { get; }

    /// <summary>Gets the account (the customer) the opportunity belongs to.</summary>
    public AccountId Account => State.Account;

    /// <summary>Gets the playbook the state follows.</summary>
    public Playbook Playbook => State.Playbook;

    /// <summary>Gets the stage changes of the history (advances, regressions, skips), computed on first use.</summary>
    public OpportunityHistory History => _history ??= OpportunityHistory.Of(Playbook, _events);

    /// <summary>Replays a history of events.</summary>
    /// <param name="playbook">The playbook.</param>
    /// <param name="events">The events, oldest first; the first must be <see cref="OpportunityOpened"/>.</param>
    /// <returns>The opportunity.</returns>
    /// <exception cref="KamValidationException">An event is refused; the path names it, for example <c>events[3].item</c>.</exception>
    public static Opportunity Replay(Playbook playbook, IEnumerable<OpportunityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(events);
        var copy = events.ToArray();
        if (copy.Length == 0)
        {
            throw new KamValidationException("events", KamErrorCodes.Empty, null, "An opportunity starts with an OpportunityOpened event.");
        }

        var state = OpportunityState.Initial(playbook);
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new KamValidationException(At(i), KamErrorCodes.Required, null, "An event is required.");
            }

            // The next state goes to its own variable: the receiver is not passed as its own out argument (see
            // TryApply), which code instrumented for mutation testing would clear before it is read.
            if (!state.TryApply(copy[i], out var next, out var error))
            {
                throw new KamValidationException([Rebase(error!, At(i))]);
            }

            state = next;
        }

        return new Opportunity(copy, state);
    }

    /// <summary>Appends one event, returning a new opportunity; this one is unchanged.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The opportunity with the event appended.</returns>
    /// <exception cref="KamValidationException">The event is refused (see <see cref="OpportunityState.Apply"/>).</exception>
    public Opportunity Append(OpportunityEvent @event)
    {
        var state = State.Apply(@event);
        return new Opportunity([.. _events, @event], state);
    }

    /// <summary>Renders the opportunity's state.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => State.ToString();

    internal static KamValidationError Rebase(KamValidationError error, string prefix) =>
        error with { Path = error.Path.StartsWith("event", StringComparison.Ordinal) ? prefix + error.Path["event".Length..] : prefix };

    private static string At(int index) => string.Create(CultureInfo.InvariantCulture, $"events[{index}]");
}
