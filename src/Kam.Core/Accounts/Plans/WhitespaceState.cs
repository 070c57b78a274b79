using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Plans;

/// <summary>What a cell of the <see cref="WhitespaceGrid"/> says about one offering at one business unit or site of the account.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WhitespaceState>))]
public enum WhitespaceState
{
    /// <summary>We supply it.</summary>
    Ours,

    /// <summary>A competitor supplies it (the cell names which).</summary>
    Competitor,

    /// <summary>An opportunity of ours is open for it (the cell names which).</summary>
    OpenOpportunity,

    /// <summary>The unit does not buy it.</summary>
    NotApplicable,

    /// <summary>White space: the unit could buy it and nobody sells it yet (the cell gives the estimated value).</summary>
    WhiteSpace,
}
