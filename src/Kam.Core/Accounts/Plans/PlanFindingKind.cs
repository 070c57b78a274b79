using System.Text.Json.Serialization;

namespace Kam.Core.Accounts.Plans;

/// <summary>The faults a plan check flags (rule book: faults a plan check flags).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanFindingKind>))]
public enum PlanFindingKind
{
    /// <summary>One plan for every level of a group: an account with accounts below it whose accounts have no plan of their own, or plans with the same objectives.</summary>
    OnePlanForAllLevels,

    /// <summary>Project plans without a monthly operating plan to carry them.</summary>
    ProjectsWithoutOperatingPlan,

    /// <summary>A project plan without a start date, or with less lead time than the policy asks.</summary>
    NoLeadTime,

    /// <summary>The plan was not made with the customer.</summary>
    NotCoPlanned,

    /// <summary>The review of the last period was held without the customer.</summary>
    NoJointReview,

    /// <summary>Nothing differentiated: the plan names nothing the account gets that no other account gets.</summary>
    NothingDifferentiated,

    /// <summary>Targets not split by period: a measure targeted for the year only, or no measurable target at all.</summary>
    TargetsNotSplitByPeriod,

    /// <summary>An action nobody owns.</summary>
    ActionWithoutOwner,

    /// <summary>An action still open after its due date (and the policy's grace).</summary>
    ActionOverdue,

    /// <summary>A review period ended (and the policy's grace passed) without a review.</summary>
    ReviewOverdue,

    /// <summary>A month's operating plan missing after its due day, or set after it.</summary>
    OperatingPlanLate,
}
