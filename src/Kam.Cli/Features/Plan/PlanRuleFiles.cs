using Kam.Cli.Features.Shared;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;

namespace Kam.Cli.Features.Plan;

/// <summary>The rule files of <c>kam plan</c> that <c>kam init</c> writes: the plan checks' thresholds and the attainment rules, each serialized from the library's defaults.</summary>
internal static class PlanRuleFiles
{
    /// <summary>The plan checks' file name (<c>--checks</c>).</summary>
    public const string ChecksFileName = "plan-check-policy.json";

    /// <summary>The attainment rules' file name (<c>--attainment</c>).</summary>
    public const string AttainmentFileName = "attainment-policy.json";

    private static readonly Lazy<InitTemplate[]> Files = new(() =>
    [
        new(ChecksFileName, "// plan-check-policy.json: the thresholds of the key-account plan checks of `kam plan --checks` (see docs/accounts.md): how often plans\n"
            + "// are reviewed and with how many days' grace, the day of the month the operating plan is due, a project plan's shortest lead\n"
            + "// time, and the days an action may run late.\n"
            + PlanCheckPolicy.Default.ToJson().TrimEnd() + "\n"),
        new(AttainmentFileName, "// attainment-policy.json: the attainment rules of `kam plan --attainment` (see docs/accounts.md): the stage probabilities that\n"
            + "// weight the pipeline are the playbook's; here: the run-rate method, whether overdue opportunities count in the current month,\n"
            + "// and the forecast method.\n"
            + AttainmentPolicy.Default.ToJson().TrimEnd() + "\n"),
    ]);

    /// <summary>Gets the default rule files (their schemas are attached by <c>kam init</c>).</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => Files.Value;
}
