namespace Kam.Core.Tiering;

/// <summary>One account and its measures, the friendly input form of a portfolio (see <see cref="AccountMeasures.FromRecords"/>).</summary>
/// <remarks>A measure absent from the dictionary is missing. The measures are copied, so later changes by the caller do not reach the record.</remarks>
public sealed class AccountRecord
{
    /// <summary>Creates an account record.</summary>
    /// <param name="id">The account.</param>
    /// <param name="measures">The account's measures by name (copied).</param>
    public AccountRecord(AccountId id, IReadOnlyDictionary<string, MeasureValue> measures)
    {
        Id = id;
        Measures = measures switch
        {
            null => null!,
            Dictionary<string, MeasureValue> dictionary => new Dictionary<string, MeasureValue>(dictionary, dictionary.Comparer),
            _ => new Dictionary<string, MeasureValue>(measures, StringComparer.Ordinal),
        };
    }

    /// <summary>Gets the account.</summary>
    public AccountId Id { get; }

    /// <summary>Gets the account's measures by name.</summary>
    public IReadOnlyDictionary<string, MeasureValue> Measures { get; }
}
