using System.Text.Json.Serialization;

namespace Kam.Core.Accounts;

/// <summary>
/// The level of an account in its customer's structure (rule book: accounts, hierarchies on both sides): a group,
/// its headquarters, branches and outlets, or — for a decentralized buyer — a decision unit served as one customer.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountLevel>))]
public enum AccountLevel
{
    /// <summary>The group: the top of a customer's structure.</summary>
    Group,

    /// <summary>The headquarters.</summary>
    Headquarters,

    /// <summary>A branch (分部).</summary>
    Branch,

    /// <summary>An outlet or store (门店).</summary>
    Outlet,

    /// <summary>A decision unit of a decentralized buyer, served as one customer.</summary>
    DecisionUnit,
}
