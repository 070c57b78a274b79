using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Receivables.Serialization;

/// <summary>Reads and writes the receivables policy file through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.bucketLimits[1]</c>).</summary>
internal static class ReceivablesJson
{
    public static ReceivablesPolicy Read(string json) => KamJson.Read(json, ReceivablesJsonContext.Strict.ReceivablesPolicyDto, FromDto);

    public static string Write(ReceivablesPolicy policy) => KamJson.Serialize(
        new ReceivablesPolicyDto
        {
            BucketLimits = [.. policy.BucketLimits],
            DsoWindowDays = policy.DsoWindowDays,
            MaxDsoDays = policy.MaxDsoDays,
            DefaultPaymentDays = policy.DefaultPaymentDays,
            CreditRiskAlerts = [.. policy.CreditRiskAlerts],
        },
        ReceivablesJsonContext.Strict.ReceivablesPolicyDto);

    private static ReceivablesPolicy FromDto(ReceivablesPolicyDto dto) => KamJson.AtPath("$.", () => new ReceivablesPolicy(
        dto.BucketLimits,
        dto.DsoWindowDays ?? 90,
        dto.MaxDsoDays ?? 60,
        dto.DefaultPaymentDays ?? 30,
        dto.CreditRiskAlerts));
}
