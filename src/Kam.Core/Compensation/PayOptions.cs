using Kam.Core.Compensation.Serialization;
using Kam.Core.Performance;

namespace Kam.Core.Compensation;

/// <summary>
/// The options of the performance and compensation engines: the scorecard, the roll-up rule and the pay plan a host
/// uses by default. Immutable and valid from the moment it exists.
/// </summary>
/// <remarks>Set through <c>services.AddKamCore(o =&gt; o.Pay = new PayOptions(plan: …))</c>.</remarks>
public sealed class PayOptions
{
    /// <summary>Creates the options, checking every argument.</summary>
    /// <param name="scorecard">The scorecard appraisals use; null for <see cref="ScorecardDefaults.Salesperson"/>.</param>
    /// <param name="rollUp">How sub-period appraisals roll up to longer periods (default: month-weighted mean).</param>
    /// <param name="plan">The host's pay plan, or <see langword="null"/> when plans are passed per call.</param>
    /// <exception cref="KamValidationException"><paramref name="rollUp"/> is not a defined rule (path <c>rollUp</c>).</exception>
    public PayOptions(Scorecard? scorecard = null, RollUpRule rollUp = RollUpRule.MonthWeightedMean, PayPlan? plan = null)
    {
        if (!Enum.IsDefined(rollUp))
        {
            throw new KamValidationException("rollUp", KamErrorCodes.OutOfRange, rollUp.ToString(), "Not a defined roll-up rule.");
        }

        Scorecard = scorecard ?? ScorecardDefaults.Salesperson();
        RollUp = rollUp;
        Plan = plan;
    }

    /// <summary>Gets the default options: the salesperson scorecard, the month-weighted mean, no plan.</summary>
    public static PayOptions Default { get; } = new();

    /// <summary>Gets the scorecard appraisals use.</summary>
    public Scorecard Scorecard { get; }

    /// <summary>Gets how sub-period appraisals roll up to longer periods.</summary>
    public RollUpRule RollUp { get; }

    /// <summary>Gets the host's pay plan, or <see langword="null"/> when plans are passed per call.</summary>
    public PayPlan? Plan { get; }

    /// <summary>
    /// Reads the options from JSON: <c>{ "scorecard": …, "rollUp": "MonthWeightedMean", "plan": … }</c>, the scorecard and
    /// the plan in the format of <see cref="Scorecard.FromJson"/> and <see cref="PayPlan.FromJson"/>; every member
    /// optional (missing means the default); problems reported together (paths such as <c>$.plan.components[0].rate</c>).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or a section is invalid.</exception>
    public static PayOptions FromJson(string json) => PayPlanJson.ReadOptions(json);

    /// <summary>Writes the options as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PayPlanJson.Write(this);
}
