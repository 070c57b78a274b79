using Kam.Core.Serialization;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Retention;

namespace Kam.Core.Value.Serialization;

/// <summary>Reads and writes <see cref="ValueOptions"/>: one optional section per part, each in its part's own format.</summary>
internal static class ValueOptionsJson
{
    public static ValueOptions Read(string json) => KamJson.Read(json, ValueJsonContext.Strict.ValueOptionsDto, dto =>
    {
        var errors = new List<KamValidationError>();
        var economics = KamJson.Section(errors, "$.economics", dto.Economics, AccountEconomicsPolicy.FromDto);
        var retention = KamJson.Section(errors, "$.retention", dto.Retention, RetentionPolicy.FromDto);
        var fitting = KamJson.Section(errors, "$.fitting", dto.Fitting, f => new FitSettings(
            f.MaxIterations ?? FitSettings.Default.MaxIterations,
            f.GradientTolerance ?? FitSettings.Default.GradientTolerance,
            f.MaxDegreeOfParallelism ?? FitSettings.Default.MaxDegreeOfParallelism));
        return errors.Count == 0 ? new ValueOptions(economics, retention, fitting) : throw new KamValidationException(errors);
    });

    public static string Write(ValueOptions options) => KamJson.Serialize(
        new ValueOptionsDto
        {
            Economics = options.Economics.ToDto(),
            Retention = options.Retention.ToDto(),
            Fitting = new FitSettingsDto
            {
                MaxIterations = options.Fitting.MaxIterations,
                GradientTolerance = options.Fitting.GradientTolerance,
                MaxDegreeOfParallelism = options.Fitting.MaxDegreeOfParallelism,
            },
        },
        ValueJsonContext.Strict.ValueOptionsDto);

}

/// <summary>The JSON form of <see cref="ValueOptions"/>.</summary>
internal sealed record ValueOptionsDto
{
    public AccountEconomicsPolicyDto? Economics { get; init; }

    public RetentionPolicyDto? Retention { get; init; }

    public FitSettingsDto? Fitting { get; init; }
}

/// <summary>The JSON form of <see cref="FitSettings"/>: every member optional.</summary>
internal sealed record FitSettingsDto
{
    public int? MaxIterations { get; init; }

    public double? GradientTolerance { get; init; }

    public int? MaxDegreeOfParallelism { get; init; }
}
