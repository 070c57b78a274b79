using System.Text.Json.Serialization;

namespace Kam.Core.Relationships;

/// <summary>A contact's attitude to us, from opponent to supporter. Ordered: a friendlier attitude compares greater.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Attitude>))]
public enum Attitude
{
    /// <summary>Works against us.</summary>
    Opponent = -2,

    /// <summary>Doubts us.</summary>
    Skeptical = -1,

    /// <summary>Neither for nor against us (the default).</summary>
    Neutral = 0,

    /// <summary>Inclined to us.</summary>
    Favorable = 1,

    /// <summary>Works for us.</summary>
    Supporter = 2,
}
