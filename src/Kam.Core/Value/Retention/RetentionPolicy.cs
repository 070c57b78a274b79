using System.Globalization;
using Kam.Core.Serialization;
using Kam.Core.Value.Serialization;

namespace Kam.Core.Value.Retention;

/// <summary>The published figures the retention-economics calculations use by default (rule book: value, The profit of keeping customers).</summary>
/// <remarks>
/// <para>
/// <see cref="AcquisitionToRetentionCostRatio"/>: winning a new customer costs 6 times keeping one.
/// <see cref="RetentionImprovement"/>: the "keep 5% more customers" improvement, in percentage points of the
/// retention rate (rule book: value, The profit of keeping customers).
/// </para>
/// <para>
/// JSON: <c>{"acquisitionToRetentionCostRatio": 6, "retentionImprovement": "5%"}</c>. A policy is validated when it is
/// built (the ratio must be positive; the improvement above 0 and below 100%). Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class RetentionPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="acquisitionToRetentionCostRatio">How many times keeping a customer winning one costs; positive.</param>
    /// <param name="retentionImprovement">The retention improvement studied by default, in percentage points; above 0 and below 100%.</param>
    /// <exception cref="KamValidationException">A value is out of range.</exception>
    public RetentionPolicy(decimal acquisitionToRetentionCostRatio, Percentage retentionImprovement)
    {
        var errors = Check(acquisitionToRetentionCostRatio, retentionImprovement, string.Empty);
        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }

        AcquisitionToRetentionCostRatio = acquisitionToRetentionCostRatio;
        RetentionImprovement = retentionImprovement;
    }

    /// <summary>Gets the default policy: ratio 6, improvement 5 points (rule book: value, The profit of keeping customers).</summary>
    public static RetentionPolicy Default { get; } = new(6m, Percentage.FromPercent(5m));

    /// <summary>Gets how many times the cost of keeping a customer winning a new one costs.</summary>
    public decimal AcquisitionToRetentionCostRatio { get; }

    /// <summary>Gets the retention improvement studied by default, in percentage points of the retention rate.</summary>
    public Percentage RetentionImprovement { get; }

    /// <summary>Reads a policy from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; paths start at <c>$</c>.</exception>
    public static RetentionPolicy FromJson(string json) => KamJson.Read(json, ValueJsonContext.Strict.RetentionPolicyDto, FromDto);

    internal static RetentionPolicy FromDto(RetentionPolicyDto dto)
    {
        var errors = Check(dto.AcquisitionToRetentionCostRatio, dto.RetentionImprovement, "$.");
        return errors.Count > 0 ? throw new KamValidationException(errors) : new RetentionPolicy(dto.AcquisitionToRetentionCostRatio, dto.RetentionImprovement);
    }

    /// <summary>Writes the policy as JSON (the format <see cref="FromJson"/> reads).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => KamJson.Serialize(ToDto(), ValueJsonContext.Strict.RetentionPolicyDto);

    /// <summary>The policy's JSON form.</summary>
    internal RetentionPolicyDto ToDto() => new() { AcquisitionToRetentionCostRatio = AcquisitionToRetentionCostRatio, RetentionImprovement = RetentionImprovement };

    private static IReadOnlyList<KamValidationError> Check(decimal ratio, Percentage improvement, string prefix)
    {
        var errors = new ValidationCollector();
        if (ratio <= 0m)
        {
            errors.Add($"{prefix}acquisitionToRetentionCostRatio", KamErrorCodes.OutOfRange, ratio, "The ratio must be positive.");
        }

        if (improvement.Fraction is <= 0m or >= 1m)
        {
            errors.Add($"{prefix}retentionImprovement", KamErrorCodes.OutOfRange, improvement, string.Create(CultureInfo.InvariantCulture, $"The improvement must be above 0% and below 100%."));
        }

        return errors.Errors;
    }
}
