using System.Text.Json.Serialization;

namespace Kam.Core.Stages;

/// <summary>
/// Whether a playbook item is a stage's milestone (里程碑, entry) or one of its success criteria (成功标准, exit),
/// rule book: stages, milestones and success criteria.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StageItemKind>))]
public enum StageItemKind
{
    /// <summary>A milestone action: when every required one of a stage is done, the project has truly entered the stage.</summary>
    Milestone = 1,

    /// <summary>A success criterion: when every required one is met (ending with the customer's commitment), the stage is completed.</summary>
    SuccessCriterion = 2,
}
