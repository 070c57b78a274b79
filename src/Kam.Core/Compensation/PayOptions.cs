using Kam.Core.Performance;

namespace Kam.Core.Compensation;

/// <summary>The options of the performance and compensation engines: the scorecard, the roll-up rule and the pay plan a host uses by default.</summary>
/// <remarks>Set through <c>services.AddKamCore(o => o.Pay.Plan = …)</c>; validated by <see cref="KamCoreOptions.Validate"/> with paths <c>options.Pay.…</c>.</remarks>
public sealed class PayOptions
{
    /// <summary>Gets or sets the scorecard appraisals use (default: <see cref="ScorecardDefaults.Salesperson"/>).</summary>
    public Scorecard Scorecard { get; set; } = ScorecardDefaults.Salesperson();

    /// <summary>Gets or sets how sub-period appraisals roll up to longer periods (default: month-weighted mean).</summary>
    public RollUpRule RollUp { get; set; } = RollUpRule.MonthWeightedMean;

    /// <summary>Gets or sets the host's pay plan, or <see langword="null"/> when plans are passed per call.</summary>
    public PayPlan? Plan { get; set; }

    /// <summary>Adds the options' validation errors.</summary>
    /// <param name="errors">The collector.</param>
    /// <param name="path">The options' path (<c>options.Pay</c>).</param>
    internal void Validate(ValidationCollector errors, string path)
    {
        errors.Required($"{path}.{nameof(Scorecard)}", Scorecard);
        if (!Enum.IsDefined(RollUp))
        {
            errors.Add($"{path}.{nameof(RollUp)}", KamErrorCodes.OutOfRange, RollUp, "Not a defined roll-up rule.");
        }
    }
}
