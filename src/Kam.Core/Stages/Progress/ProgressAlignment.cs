using System.Text.Json.Serialization;

namespace Kam.Core.Stages.Progress;

/// <summary>
/// How the sales progress stands against the customer's procurement progress (rule book: stages, progress comparison): in step, behind,
/// ahead, or far enough behind that the project should be considered for abandoning.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgressAlignment>))]
public enum ProgressAlignment
{
    /// <summary>No procurement stage has been observed, so there is nothing to compare with.</summary>
    NotObserved = 0,

    /// <summary>同步: the entered sales stage matches the procurement stage within the policy's tolerance.</summary>
    InStep = 1,

    /// <summary>追赶进度: the customer is further along than we are; catch up.</summary>
    Behind = 2,

    /// <summary>The sales effort is ahead of the customer's process: premature effort.</summary>
    Ahead = 3,

    /// <summary>放弃: the customer is choosing its supplier (or later) while we have not earned the right to be chosen.</summary>
    AbandonCandidate = 4,
}
