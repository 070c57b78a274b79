namespace Kam.Core.Stages;

/// <summary>
/// The thresholds that turn a pipeline's facts into anomalies (异常, 000…txt:2619-2624): how long a project may sit in a
/// stage, what counts as high value at low probability near its close, and how large a salesperson's pipeline must be
/// before its shape is judged.
/// </summary>
/// <remarks>
/// The seed names the anomalies but gives no numbers; the defaults below are conventional starting points a host is
/// expected to tune: 90 days in a stage, 1,000,000 (in the pipeline's currency) at below 30% within 30 days of the
/// expected close, and at least 3 open projects per salesperson. Immutable and thread-safe; equality is structural.
/// </remarks>
public sealed record AnomalyPolicy
{
    /// <summary>Gets the default policy.</summary>
    public static AnomalyPolicy Default { get; } = new();

    /// <summary>Gets the number of days an open project may stay at the same stage position before it is reported as stuck. Default 90.</summary>
    public int MaxDaysInStage { get; init; } = 90;

    /// <summary>Gets the value (in the pipeline's currency) from which a project counts as high value. Default 1,000,000.</summary>
    public decimal HighValue { get; init; } = 1_000_000m;

    /// <summary>Gets the probability below which a high-value project near its close is reported. Default 30%.</summary>
    public Percentage LowProbability { get; init; } = Percentage.FromPercent(30m);

    /// <summary>Gets how many days before the expected close a project counts as near its close. Default 30.</summary>
    public int NearCloseDays { get; init; } = 30;

    /// <summary>Gets how many open projects a salesperson needs before the shape of the pipeline is judged. Default 3.</summary>
    public int MinOwnerPipeline { get; init; } = 3;

    /// <summary>Reads the policy from JSON (camelCase members, each optional with its default) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths.</exception>
    public static AnomalyPolicy FromJson(string json) =>
        StagesPoliciesJson.Read(json, StagesPoliciesJsonContext.Shared.AnomalyPolicyDto, StagesPoliciesJson.ToPolicy, static (policy, path) => policy.Validate(path));

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => Kam.Core.Serialization.KamJson.Serialize(StagesPoliciesJson.ToDto(this), StagesPoliciesJsonContext.Shared.AnomalyPolicyDto);

    /// <summary>Checks the policy.</summary>
    /// <param name="path">The path of the policy, for example <c>options.Stages.Anomalies</c>.</param>
    /// <returns>The problems found; empty when valid.</returns>
    public IReadOnlyList<KamValidationError> Validate(string path)
    {
        var errors = new ValidationCollector();
        errors.InRange(path + "." + nameof(MaxDaysInStage), MaxDaysInStage, 1, 36_500);
        errors.NotNegative(path + "." + nameof(HighValue), HighValue);
        errors.InRange(path + "." + nameof(NearCloseDays), NearCloseDays, 0, 36_500);
        errors.InRange(path + "." + nameof(MinOwnerPipeline), MinOwnerPipeline, 1, int.MaxValue);
        return errors.Errors;
    }
}
