namespace Kam.Core.Relationships.Health;

/// <summary>The three levels at which a partnership is checked (rule book: accounts, relationship health).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PartnershipLevel>))]
public enum PartnershipLevel
{
    /// <summary>The transactions: orders, deliveries, invoices, quality.</summary>
    Transaction,

    /// <summary>The processes that join the two companies: planning, service, joint teams, reviews.</summary>
    Process,

    /// <summary>The strategic partnership: shared goals, executive relationships, joint development.</summary>
    Strategic,
}
