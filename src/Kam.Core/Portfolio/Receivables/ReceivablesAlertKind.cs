namespace Kam.Core.Portfolio.Receivables;

/// <summary>The kinds of receivables alert.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReceivablesAlertKind>))]
public enum ReceivablesAlertKind
{
    /// <summary>The open balance is above the account's credit limit.</summary>
    LimitExceeded,

    /// <summary>Part of the open balance is in the last ageing bucket: more days past due than the last bucket limit.</summary>
    SeverelyOverdue,

    /// <summary>Days sales outstanding are above the policy's maximum and part of the open balance is past due (an account whose invoices are all within terms is not alerted, whatever its DSO).</summary>
    HighDso,
}
