using System.Text.Json.Serialization;

namespace Kam.Core.Stages;

/// <summary>Whether an opportunity is still being worked or how it ended.</summary>
/// <remarks>A closed opportunity (won, lost, abandoned) keeps its history and accepts no further events.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<OpportunityStatus>))]
public enum OpportunityStatus
{
    /// <summary>Still being worked.</summary>
    Open = 1,

    /// <summary>Won: the contract is signed (签约成交).</summary>
    Won = 2,

    /// <summary>Lost to a competitor or to no decision.</summary>
    Lost = 3,

    /// <summary>Abandoned by us, with a reason (for example after the progress comparison advised it).</summary>
    Abandoned = 4,
}
