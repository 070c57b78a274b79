using Kam.Core.Accounts.Attainment;
using Kam.Core.Serialization;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Accounts.Serialization;

/// <summary>Reads and writes <see cref="AttainmentPolicy"/> files; constructor paths become JSON paths (<c>$.probabilities[3]</c>).</summary>
internal static class AttainmentPolicyJson
{
    public static AttainmentPolicy Read(string json) => KamJson.Read(json, AccountsJsonContext.Strict.AttainmentPolicyDto, dto =>
    {
        var errors = new ValidationCollector();
        WinProbabilityTable? table = null;
        if (dto.Probabilities is { } values)
        {
            table = KamJson.Nested(errors, "$", () => new WinProbabilityTable(values));
        }

        var policy = KamJson.Nested(errors, "$", () => new AttainmentPolicy(
            dto.BookingsMeasure ?? AttainmentPolicy.Default.BookingsMeasure,
            table,
            dto.RunRate ?? AttainmentPolicy.Default.RunRate,
            dto.OverdueInCurrentPeriod ?? AttainmentPolicy.Default.OverdueInCurrentPeriod,
            dto.Forecast ?? AttainmentPolicy.Default.Forecast));

        errors.ThrowIfAny();
        return policy!;
    });

    public static string Write(AttainmentPolicy policy) => KamJson.Serialize(
        new AttainmentPolicyDto
        {
            BookingsMeasure = policy.BookingsMeasure,
            Probabilities = [.. policy.Probabilities.Values],
            RunRate = policy.RunRate,
            OverdueInCurrentPeriod = policy.OverdueInCurrentPeriod,
            Forecast = policy.Forecast,
        },
        AccountsJsonContext.Strict.AttainmentPolicyDto);
}

/// <summary>The JSON shape of an <see cref="AttainmentPolicy"/>: every member optional, an absent one keeping its default.</summary>
internal sealed record AttainmentPolicyDto
{
    public string? BookingsMeasure { get; init; }

    public List<Percentage>? Probabilities { get; init; }

    public RunRateMethod? RunRate { get; init; }

    public bool? OverdueInCurrentPeriod { get; init; }

    public ForecastMethod? Forecast { get; init; }
}
