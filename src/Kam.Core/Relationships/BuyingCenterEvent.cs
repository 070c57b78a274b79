using Kam.Core.Accounts;
using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>
/// One dated change to an account's buying center or to our relationships with its people; a
/// <see cref="BuyingCenterHistory"/> replays them to answer what the map looked like on a given date.
/// </summary>
/// <remarks>
/// The set of event kinds is closed: <see cref="ContactJoined"/>, <see cref="ContactChanged"/>,
/// <see cref="ContactLeft"/>, <see cref="RelationshipChanged"/>. Events are immutable and check their own values when
/// created; whether they fit the history (a known contact, the same account, no cycle in the org chart) is checked by
/// the history, which reports every problem at once.
/// </remarks>
public abstract class BuyingCenterEvent
{
    private protected BuyingCenterEvent(LocalDate date, ContactId contact, ValidationCollector errors)
    {
        Checks.Identifier(errors, "contact", contact.Value);
        Date = date;
        Contact = contact;
    }

    /// <summary>Gets the date the change took effect.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the contact the change is about.</summary>
    public ContactId Contact { get; }
}
