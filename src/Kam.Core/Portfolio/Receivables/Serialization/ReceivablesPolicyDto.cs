namespace Kam.Core.Portfolio.Receivables.Serialization;

/// <summary>The JSON shape of a <see cref="ReceivablesPolicy"/>; members left out take their defaults.</summary>
internal sealed record ReceivablesPolicyDto
{
    public List<int>? BucketLimits { get; init; }

    public int? DsoWindowDays { get; init; }

    public int? MaxDsoDays { get; init; }

    public int? DefaultPaymentDays { get; init; }

    public List<ReceivablesAlertKind>? CreditRiskAlerts { get; init; }
}
