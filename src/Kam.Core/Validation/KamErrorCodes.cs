namespace Kam.Core;

/// <summary>
/// The stable error codes carried by <see cref="KamValidationError.Code"/>. Programs may switch on them; they do not
/// change between versions.
/// </summary>
public static class KamErrorCodes
{
    /// <summary>A value is required but was missing, null or empty.</summary>
    public const string Required = "required";

    /// <summary>A number is outside the range the field allows.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A floating-point value is NaN or infinite.</summary>
    public const string NotFinite = "not_finite";

    /// <summary>A text value does not have the expected format.</summary>
    public const string InvalidFormat = "invalid_format";

    /// <summary>A key or identifier occurs more than once where it must be unique.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A reference names something that does not exist (an unknown item, stage, account or currency).</summary>
    public const string Unknown = "unknown";

    /// <summary>Two amounts in different currencies were combined.</summary>
    public const string CurrencyMismatch = "currency_mismatch";

    /// <summary>Values that must be in order (dates, thresholds, bands, probabilities) are not.</summary>
    public const string OutOfOrder = "out_of_order";

    /// <summary>Values that must add up to a total (weights, splits, shares) do not.</summary>
    public const string InvalidSum = "invalid_sum";

    /// <summary>An operation is not allowed in the current state (for example an event on a closed opportunity).</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>A collection is empty where the operation needs data.</summary>
    public const string Empty = "empty";

    /// <summary>A rule file has a member the schema does not know.</summary>
    public const string JsonUnknownMember = "json_unknown_member";

    /// <summary>A rule file lacks a member the schema requires.</summary>
    public const string JsonMissingMember = "json_missing_member";

    /// <summary>A rule file is not valid JSON, or a value has the wrong JSON type.</summary>
    public const string JsonInvalid = "json_invalid";

    /// <summary>
    /// A sum, product or conversion of amounts exceeds what <see cref="decimal"/> (about ±7.9 × 10^28) or a finite
    /// <see cref="double"/> can hold, or a statistic came out as NaN or infinity. The path names the quantity (for example
    /// <c>accounts[17].revenue</c> or <c>portfolio total revenue</c>); usually one input is far too large (wrong units).
    /// </summary>
    public const string Overflow = "overflow";
}
