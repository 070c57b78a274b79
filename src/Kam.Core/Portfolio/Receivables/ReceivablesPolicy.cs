using Kam.Core.Portfolio.Receivables.Serialization;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// The rules of the receivables analysis: the ageing buckets, the window of days sales outstanding, the alert
/// thresholds, the payment days of an invoice without a due date, and which alerts make an account a credit risk
/// for the tiering credit gate. The defaults are documented in docs/receivables.md.
/// </summary>
/// <remarks>Immutable and valid from construction; every problem is reported at once, with paths relative to the policy (<c>bucketLimits[2]</c>).</remarks>
public sealed class ReceivablesPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="bucketLimits">
    /// The last day past due of every ageing bucket but the last, strictly increasing, 0 to 3,660, 1 to 12 of them
    /// (copied); <see langword="null"/> for 30, 60, 90 — the buckets 0-30, 31-60, 61-90 and 90+ days past due.
    /// </param>
    /// <param name="dsoWindowDays">The days of credit sales days sales outstanding divide by, 1 to 3,660; default 90.</param>
    /// <param name="maxDsoDays">The days sales outstanding above which an account with something past due is alerted, 1 to 3,660; default 60.</param>
    /// <param name="defaultPaymentDays">The days from issue to due date of an invoice without a due date when the account's terms give none, 0 to 3,660; default 30.</param>
    /// <param name="creditRiskAlerts">
    /// The alerts that make an account a credit risk (copied, each once); <see langword="null"/> for limit exceeded and
    /// severely overdue. Empty: no account is ever a credit risk.
    /// </param>
    /// <exception cref="KamValidationException">A value is out of range, the limits are not increasing, or an alert kind is unknown or repeated; every problem is reported.</exception>
    public ReceivablesPolicy(
        IReadOnlyList<int>? bucketLimits = null,
        int dsoWindowDays = 90,
        int maxDsoDays = 60,
        int defaultPaymentDays = 30,
        IReadOnlyList<ReceivablesAlertKind>? creditRiskAlerts = null)
    {
        var errors = new ValidationCollector();
        var limits = (bucketLimits ?? [30, 60, 90]).ToArray();
        if (limits.Length is < 1 or > 12)
        {
            errors.Add("bucketLimits", KamErrorCodes.OutOfRange, limits.Length, "Give 1 to 12 bucket limits (the last bucket is open-ended).");
        }

        for (var i = 0; i < limits.Length; i++)
        {
            if (!errors.InRange($"bucketLimits[{i}]", limits[i], 0, 3660))
            {
                continue;
            }

            if (i > 0 && limits[i] <= limits[i - 1])
            {
                errors.Add($"bucketLimits[{i}]", KamErrorCodes.OutOfOrder, limits[i], $"Bucket limits must be strictly increasing; this one is not above {limits[i - 1]}.");
            }
        }

        errors.InRange("dsoWindowDays", dsoWindowDays, 1, 3660);
        errors.InRange("maxDsoDays", maxDsoDays, 1, 3660);
        errors.InRange("defaultPaymentDays", defaultPaymentDays, 0, 3660);
        var risk = (creditRiskAlerts ?? [ReceivablesAlertKind.LimitExceeded, ReceivablesAlertKind.SeverelyOverdue]).ToArray();
        for (var i = 0; i < risk.Length; i++)
        {
            if (!Enum.IsDefined(risk[i]))
            {
                errors.Add($"creditRiskAlerts[{i}]", KamErrorCodes.Unknown, (int)risk[i], "Not a kind of receivables alert.");
            }
            else if (Array.IndexOf(risk, risk[i]) < i)
            {
                errors.Add($"creditRiskAlerts[{i}]", KamErrorCodes.Duplicate, risk[i], "This alert is listed twice.");
            }
        }

        errors.ThrowIfAny();
        BucketLimits = Array.AsReadOnly(limits);
        var buckets = new AgeingBucket[limits.Length + 1];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = new AgeingBucket(b == 0 ? 0 : limits[b - 1] + 1, b < limits.Length ? limits[b] : null);
        }

        Buckets = Array.AsReadOnly(buckets);
        DsoWindowDays = dsoWindowDays;
        MaxDsoDays = maxDsoDays;
        DefaultPaymentDays = defaultPaymentDays;
        CreditRiskAlerts = Array.AsReadOnly(risk);
        foreach (var kind in risk)
        {
            RiskMask |= 1 << (int)kind;
        }
    }

    /// <summary>Gets the policy with every default.</summary>
    public static ReceivablesPolicy Default { get; } = new();

    /// <summary>Gets the last day past due of every bucket but the last.</summary>
    public IReadOnlyList<int> BucketLimits { get; }

    /// <summary>Gets the ageing buckets, one more than <see cref="BucketLimits"/>.</summary>
    public IReadOnlyList<AgeingBucket> Buckets { get; }

    /// <summary>Gets the days of credit sales days sales outstanding divide by.</summary>
    public int DsoWindowDays { get; }

    /// <summary>Gets the days sales outstanding above which an account with something past due is alerted.</summary>
    public int MaxDsoDays { get; }

    /// <summary>Gets the payment days of an invoice without a due date when the account's terms give none.</summary>
    public int DefaultPaymentDays { get; }

    /// <summary>Gets the alerts that make an account a credit risk.</summary>
    public IReadOnlyList<ReceivablesAlertKind> CreditRiskAlerts { get; }

    /// <summary>Gets the credit-risk alerts as bits (1 &lt;&lt; kind).</summary>
    internal int RiskMask { get; }

    /// <summary>Reads a policy from JSON (the format and defaults are in docs/receivables.md; its schema in docs/schemas/receivables-policy.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy invalid; paths are JSON paths (<c>$.bucketLimits[1]</c>).</exception>
    public static ReceivablesPolicy FromJson(string json) => ReceivablesJson.Read(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReceivablesJson.Write(this);

    /// <summary>Tells whether two policies age and window alike, so that their summaries can be merged.</summary>
    internal bool SameShape(ReceivablesPolicy other) => DsoWindowDays == other.DsoWindowDays && BucketLimits.SequenceEqual(other.BucketLimits);
}
