using System.Text.Json.Serialization;

namespace Kam.Core.Tiering.Stability;

/// <summary>How an account's tier changed between two runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TierChangeKind>))]
public enum TierChangeKind
{
    /// <summary>Moved to a better tier.</summary>
    Promoted,

    /// <summary>Moved to a worse tier.</summary>
    Demoted,

    /// <summary>Present in the later run only.</summary>
    New,

    /// <summary>Present in the earlier run only.</summary>
    Gone,
}
