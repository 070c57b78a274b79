using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Plans;

/// <summary>Where a <see cref="PlanAction"/> stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanActionStatus>))]
public enum PlanActionStatus
{
    /// <summary>Not started.</summary>
    Open,

    /// <summary>Under way.</summary>
    InProgress,

    /// <summary>Done.</summary>
    Done,

    /// <summary>Dropped; no longer due.</summary>
    Cancelled,
}
