using System.Text.Json.Serialization;

namespace Kam.Core.Accounts;

/// <summary>
/// The level of a unit of our organization (rule book: accounts, hierarchies on both sides): head-office key-account
/// head → branch key-account manager → office key-account specialist, with regions between head office and branches.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitLevel>))]
public enum UnitLevel
{
    /// <summary>The head office: the top of the organization.</summary>
    HeadOffice,

    /// <summary>A region grouping branches.</summary>
    Region,

    /// <summary>A branch.</summary>
    Branch,

    /// <summary>An office under a branch.</summary>
    Office,
}
