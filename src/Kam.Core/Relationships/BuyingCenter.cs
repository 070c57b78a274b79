using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>
/// One account's buying center as of a date: its contacts (those who left included, with the date) and our people's
/// relationships with them (rule book: accounts, the buying center and our coverage). Built by
/// <see cref="BuyingCenterHistory.AsOf(AccountId, LocalDate)"/>; immutable and safe to share between threads.
/// </summary>
public sealed class BuyingCenter
{
    private readonly Contact[] _contacts;
    private readonly Relationship[] _relationships;
    private readonly Dictionary<ContactId, int> _index;

    internal BuyingCenter(AccountId account, LocalDate date, Contact[] contacts, Relationship[] relationships, Dictionary<ContactId, int> index)
    {
        Account = account;
        Date = date;
        _contacts = contacts;
        _relationships = relationships;
        _index = index;
        var contactOf = new int[relationships.Length];
        for (var r = 0; r < relationships.Length; r++)
        {
            contactOf[r] = index[relationships[r].Contact];
        }

        RelationshipContact = contactOf;
        Contacts = Array.AsReadOnly(contacts);
        Relationships = Array.AsReadOnly(relationships);
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the date the map describes.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets every contact mapped by <see cref="Date"/>, in the order they were mapped; those who left have <see cref="Contact.Left"/> set.</summary>
    public IReadOnlyList<Contact> Contacts { get; }

    /// <summary>Gets our people's relationships with the contacts (strength 1 or more), in the order they were established.</summary>
    public IReadOnlyList<Relationship> Relationships { get; }

    /// <summary>Gets the index in <see cref="Contacts"/> of each relationship's contact (internal: for the coverage engine).</summary>
    internal int[] RelationshipContact { get; }

    /// <summary>Gets the contacts as an array (internal: for the coverage engine; never handed out).</summary>
    internal Contact[] ContactArray => _contacts;

    /// <summary>Gets the relationships as an array (internal: for the coverage engine; never handed out).</summary>
    internal Relationship[] RelationshipArray => _relationships;

    /// <summary>Gets, per contact (index in <see cref="Contacts"/>), the strength of our strongest relationship with them; 0 for none (internal: for the engines).</summary>
    /// <returns>A new array, one entry per contact.</returns>
    internal int[] BestStrengths()
    {
        var best = new int[_contacts.Length];
        for (var r = 0; r < _relationships.Length; r++)
        {
            var c = RelationshipContact[r];
            best[c] = Math.Max(best[c], _relationships[r].Strength);
        }

        return best;
    }

    /// <summary>Tells whether a contact is on the map.</summary>
    /// <param name="contact">The contact.</param>
    /// <returns><see langword="true"/> when the contact was mapped by <see cref="Date"/>.</returns>
    public bool Contains(ContactId contact) => _index.ContainsKey(contact);

    /// <summary>Gets a contact.</summary>
    /// <param name="contact">The contact's identifier.</param>
    /// <returns>The contact.</returns>
    /// <exception cref="KamValidationException">No contact of the account with this identifier was mapped by <see cref="Date"/> (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public Contact Contact(ContactId contact) => _contacts[IndexOf(contact, "contact")];

    /// <summary>Gets the index of a contact in <see cref="Contacts"/>.</summary>
    /// <param name="contact">The contact.</param>
    /// <param name="path">The path to report when the contact is unknown.</param>
    /// <returns>The index.</returns>
    internal int IndexOf(ContactId contact, string path) =>
        _index.TryGetValue(contact, out var i) ? i : throw new KamValidationException(path, KamErrorCodes.Unknown, contact.Value, $"No contact of account '{Account}' has this identifier on {ValidationCollector.Render(Date)}.");

    /// <summary>Tries to get the index of a contact in <see cref="Contacts"/>.</summary>
    /// <param name="contact">The contact.</param>
    /// <param name="index">The index.</param>
    /// <returns><see langword="true"/> when the contact is on the map.</returns>
    internal bool TryIndexOf(ContactId contact, out int index) => _index.TryGetValue(contact, out index);
}
