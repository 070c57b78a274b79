using Kam.Core.Stages.Serialization;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The thresholds that turn a pipeline's facts into anomalies (异常; rule book: deal control): how long a project may
/// sit in a stage, what counts as high value at low probability near its close, and how large a salesperson's
/// pipeline must be before its shape is judged.
/// </summary>
/// <remarks>
/// The rule book names the anomalies but gives no numbers; the defaults below are conventional starting points a host
/// is expected to tune: 90 days in a stage, 1,000,000 (in the pipeline's currency) at below 30% within 30 days of the
/// expected close, and at least 3 open projects per salesperson. Valid from the moment it exists (the constructor
/// checks every value), immutable and thread-safe.
/// </remarks>
public sealed class AnomalyPolicy
{
    /// <summary>Creates a policy; every argument is optional and defaults to the documented value.</summary>
    /// <param name="maxDaysInStage">Days an open project may stay at one stage position before it is stuck; 1..36500. Default 90.</param>
    /// <param name="highValue">The value (in the pipeline's currency) from which a project counts as high value; not negative. Default 1,000,000.</param>
    /// <param name="lowProbability">The probability below which a high-value project near its close is reported. Default 30%.</param>
    /// <param name="nearCloseDays">How many days before the expected close a project counts as near its close; 0..36500. Default 30.</param>
    /// <param name="minOwnerPipeline">How many open projects a salesperson needs before the pipeline's shape is judged; at least 1. Default 3.</param>
    /// <exception cref="KamValidationException">A value is out of range (paths <c>maxDaysInStage</c>, <c>highValue</c>, <c>nearCloseDays</c>, <c>minOwnerPipeline</c>).</exception>
    public AnomalyPolicy(int maxDaysInStage = 90, decimal highValue = 1_000_000m, Percentage? lowProbability = null, int nearCloseDays = 30, int minOwnerPipeline = 3)
    {
        var errors = new ValidationCollector();
        errors.InRange("maxDaysInStage", maxDaysInStage, 1, 36_500);
        errors.NotNegative("highValue", highValue);
        errors.InRange("nearCloseDays", nearCloseDays, 0, 36_500);
        errors.InRange("minOwnerPipeline", minOwnerPipeline, 1, int.MaxValue);
        errors.ThrowIfAny();
        MaxDaysInStage = maxDaysInStage;
        HighValue = highValue;
        LowProbability = lowProbability ?? Percentage.FromPercent(30m);
        NearCloseDays = nearCloseDays;
        MinOwnerPipeline = minOwnerPipeline;
    }

    /// <summary>Gets the default policy.</summary>
    public static AnomalyPolicy Default { get; } = new();

    /// <summary>Gets the number of days an open project may stay at the same stage position before it is reported as stuck. Default 90.</summary>
    public int MaxDaysInStage { get; }

    /// <summary>Gets the value (in the pipeline's currency) from which a project counts as high value. Default 1,000,000.</summary>
    public decimal HighValue { get; }

    /// <summary>Gets the probability below which a high-value project near its close is reported. Default 30%.</summary>
    public Percentage LowProbability { get; }

    /// <summary>Gets how many days before the expected close a project counts as near its close. Default 30.</summary>
    public int NearCloseDays { get; }

    /// <summary>Gets how many open projects a salesperson needs before the shape of the pipeline is judged. Default 3.</summary>
    public int MinOwnerPipeline { get; }

    /// <summary>Reads the policy from JSON (camelCase members, each optional with its default) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths (<c>$.maxDaysInStage</c>).</exception>
    public static AnomalyPolicy FromJson(string json) => StagesPoliciesJson.ReadAnomalyPolicy(json);

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => StagesPoliciesJson.Write(this);

    /// <summary>Whether two policies hold the same thresholds (summaries made under them can be merged).</summary>
    internal bool SameRules(AnomalyPolicy? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (MaxDaysInStage == other.MaxDaysInStage && HighValue == other.HighValue && LowProbability == other.LowProbability
                && NearCloseDays == other.NearCloseDays && MinOwnerPipeline == other.MinOwnerPipeline));
}
