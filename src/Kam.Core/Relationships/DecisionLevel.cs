using System.Text.Json.Serialization;

namespace Kam.Core.Relationships;

/// <summary>
/// The level a person works at, on the customer's side (a contact) or on ours (rule book: accounts, the customer's
/// people on three dimensions): the operational level, management (which often holds a veto) and the decision level
/// (which makes the buying decisions). Ordered: a higher level compares greater.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionLevel>))]
public enum DecisionLevel
{
    /// <summary>The operational level: users, engineers, buyers.</summary>
    Operational,

    /// <summary>Management: heads of departments; often holds a veto.</summary>
    Management,

    /// <summary>The decision level: the executives who decide whether, when, with what budget and with whom to buy, and sign (on our side: our executives).</summary>
    Decision,
}
