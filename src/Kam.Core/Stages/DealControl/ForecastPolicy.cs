namespace Kam.Core.Stages;

/// <summary>
/// How the forecast (销售预测, 000…txt:2619-2624) is cut: the period of the expected close it groups by, and the
/// probabilities from which a project counts in the commit and best-case views.
/// </summary>
/// <remarks>
/// <para>
/// Weighted value = value × earned win probability. Commit = the full value of projects whose earned probability is
/// at least <see cref="CommitFrom"/> (default 75%: confirmed preferred supplier, "over 75% once preferred",
/// 000…txt:2565). Best case = the full value of projects whose band reaches at least <see cref="BestCaseFrom"/>
/// (default 50%: working on or past the formal solution). These two cut points are conventions, not the seed's.
/// </para>
/// <para>Immutable and thread-safe; equality is structural.</para>
/// </remarks>
public sealed record ForecastPolicy
{
    /// <summary>Gets the default policy.</summary>
    public static ForecastPolicy Default { get; } = new();

    /// <summary>Gets the kind of fiscal period the pipeline and forecast group expected closes by. Default: quarter.</summary>
    public PeriodKind Period { get; init; } = PeriodKind.Quarter;

    /// <summary>Gets the earned probability from which a project is in the commit view. Default 75%.</summary>
    public Percentage CommitFrom { get; init; } = Percentage.FromPercent(75m);

    /// <summary>Gets the top of the probability band from which a project is in the best-case view. Default 50%.</summary>
    public Percentage BestCaseFrom { get; init; } = Percentage.FromPercent(50m);

    /// <summary>Reads the policy from JSON (camelCase members, each optional with its default) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths.</exception>
    public static ForecastPolicy FromJson(string json) =>
        StagesPoliciesJson.Read(json, StagesPoliciesJsonContext.Shared.ForecastPolicyDto, StagesPoliciesJson.ToPolicy, static (policy, path) => policy.Validate(path));

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => Kam.Core.Serialization.KamJson.Serialize(StagesPoliciesJson.ToDto(this), StagesPoliciesJsonContext.Shared.ForecastPolicyDto);

    /// <summary>Checks the policy.</summary>
    /// <param name="path">The path of the policy, for example <c>options.Stages.Forecast</c>.</param>
    /// <returns>The problems found; empty when valid.</returns>
    public IReadOnlyList<KamValidationError> Validate(string path)
    {
        var errors = new ValidationCollector();
        if (Period is not (PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Half or PeriodKind.Year))
        {
            errors.Add(path + "." + nameof(Period), KamErrorCodes.OutOfRange, (int)Period, "Not a defined period kind.");
        }

        return errors.Errors;
    }
}
